"""The wish load shared by bench/load_wishes and bench/two_servers: simulated residents and the reconciliation.

Each resident (a thread with its own http.client connection and X-Forwarded-For address) opens the wish form,
takes its CSRF cookie and one-time `submission` key, and posts a wish; a 302 to the tracking page is an
acknowledgement. After an error or a dropped connection it posts the same form again (same key), up to 3 times.
Afterwards reconcile() asks the database about every acknowledged key: none lost, none twice, none half-saved.
"""

import http.client
import os
import random
import re
import subprocess
import threading
import time
import urllib.parse
import uuid
from pathlib import Path

from server import BASE, PYTHON

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# Our own error page (templates/500.html) says this; gunicorn's bare page and a traceback do not.
OUR_PAGE = "系统暂时出错"


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.acked = {}  # submission key -> tracking token from the redirect
        self.latencies = []  # seconds, successful POSTs
        self.statuses = {}
        self.errors = {}
        self.foreign_5xx = 0  # a 5xx that is not our page
        self.during_outage = {}
        self.upstreams = {}  # "127.0.0.1:8031" -> POSTs it answered (behind the balancer only)
        self.posts = 0

    def count(self, table, key):
        with self.lock:
            table[key] = table.get(key, 0) + 1


def form_fields(conn, address):
    """GET the wish form: the CSRF cookie, the form's token, a category and a micro-grid to post."""
    conn.request("GET", "/wish/", headers={"X-Forwarded-For": address})
    response = conn.getresponse()
    body = response.read().decode("utf-8", "replace")
    if response.status != 200:
        raise RuntimeError(f"GET /wish/ {response.status}")
    cookie = ""
    for header, value in response.getheaders():
        if header.lower() == "set-cookie" and value.startswith("csrftoken="):
            cookie = value.split(";", 1)[0]
    token = CSRF_INPUT.search(body).group(1)
    return cookie, token


def resident(number, port, stats, stop_at, choices, outage, one_address=False):
    rng = random.Random(number)
    address = f"10.20.{number // 250}.{number % 250 + 1}"
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    cookie = token = None
    while time.monotonic() < stop_at:
        try:
            if cookie is None:
                cookie, token = form_fields(conn, address)
        except (OSError, http.client.HTTPException, RuntimeError, AttributeError) as error:
            stats.count(stats.errors, f"form: {type(error).__name__}")
            conn.close()
            time.sleep(0.5)
            continue
        key = str(uuid.uuid4())
        category, micro = rng.choice(choices)
        body = urllib.parse.urlencode({
            "csrfmiddlewaretoken": token, "category": category, "micro_grid": micro, "submission": key,
            "text": f"负载测试心愿 {key[:8]}:楼道灯不亮。", "resident_name": "", "resident_phone": "",
        })
        for _attempt in range(3):
            started = time.monotonic()
            try:
                conn.request("POST", "/wish/", body=body, headers={
                    "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie,
                    "X-Forwarded-For": address if one_address else
                    f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}",
                })
                response = conn.getresponse()
                page = response.read().decode("utf-8", "replace")
            except (OSError, http.client.HTTPException) as error:
                stats.count(stats.errors, f"post: {type(error).__name__}")
                conn.close()
                time.sleep(0.2)
                continue  # the same key again, as a resident tapping "submit" again
            elapsed = time.monotonic() - started
            with stats.lock:
                stats.posts += 1
            stats.count(stats.statuses, response.status)
            upstream = response.getheader("X-Upstream")  # set by bench/nginx.conf: which server answered
            if upstream:
                stats.count(stats.upstreams, upstream)
            if outage.is_set():
                stats.count(stats.during_outage, response.status)
            if response.status >= 500 and OUR_PAGE not in page:
                with stats.lock:
                    stats.foreign_5xx += 1
            if response.status == 302:
                location = response.getheader("Location", "")
                match = re.search(r"/track/([^/]+)/", location)
                with stats.lock:
                    stats.acked[key] = match.group(1) if match else location
                    stats.latencies.append(elapsed)
                break
            time.sleep(0.2)
    conn.close()


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def reconcile(acked, env, keep=False):
    """Ask the database, in a subprocess with the server's settings, about every acknowledged key (key -> token)."""
    keys_file = Path(f"/tmp/nanjie-load-keys-{os.getpid()}.txt")
    keys_file.write_text("\n".join(f"{k} {t}" for k, t in acked.items()))
    code = f"""
import django, os, sys, uuid
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nanjie.settings")
django.setup()
from django.db.models import Count
from requests.models import Request
acked = dict(line.split(" ", 1) for line in open({str(keys_file)!r}).read().splitlines() if line)
since = Request.objects.filter(text__startswith="负载测试心愿", ordered_at__gte=os.environ["LOAD_STARTED"])
stored = {{str(k): t for k, t in since.values_list("idempotency_key", "token")}}
lost = [k for k in acked if k not in stored]
wrong = [k for k, t in acked.items() if k in stored and stored[k] != t]
dupes = since.values("idempotency_key").annotate(n=Count("id")).filter(n__gt=1).count()
half = since.annotate(t=Count("transitions")).filter(t=0).count() + since.filter(reference__isnull=True).count()
unacked = len([k for k in stored if k not in acked])
print(f"RESULT {{len(stored)}} {{unacked}} {{len(lost)}} {{len(wrong)}} {{dupes}} {{half}}")
"""
    out = subprocess.run([PYTHON, "-c", code], cwd=BASE, env=env, capture_output=True, text=True)
    keys_file.unlink(missing_ok=True)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("RESULT")), None)
    if not keep:  # the load's wishes would crowd the dispatch queue of later benchmarks
        subprocess.run([PYTHON, "-c", CLEANUP], cwd=BASE, env=env, check=False)
    if line is None:
        raise RuntimeError(out.stderr)
    stored, unacked, lost, wrong, dupes, half = map(int, line.split()[1:])
    return {"stored": stored, "stored_unacknowledged": unacked, "lost": lost, "wrong_token": wrong,
            "duplicates": dupes, "half_saved": half}


