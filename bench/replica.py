"""bench/two_servers --replica-url: show the router against a real streaming standby.

1. Where the queries ran: transactions counted by PostgreSQL itself (pg_stat_database) on the primary and on
   the standby while a phase runs.
2. Read-after-write while the standby is behind: replay is paused on the standby (pg_wal_replay_pause), a wish
   is posted through the balancer; its tracking page is found with the pin cookie the POST set (the primary),
   and not found without it (the standby, which has not got the wish yet: so GETs really read the standby);
   after replay resumes it is found without the cookie too.
"""

import http.client
import time
import urllib.parse
import uuid

import psycopg
from wishload import form_fields

PIN_COOKIE = "db_pin"  # nanjie/db_router.py


def transactions(url):
    """Committed + rolled-back transactions of this database so far, as its server counts them."""
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = "
                            "current_database()").fetchone()[0]


def _cookies(response):
    return {value.split("=", 1)[0]: value.split(";", 1)[0] for header, value in response.getheaders()
            if header.lower() == "set-cookie"}


def _get(port, path, cookies=()):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    conn.request("GET", path, headers={"Cookie": "; ".join(cookies)} if cookies else {})
    response = conn.getresponse()
    response.read()
    conn.close()
    return response.status


def _replay(replica_url, paused):
    with psycopg.connect(replica_url, autocommit=True) as conn:
        conn.execute("SELECT pg_wal_replay_pause()" if paused else "SELECT pg_wal_replay_resume()")


def _caught_up(primary_url, replica_url, timeout=30):
    with psycopg.connect(primary_url, autocommit=True) as conn:
        target = conn.execute("SELECT pg_current_wal_lsn()").fetchone()[0]
    deadline = time.monotonic() + timeout
    with psycopg.connect(replica_url, autocommit=True) as conn:
        while time.monotonic() < deadline:
            if conn.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [target]).fetchone()[0]:
                return True
            time.sleep(0.1)
    return False


def read_after_write(port, choices, primary_url, replica_url):
    """Returns a dict of what was seen; ok when the pinned read found the wish and the unpinned one did not."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    address = "10.99.0.1"
    csrf_cookie, token = form_fields(conn, address)
    category, micro = choices[0]
    body = urllib.parse.urlencode({
        "csrfmiddlewaretoken": token, "category": category, "micro_grid": micro, "submission": str(uuid.uuid4()),
        "text": "负载测试心愿 副本:楼道灯不亮。", "resident_name": "", "resident_phone": "",
    })
    _replay(replica_url, paused=True)
    try:
        conn.request("POST", "/wish/", body=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Cookie": csrf_cookie, "X-Forwarded-For": address})
        response = conn.getresponse()
        response.read()
        location = urllib.parse.urlparse(response.getheader("Location", "")).path
        pin = _cookies(response).get(PIN_COOKIE)
        seen = {"posted": response.status, "pin cookie": bool(pin),
                "tracking page with the pin (primary)": _get(port, location, [csrf_cookie, pin] if pin else []),
                "without it, standby paused": _get(port, location)}
    finally:
        _replay(replica_url, paused=False)
    seen["standby caught up"] = _caught_up(primary_url, replica_url)
    seen["without it, after replay"] = _get(port, location)
    conn.close()
    seen["ok"] = (seen["posted"], seen["tracking page with the pin (primary)"], seen["without it, standby paused"],
                  seen["without it, after replay"]) == (302, 200, 404, 200)
    return seen


def read_load(port, clients, seconds, paths=("/board/", "/wish/", "/")):
    """Anonymous visitors reading public pages through the balancer: (answers by status, elapsed seconds)."""
    import threading

    statuses, lock = {}, threading.Lock()
    stop_at = time.monotonic() + seconds

    def visitor(number):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
        while time.monotonic() < stop_at:
            path = paths[number % len(paths)]
            number += 1
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                conn.close()
                continue
            with lock:
                statuses[response.status] = statuses.get(response.status, 0) + 1
        conn.close()

    started = time.monotonic()
    threads = [threading.Thread(target=visitor, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 30)
    return statuses, time.monotonic() - started
