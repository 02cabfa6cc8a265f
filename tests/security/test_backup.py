"""Backup and restore (bench/BACKUP.md): the seeded community survives pg_dump -Fc → empty database → pg_restore
with the same number of rows in every table of every installed model (histories and M2M tables included)."""

import os
import subprocess

import psycopg
import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from tests.conftest import requires_postgres


def pg_env(settings_dict):
    env = dict(os.environ)
    env.update({"PGHOST": settings_dict["HOST"] or "127.0.0.1", "PGPORT": str(settings_dict["PORT"] or 5432),
                "PGUSER": settings_dict["USER"] or "postgres"})
    if settings_dict["PASSWORD"]:
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    return env


def all_tables():
    tables = set()
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            tables.add(model._meta.db_table)
    return sorted(tables)


def row_counts(cursor, tables):
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT count(*) FROM "{table}"')
        counts[table] = cursor.fetchone()[0]
    return counts


@pytest.fixture
def restore_target(transactional_db):
    """A fresh, empty database beside the test database, dropped afterwards."""
    settings_dict = connection.settings_dict
    name = f"{settings_dict['NAME']}_restore"
    env = pg_env(settings_dict)
    subprocess.run(["dropdb", "--if-exists", name], env=env, check=True)
    subprocess.run(["createdb", name], env=env, check=True)
    yield name, env
    subprocess.run(["dropdb", "--if-exists", name], env=env, check=True)


@requires_postgres
def test_a_dump_of_the_seeded_community_restores_with_identical_counts(restore_target, tmp_path):
    target, env = restore_target
    with open(os.devnull, "w") as quiet:
        call_command("seed", stdout=quiet)
    tables = all_tables()
    with connection.cursor() as cursor:
        before = row_counts(cursor, tables)
    dump = tmp_path / "nanjie.dump"
    subprocess.run(["pg_dump", "-Fc", "--no-owner", "-f", str(dump), connection.settings_dict["NAME"]],
                   env=env, check=True)
    subprocess.run(["pg_restore", "--no-owner", "--exit-on-error", "-d", target, str(dump)], env=env, check=True)
    with psycopg.connect(dbname=target, host=env["PGHOST"], port=env["PGPORT"], user=env["PGUSER"],
                         password=env.get("PGPASSWORD")) as restored, restored.cursor() as cursor:
        after = row_counts(cursor, tables)
    assert (after == before, sum(before.values()) > 1000) == (True, True), \
        {table: (before[table], after[table]) for table in tables if before[table] != after[table]}