CLEANUP = """
import django, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nanjie.settings")
django.setup()
from requests.models import Request
Request.objects.filter(text__startswith="负载测试心愿").delete()
"""


def choices_from(env):
    code = """
import django, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nanjie.settings")
django.setup()
from grid.models import GridNode
from partners.models import Category
cats = list(Category.objects.filter(active=True).values_list("pk", flat=True))
micros = list(GridNode.objects.filter(kind="micro_grid", code__startswith="NJ-").values_list("code", flat=True))
print(" ".join(f"{c},{m}" for c in cats for m in micros[:40]))
"""
    out = subprocess.run([PYTHON, "-c", code], cwd=BASE, env=env, capture_output=True, text=True, check=True)
    return [tuple(pair.split(",")) for pair in out.stdout.split()]


def load(port, clients, seconds, choices, outage=None, side_threads=(), one_address=False, stats=None):
    """`clients` residents post wishes to 127.0.0.1:port for `seconds`; side_threads (faults) run beside them,
    each called with the start time. Returns (stats, elapsed seconds)."""
    stats, outage = stats or Stats(), outage or threading.Event()
    started = time.monotonic()
    threads = [threading.Thread(target=resident, args=(n, port, stats, started + seconds, choices, outage, one_address))
               for n in range(clients)]
    threads += [threading.Thread(target=target, args=(started,)) for target in side_threads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    return stats, time.monotonic() - started


def probe(port, choices, count=5):
    """A few residents for a second each, after the run: does the service still take wishes?"""
    probes = Stats()
    for n in range(count):
        resident(10_000 + n, port, probes, time.monotonic() + 1, choices, threading.Event())
    return probes


def rate(stats, elapsed):
    return len(stats.acked) / elapsed


def print_run(stats, elapsed):
    lat = stats.latencies
    mean = sum(lat) / len(lat) * 1000 if lat else 0
    print(f"POSTs answered {stats.posts}, acknowledged (302) {len(stats.acked)}, "
          f"{rate(stats, elapsed):.1f} acknowledged wishes/s (the run only, not the recovery probes)")
    print(f"submit latency p50 {percentile(lat, 50) * 1000:.1f} ms, p95 {percentile(lat, 95) * 1000:.1f} ms, "
          f"p99 {percentile(lat, 99) * 1000:.1f} ms (mean {mean:.1f} ms)")
    print(f"statuses {dict(sorted(stats.statuses.items()))}; during the outage {stats.during_outage}; "
          f"connection errors {stats.errors}")
    print(f"5xx {sum(n for s, n in stats.statuses.items() if s >= 500)} (not our error page: {stats.foreign_5xx})")


def print_reconciled(figures):
    print(f"reconciled (run and probes): stored {figures['stored']}, lost {figures['lost']}, "
          f"duplicates {figures['duplicates']}, wrong token {figures['wrong_token']}, "
          f"half-saved {figures['half_saved']}, stored but never acknowledged {figures['stored_unacknowledged']}")


def nothing_lost(figures):
    return figures["lost"] == figures["duplicates"] == figures["half_saved"] == figures["wrong_token"] == 0
