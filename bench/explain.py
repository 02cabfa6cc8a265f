"""EXPLAIN every query the measured pages make, and flag sequential scans on the big tables.

    bench/explain.py [--database nanjie_bench_county] [--only LABEL ...] [--full]

Runs in-process with production settings (bench/server.production_env): requests each page of
bench/pages.py once as its user, captures the SQL with CaptureQueriesContext, and runs `EXPLAIN` on every
SELECT. A "Seq Scan" on requests, transitions, households, visits or grid nodes is what makes a page slow
down as the county grows, so those are printed first; --full prints every plan.
"""

import argparse
import os
import re
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIG = ("requests_request", "requests_transition", "grid_household", "grid_visit", "grid_gridnode")


def child(options):
    sys.argv = [sys.argv[0]]
    import pages  # noqa: F401 (sets Django up)
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    plan = pages.build()
    client = Client(HTTP_HOST="127.0.0.1")
    found_seq = 0
    for page in plan:
        if page.get("missing") or page["method"] != "GET":
            continue
        if options.only and page["label"] not in options.only:
            continue
        client.cookies.clear()
        if page["user"]:
            client.cookies[settings.SESSION_COOKIE_NAME] = pages.session_for(page["user"])
        client.get(page["path"], HTTP_X_FORWARDED_FOR="10.9.9.9")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page["path"], HTTP_X_FORWARDED_FOR="10.9.9.9")
        print(f"\n## {page['label']}  {page['path']}  (as {page['user'] or 'anonymous'}, "
              f"{response.status_code}, {len(queries)} queries)")
        for number, query in enumerate(queries.captured_queries, 1):
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN " + sql)
                lines = [row[0] for row in cursor.fetchall()]
            seq = [line.strip() for line in lines if re.search(rf"Seq Scan on ({'|'.join(BIG)})\b", line)]
            found_seq += bool(seq)
            if seq or options.full:
                print(f"\n{number}. {sql[:400]}{' …' if len(sql) > 400 else ''}")
                print("\n".join("    " + line for line in lines))
            else:
                print(f"{number}. ok ({lines[0].strip()[:90]}) — {sql[:100]}")
    print(f"\nqueries with a sequential scan on a big table: {found_seq}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="nanjie_bench_county")
    parser.add_argument("--only", action="append")
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        sys.path.insert(0, str(HERE))
        return child(options)
    sys.path.insert(0, str(HERE))
    from server import BASE, PYTHON, production_env

    env = production_env(options.database, tempfile.mkdtemp(prefix="nanjie-explain-"), secrets.token_urlsafe(50))
    env["DJANGO_STATIC_MANIFEST"] = "False"  # no collectstatic needed in-process
    args = [PYTHON, str(HERE / "explain.py"), "--child", *(["--full"] if options.full else [])]
    for label in options.only or ():
        args += ["--only", label]
    return subprocess.run(args, cwd=BASE, env=env).returncode


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
