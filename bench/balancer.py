"""nginx as the local load balancer of bench/two_servers (config: bench/nginx.conf), on 127.0.0.1 only."""

import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from server import BASE, PYTHON

CONFIG = Path(__file__).resolve().parent / "nginx.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


class Balancer:
    """nginx in front of the given server ports, as a context manager."""

    def __init__(self, port, server_ports, env):
        if not Path(NGINX).exists():
            raise RuntimeError("nginx is not installed: apt-get install nginx (it stays stopped; we start our own)")
        self.port, self.server_ports = port, list(server_ports)
        self.prefix = Path(tempfile.mkdtemp(prefix="nanjie-bench-nginx-"))
        self.prefix.chmod(0o755)  # nginx's workers (nobody) read the error page from here
        # The portal's own page for "no server answers", as production renders it (README, "Production").
        page = subprocess.run([PYTHON, "manage.py", "unavailable_page"], cwd=BASE, env=env, capture_output=True,
                              text=True, check=True).stdout
        (self.prefix / "_unavailable.html").write_text(page)
        self.process = None

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def _write_config(self):
        upstreams = "\n        ".join(f"server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;"
                                       for port in self.server_ports)
        text = CONFIG.read_text().replace("@PREFIX@", str(self.prefix)).replace("@LISTEN@", str(self.port))
        (self.prefix / "nginx.conf").write_text(text.replace("@UPSTREAMS@", upstreams))

    def _nginx(self, *args, **kwargs):
        return [NGINX, "-p", str(self.prefix), "-e", str(self.prefix / "error.log"),
                "-c", str(self.prefix / "nginx.conf"), *args]

    def __enter__(self):
        self._write_config()
        subprocess.run(self._nginx("-t", "-q"), check=True)
        self.process = subprocess.Popen(self._nginx("-g", "daemon off;"), start_new_session=True)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.base}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError(f"nginx did not answer on port {self.port}; see {self.prefix / 'error.log'}")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGQUIT)  # our own session: this nginx only; graceful
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        shutil.rmtree(self.prefix, ignore_errors=True)
