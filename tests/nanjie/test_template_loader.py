"""Templates are compiled once per process: Django's cached loader wraps the file and app loaders (settings name
no `loaders`, so Django's default applies, in production as in development)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {"DJANGO_DEBUG": "False", "DJANGO_SECRET_KEY": "a-real-secret-" + "x" * 40,
              "DJANGO_ALLOWED_HOSTS": "nanjie.example.cn", "DATABASE_URL": "sqlite:////tmp/nanjie-loader-test.sqlite3",
              "DJANGO_SETTINGS_MODULE": "nanjie.settings", "PATH": "/usr/bin:/bin"}


def test_production_settings_use_the_cached_template_loader():
    code = ("import django; django.setup(); from django.template import engines; "
            "print(type(engines['django'].engine.template_loaders[0]).__module__)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=PRODUCTION, capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.strip() == "django.template.loaders.cached"
