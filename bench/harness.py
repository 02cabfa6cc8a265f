"""`make bench`: every key page at community and county scale, against a no-query floor, with wrk.

For each scale it prepares the database (migrate; `seed`; `seed_county` for the county, each skipped when
done), counts each page's queries in-process (bench/pages.py), starts a production-configured gunicorn on
127.0.0.1 (bench/server.py) and drives each page with wrk for a bounded time, the floor first and last.
It prints per page: req/s, p50/p95/p99, queries, ratio to the floor, and the county/community ratio, and
writes the figures to bench/results/<time>.json and a Markdown table to bench/results/latest.md.

    bench/run [--duration 10] [--connections 4] [--scales community,county] [--only LABEL ...]
"""

import argparse
import datetime
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid
from http.client import HTTPConnection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from server import BASE, PYTHON, Server, collect_static, manage, production_env  # noqa: E402

# Databases and ports: NANJIE_BENCH_PREFIX and NANJIE_BENCH_PORT let a branch measure in databases of its own
# (a branch with new migrations must not migrate the shared ones under another branch's feet).
_PREFIX = os.environ.get("NANJIE_BENCH_PREFIX", "nanjie_bench")
_PORT = int(os.environ.get("NANJIE_BENCH_PORT", "8006"))
SCALES = {"community": (f"{_PREFIX}_community", _PORT), "county": (f"{_PREFIX}_county", _PORT + 1)}
LUA = str(BASE / "bench" / "wrk" / "bench.lua")
TARGET_READ, TARGET_POST, TARGET_SCALE = 0.5, 0.3, 0.8
# A page whose single request takes longer than this is not load-tested: a few connections would keep
# every worker busy for minutes and spoil the pages measured after it. Its figures are then estimates
# from single requests (req/s ≈ workers ÷ latency), marked "est.".
SLOW_SECONDS = 1.0


def prepare_database(scale, name):
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], capture_output=True)
    manage(name, "migrate", "--noinput", "-v0")
    manage(name, "seed", quiet=True)  # idempotent: a second run changes nothing
    if scale == "county":
        manage(name, "seed_county")


def wrk(url, args, duration, connections):
    command = ["wrk", "-t", "2" if connections > 1 else "1", "-c", str(connections), "-d", f"{duration}s",
               "--timeout", "10s", "-s", LUA, url, "--", *args]
    out = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60)
    for line in out.stdout.splitlines():
        if line.startswith("BENCHJSON "):
            result = json.loads(line[len("BENCHJSON "):])
            result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
            return result
    raise RuntimeError(f"wrk gave no result for {url}: {out.stdout}\n{out.stderr}")


def single(port, page, timeout=120):
    """One request, timed: (seconds, status, bytes)."""
    conn = HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {"X-Forwarded-For": f"10.77.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250 + 1}"}
    cookies = [c for c in (page.get("cookie"),) if c]
    body = None
    if page["method"] == "POST":
        cookies.append(f"csrftoken={page['csrf']}")
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        body = urllib.parse.urlencode({**page["form"], "csrfmiddlewaretoken": page["csrf"],
                                       "submission": str(uuid.uuid4())})
    if cookies:
        headers["Cookie"] = "; ".join(cookies)
    started = time.monotonic()
    try:
        conn.request(page["method"], page["path"], body=body, headers=headers)
        response = conn.getresponse()
        size = len(response.read())
        return time.monotonic() - started, response.status, size
    finally:
        conn.close()


