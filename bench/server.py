"""Start and stop a production-configured gunicorn on 127.0.0.1 for the benchmarks (bench/harness, load_wishes).

Production settings except the three that need TLS (SSL redirect, Secure cookies, HSTS), a random secret,
static files collected with manifest storage into a temporary STATIC_ROOT, PostgreSQL.
DJANGO_BEHIND_TLS_PROXY=True makes the app trust the last X-Forwarded-For entry, as it does behind our
proxy: the load tools give each simulated resident an address, so the per-address wish limit (10 an hour)
applies to each of them instead of refusing the whole run from 127.0.0.1.
"""

import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
PYTHON = str(BASE / ".venv" / "bin" / "python")
GUNICORN = str(BASE / ".venv" / "bin" / "gunicorn")
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")


def database_url(name):
    return f"{PG}/{name}"


def production_env(database, static_root, secret=None):
    env = dict(os.environ)
    for key in list(env):
        if key.startswith("DJANGO_") or key == "DATABASE_URL":
            del env[key]
    env.update({
        "DJANGO_DEBUG": "False",
        "DJANGO_SECRET_KEY": secret or secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "False",
        "DJANGO_SECURE_COOKIES": "False",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_STATIC_ROOT": str(static_root),
        "DJANGO_BEHIND_TLS_PROXY": "True",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": database_url(database),
        "NANJIE_BENCH_FLOOR": "1",
        "PYTHONPATH": str(BASE),
    })
    return env


def collect_static(env):
    subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=BASE, env=env, check=True)


class Server:
    """gunicorn as a context manager; `workers` pids are read from its children for the SIGKILL fault.

    Several servers of one deployment share `secret` and `static_root` (bench/two_servers), and `extra_env`
    (REDIS_URL, DATABASE_REPLICA_URL); kill() and start() take one down and bring it back.
    """

    def __init__(self, database, port, workers=2, secret=None, static_root=None, extra_env=None):
        self.port, self.workers = port, workers
        self._own_static = static_root is None
        self.static_root = Path(static_root or tempfile.mkdtemp(prefix="nanjie-bench-static-"))
        self.env = production_env(database, self.static_root, secret)
        self.env.update(extra_env or {})
        self.process = None
        self.log = tempfile.NamedTemporaryFile(prefix="nanjie-bench-gunicorn-", suffix=".log", delete=False)

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        if self._own_static:
            collect_static(self.env)
        return self.start()

    def start(self):
        self.process = subprocess.Popen(
            [GUNICORN, "nanjie.wsgi:application", "--bind", f"127.0.0.1:{self.port}", "--workers",
             str(self.workers), "--timeout", "30", "--graceful-timeout", "5"],  # access log skips log masking
            cwd=BASE, env=self.env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.log.name}")
            try:
                with urllib.request.urlopen(f"{self.base}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer /healthz on port {self.port}; see {self.log.name}")

    def kill(self):
        """The whole server at once, as if its machine died: SIGKILL to gunicorn and every worker."""
        os.killpg(self.process.pid, signal.SIGKILL)  # our own session: gunicorn and its workers only
        self.process.wait()

    def worker_pids(self):
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(self.process.pid)], capture_output=True, text=True)
        return [int(pid) for pid in out.stdout.split()]

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # our own session: gunicorn and its workers only
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if self._own_static:
            shutil.rmtree(self.static_root, ignore_errors=True)

    def __exit__(self, *exc):
        self.stop()


def manage(database, *args, secret=None, check=True, quiet=False):
    """Run manage.py against a benchmark database (development settings: DEBUG for the dev secret)."""
    env = dict(os.environ, DJANGO_DEBUG="True", DATABASE_URL=database_url(database))
    return subprocess.run([PYTHON, "manage.py", *args], cwd=BASE, env=env, check=check,
                          stdout=subprocess.DEVNULL if quiet else None)


if __name__ == "__main__":
    sys.exit("bench/server.py is a module; run bench/run or bench/load_wishes")
