"""Backup and restore (bench/BACKUP.md), with its encryption: the seeded community survives
pg_dump -Fc | gpg --symmetric → gpg --decrypt | pg_restore into an empty database with the same number of rows
in every table of every installed model (histories and M2M tables included), and the media folder survives
tar | gpg → gpg --decrypt | tar with every file's bytes identical."""

import os
import secrets
import shutil
import subprocess

import psycopg
import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from tests.conftest import requires_postgres
from tests.security.world import jpeg_bytes

requires_gpg = pytest.mark.skipif(shutil.which("gpg") is None, reason="no gpg found (apt-get install gnupg)")


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


@pytest.fixture
def gpg(tmp_path):
    """gpg as bench/BACKUP.md runs it, with a home and a passphrase file of its own; its agent stopped after."""
    home = tmp_path / "gnupg"
    home.mkdir(mode=0o700)
    passphrase = tmp_path / "passphrase"
    passphrase.write_text(secrets.token_urlsafe(32))
    env = dict(os.environ, GNUPGHOME=str(home))
    yield ["gpg", "--batch", "--quiet", "--pinentry-mode", "loopback", "--passphrase-file", str(passphrase),
           "--no-symkey-cache"], env
    subprocess.run(["gpgconf", "--kill", "gpg-agent"], env=env, check=False)


def pipe(producer, consumer, env):
    """producer | consumer, failing if either fails (the document's set -o pipefail)."""
    first = subprocess.Popen(producer, stdout=subprocess.PIPE, env=env)
    second = subprocess.run(consumer, stdin=first.stdout, env=env, check=False)
    first.stdout.close()
    assert (first.wait(), second.returncode) == (0, 0), (producer, consumer)


def encrypt(gpg, producer, target):
    command, env = gpg
    pipe(producer, [*command, "--symmetric", "--cipher-algo", "AES256", "-o", str(target)], env)


def decrypt(gpg, source, consumer):
    command, env = gpg
    pipe([*command, "--decrypt", str(source)], consumer, env)


def files_under(root):
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.fixture
def media(settings):
    """A media folder as residents' photos leave it: nested by month, a Chinese file name, a large file."""
    root = settings.MEDIA_ROOT
    for name, content in [("wish-photos/2026/11/a1b2.jpg", jpeg_bytes()),
                          ("wish-photos/2026/12/楼道灯.jpg", jpeg_bytes()[::-1]),
                          ("wish-photos/2026/12/large.jpg", secrets.token_bytes(300_000))]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content)
    return root


@requires_gpg
def test_the_media_folder_comes_back_byte_for_byte_from_its_encrypted_archive(gpg, media, tmp_path):
    archive, restored = tmp_path / "nanjie-media.tar.gz.gpg", tmp_path / "restored"
    encrypt(gpg, ["tar", "-C", str(media), "-czf", "-", "."], archive)
    restored.mkdir()
    decrypt(gpg, archive, ["tar", "-C", str(restored), "-xzf", "-"])
    assert files_under(restored) == files_under(media)


@requires_gpg
def test_the_encrypted_media_archive_shows_no_photo_and_no_file_name(gpg, media, tmp_path):
    archive = tmp_path / "nanjie-media.tar.gz.gpg"
    encrypt(gpg, ["tar", "-C", str(media), "-cf", "-", "."], archive)  # even uncompressed, nothing shows
    content = archive.read_bytes()
    assert jpeg_bytes()[:64] not in content
    assert "楼道灯".encode() not in content


@requires_postgres
@requires_gpg
def test_an_encrypted_dump_of_the_seeded_community_restores_with_identical_counts(restore_target, gpg, tmp_path):
    target, env = restore_target
    gpg = gpg[0], {**env, "GNUPGHOME": gpg[1]["GNUPGHOME"]}  # pg_dump and pg_restore need the PG* variables
    with open(os.devnull, "w") as quiet:
        call_command("seed", stdout=quiet)
    tables = all_tables()
    with connection.cursor() as cursor:
        before = row_counts(cursor, tables)
    dump = tmp_path / "nanjie.dump.gpg"
    encrypt(gpg, ["pg_dump", "-Fc", "--no-owner", connection.settings_dict["NAME"]], dump)
    decrypt(gpg, dump, ["pg_restore", "--no-owner", "--exit-on-error", "-d", target])
    with psycopg.connect(dbname=target, host=env["PGHOST"], port=env["PGPORT"], user=env["PGUSER"],
                         password=env.get("PGPASSWORD")) as restored, restored.cursor() as cursor:
        after = row_counts(cursor, tables)
    assert (after == before, sum(before.values()) > 1000) == (True, True), \
        {table: (before[table], after[table]) for table in tables if before[table] != after[table]}
    assert not dump.read_bytes().startswith(b"PGDMP")  # what is on the disk is not a readable dump
