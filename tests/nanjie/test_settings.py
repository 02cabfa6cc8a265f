"""Settings read from the environment refuse bad values at start-up, in a fresh interpreter."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from nanjie.settings import database_from_url

ROOT = Path(__file__).resolve().parents[2]
PG = "postgres://postgres@127.0.0.1:5432/nanjie"
GOOD = {"DJANGO_DEBUG": "False", "DJANGO_SECRET_KEY": "a-real-secret-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "nanjie.example.cn", "DATABASE_URL": "sqlite:////tmp/nanjie-settings-test.sqlite3"}


def start(**overrides):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_"))}
    env.update(GOOD)
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run([sys.executable, "-c", "import nanjie.settings"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_good_production_values_start():
    assert start().returncode == 0


@pytest.mark.parametrize("overrides", [
    {"DJANGO_DEBUG": "maybe"},
    {"DATABASE_URL": "mysql://root@localhost/nanjie"},
    {"DJANGO_SECRET_KEY": None},
    {"DJANGO_ALLOWED_HOSTS": ""},
    {"DJANGO_ALLOWED_HOSTS": None},
    {"DATABASE_URL": "postgres://postgres@127.0.0.1:notaport/nanjie"},
    {"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/"},
    {"DJANGO_CONN_MAX_AGE": "soon", "DATABASE_URL": "postgres://postgres@127.0.0.1/nanjie"},
    {"NANJIE_VISIT_STALE_DAYS": "0"},
    {"NANJIE_PUBLIC_URL": "grid.example.cn"},
    {"REDIS_URL": "http://127.0.0.1:6379/0"},
    {"REDIS_URL": "redis://127.0.0.1:6379/0", "DJANGO_CACHE_DIR": "/tmp/nanjie-cache"},
    {"DATABASE_URL": PG, "DATABASE_REPLICA_URL": "sqlite:////tmp/replica.sqlite3"},
    {"DATABASE_REPLICA_URL": PG},
    {"DATABASE_URL": PG, "DATABASE_REPLICA_URL": PG, "DATABASE_REPLICA_PIN_SECONDS": "0"},
    {"DJANGO_MEDIA_S3_BUCKET": "photos", "DJANGO_MEDIA_S3_ENDPOINT": "oss-cn-kunming.example.cn"},
    {"NANJIE_PAGE_CACHE_SECONDS": "30"},
], ids=["bad-debug", "bad-scheme", "dev-secret-key-without-debug", "empty-allowed-hosts", "no-allowed-hosts",
        "bad-port", "no-db-name", "bad-conn-max-age", "zero-stale-days",
        "public-url-without-scheme", "redis-url-not-redis", "redis-and-cache-dir", "sqlite-replica",
        "replica-of-sqlite", "zero-pin-seconds", "s3-endpoint-without-scheme",
        "page-cache-without-redis"])
def test_bad_values_stop_the_start_with_improperly_configured(overrides):
    result = start(**overrides)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr


def value_of(expression, **overrides):
    """A setting as a fresh start with these environment values computes it (printed with repr)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_"))}
    env.update(GOOD, **overrides)
    code = f"import nanjie.settings as s; print(repr({expression}))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60, check=True)
    return eval(result.stdout)  # noqa: S307 - our own repr of plain values


def test_without_redis_sessions_stay_in_the_database_and_the_cache_in_the_process():
    assert value_of("(s.CACHES['default']['BACKEND'], getattr(s, 'SESSION_ENGINE', None))") == (
        "django.core.cache.backends.locmem.LocMemCache", None)


def test_with_redis_the_cache_and_the_sessions_are_in_it_under_two_prefixes():
    caches = value_of("s.CACHES", REDIS_URL="redis://cache.internal:6379/2", REDIS_KEY_PREFIX="county")
    assert {alias: (c["LOCATION"], c["KEY_PREFIX"]) for alias, c in caches.items()} == {
        "default": ("redis://cache.internal:6379/2", "county:cache"),
        "sessions": ("redis://cache.internal:6379/2", "county:session")}
    assert value_of("(s.SESSION_ENGINE, s.SESSION_CACHE_ALIAS)", REDIS_URL="redis://cache.internal:6379/2") == (
        "django.contrib.sessions.backends.cache", "sessions")


def test_the_page_cache_is_on_with_redis_only():
    assert value_of("s.NANJIE_PAGE_CACHE_SECONDS") == 0
    assert value_of("s.NANJIE_PAGE_CACHE_SECONDS", REDIS_URL="redis://cache.internal:6379/2") == 30


def test_a_replica_is_routed_and_is_a_test_mirror_of_default():
    routers, mirror = value_of("(s.DATABASE_ROUTERS, s.DATABASES['replica']['TEST'])", DATABASE_URL=PG,
                               DATABASE_REPLICA_URL="postgres://reader@replica.internal:5432/nanjie")
    assert (routers, mirror) == (["nanjie.db_router.PrimaryReplicaRouter"], {"MIRROR": "default"})


def test_without_a_replica_no_router_is_installed():
    assert value_of("(s.DATABASE_ROUTERS, sorted(s.DATABASES))") == ([], ["default"])


def test_the_development_key_is_fine_with_debug_on():
    assert start(DJANGO_DEBUG="True", DJANGO_SECRET_KEY=None, DJANGO_ALLOWED_HOSTS=None).returncode == 0


def test_a_sqlite_url_names_an_absolute_file():
    database = database_from_url("sqlite:////var/lib/nanjie/db.sqlite3")
    assert (database["ENGINE"], str(database["NAME"])) == ("django.db.backends.sqlite3", "/var/lib/nanjie/db.sqlite3")


def test_a_sqlite_url_with_three_slashes_is_relative_to_the_project_root():
    assert database_from_url("sqlite:///data/db.sqlite3")["NAME"] == ROOT / "data" / "db.sqlite3"


def test_sqlite_runs_immediate_transactions_with_a_busy_timeout():
    options = database_from_url("sqlite:////tmp/x.sqlite3")["OPTIONS"]
    assert (options["transaction_mode"], options["timeout"]) == ("IMMEDIATE", 20)


def test_no_url_means_the_sqlite_file_in_the_project_root():
    assert database_from_url("")["NAME"] == ROOT / "db.sqlite3"


def test_a_postgres_url_gives_every_part_and_persistent_checked_connections():
    database = database_from_url("postgres://nanjie:s%40cret@db.internal:6432/nanjie_grid?sslmode=require")
    assert {key: database[key] for key in ("ENGINE", "NAME", "USER", "PASSWORD", "HOST", "PORT", "OPTIONS")} == {
        "ENGINE": "django.db.backends.postgresql", "NAME": "nanjie_grid", "USER": "nanjie", "PASSWORD": "s@cret",
        "HOST": "db.internal", "PORT": "6432", "OPTIONS": {"sslmode": "require"}}
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["CONN_MAX_AGE"] > 0


def test_postgresql_choice_lists_use_plain_cursors():
    assert database_from_url("postgres://u@h/n")["DISABLE_SERVER_SIDE_CURSORS"] is True


def test_postgresql_is_accepted_as_a_scheme_name_too():
    assert database_from_url("postgresql://u@h/n")["ENGINE"] == "django.db.backends.postgresql"