def wait_idle(port, floor, limit=180):
    """After a page, wait until the floor answers quickly again: no leftover requests in the workers."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            if single(port, floor, timeout=30)[0] < 0.2:
                return
        except OSError:
            pass
        time.sleep(0.5)


def measure_scale(scale, options):
    name, port = SCALES[scale]
    if not options.no_prepare:
        print(f"[{scale}] preparing {name} …", flush=True)
        prepare_database(scale, name)
    secret = secrets.token_urlsafe(50)
    static_root = Path(tempfile.mkdtemp(prefix="nanjie-bench-static-"))
    env = production_env(name, static_root, secret)
    plan_file = Path(tempfile.mkstemp(prefix="nanjie-bench-pages-", suffix=".json")[1])
    try:
        collect_static(env)
        subprocess.run([PYTHON, str(BASE / "bench" / "pages.py"), str(plan_file)], cwd=BASE, env=env, check=True)
        plan = json.loads(plan_file.read_text())
        pages = [p for p in plan["pages"] if not options.only or p["label"] in options.only
                 or p["label"].startswith("floor")]
        with Server(name, port, workers=options.workers, secret=secret, static_root=static_root) as server:
            floor = next(p for p in pages if p["label"].startswith("floor"))
            # Writes last, so the read pages see the seeded data only.
            others = [p for p in pages if p is not floor]
            runs = [floor] + [p for p in others if p["method"] == "GET"] + [p for p in others if p["method"] != "GET"]
            runs.append(dict(floor, label="floor (again, at the end)"))
            results = []
            for page in runs:
                if page.get("missing"):
                    results.append(page)
                    print(f"[{scale}] {page['label']:<34} not measured: {page['missing']}", flush=True)
                    continue
                if page["method"] == "POST":
                    fields = urllib.parse.urlencode(page["form"])
                    args = ["post", page.get("cookie", ""), page["csrf"], fields]
                else:
                    args = ["get", page.get("cookie", "")]
                url = server.base + page["path"]
                single(port, page)  # warm-up: imports, template and connection caches
                seconds, status, size = single(port, page)
                page = {**page, "single_s": seconds, "bytes": size}
                if seconds > SLOW_SECONDS:
                    times = [seconds] + [single(port, page)[0] for _ in range(2)]
                    mean = sum(times) / len(times)
                    times.sort()
                    figures = {"rps": options.workers / mean, "estimated": True, "p50_us": times[1] * 1e6,
                               "p95_us": times[-1] * 1e6, "p99_us": times[-1] * 1e6, "statuses": {str(status): 3}}
                else:
                    wrk(url, args, 1, options.connections)
                    figures = wrk(url, args, options.duration, options.connections)
                wait_idle(port, floor)
                results.append({**page, **figures})
                print(f"[{scale}] {page['label']:<34} {figures['rps']:8.1f} req/s"
                      f"{' (est.)' if figures.get('estimated') else ''}  {page['bytes'] // 1024} KiB"
                      f"  p95 {figures['p95_us'] / 1000:7.1f} ms"
                      f"  {page.get('queries', '?'):>3} queries  statuses {figures['statuses']}", flush=True)
        floors = [r["rps"] for r in results if r["label"].startswith("floor") and "rps" in r]
        floor_rps = sum(floors) / len(floors)
        for r in results:
            if "rps" in r:
                r["floor_ratio"] = r["rps"] / floor_rps
        return {"floor_rps": floor_rps, "floors": floors, "pages": results, "routes": plan["routes"]}
    finally:
        subprocess.run([PYTHON, str(BASE / "bench" / "pages.py"), "--cleanup"], cwd=BASE, env=env, check=False)
        plan_file.unlink(missing_ok=True)
        shutil.rmtree(static_root, ignore_errors=True)


def verdict(row, county=None):
    if "rps" not in row:
        return "—"
    misses = []
    target = TARGET_POST if row["method"] == "POST" else TARGET_READ
    if row["label"].startswith("floor"):
        return ""
    if row["floor_ratio"] < target:
        misses.append(f"< {target} of floor")
    expected = 302 if row["method"] == "POST" else 200
    if set(row["statuses"]) - {str(expected)}:
        misses.append(f"statuses {row['statuses']}")
    if county is not None and "rps" in county:
        if county["rps"] / row["rps"] < TARGET_SCALE:
            misses.append(f"county < {TARGET_SCALE}")
        if county.get("queries") != row.get("queries"):
            misses.append("queries grow with scale")
    return "MISS: " + "; ".join(misses) if misses else "ok"


def table(results):
    scales = list(results)
    lines = ["| page | " + " | ".join(
        f"{s} req/s | {s} p50/p95/p99 ms | {s} queries | {s} ÷ floor" for s in scales)
        + (" | county ÷ community | verdict |" if len(scales) == 2 else " | verdict |"),
        "|---" * (1 + 4 * len(scales) + (2 if len(scales) == 2 else 1)) + "|"]
    labels = []
    for s in scales:
        labels += [r["label"] for r in results[s]["pages"] if r["label"] not in labels]
    by_label = {s: {r["label"]: r for r in results[s]["pages"]} for s in scales}
    for label in labels:
        cells = [label]
        others = [by_label[s].get(label, {"missing": "not in this run"}) for s in scales]
        for r in others:
            if "rps" in r:
                rps = f"{r['rps']:.1f}" + (" est." if r.get("estimated") else "")
                cells += [rps, f"{r['p50_us'] / 1000:.1f} / {r['p95_us'] / 1000:.1f} / "
                          f"{r['p99_us'] / 1000:.1f}", str(r.get("queries", "?")), f"{r['floor_ratio']:.2f}"]
            else:
                cells += [r.get("missing", "—"), "", "", ""]
        if len(scales) == 2:
            a, b = others
            cells.append(f"{b['rps'] / a['rps']:.2f}" if "rps" in a and "rps" in b else "—")
            cells.append(verdict(a, b))
        else:
            cells.append(verdict(others[0]))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", 10)),
                        help="seconds of wrk per page (default 10)")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2: 2 cores)")
    parser.add_argument("--scales", default="community,county")
    parser.add_argument("--only", action="append", help="measure only this page label (repeatable)")
    parser.add_argument("--no-prepare", action="store_true", help="skip migrate/seed (databases ready)")
    options = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (Debian package wrk)")
    started = datetime.datetime.now()
    results = {}
    for scale in options.scales.split(","):
        results[scale] = measure_scale(scale, options)
    markdown = table(results)
    header = (f"`bench/run --duration {options.duration} --connections {options.connections} --workers "
              f"{options.workers}`, {started:%Y-%m-%d %H:%M}; floor req/s: "
              + ", ".join(f"{s} {r['floor_rps']:.0f} ({' / '.join(f'{f:.0f}' for f in r['floors'])})"
                          for s, r in results.items()))
    print("\n" + header + "\n\n" + markdown)
    out = BASE / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / f"{started:%Y%m%d-%H%M%S}.json").write_text(json.dumps(results, ensure_ascii=False, indent=1))
    (out / "latest.md").write_text(header + "\n\n" + markdown + "\n")


if __name__ == "__main__":
    main()
