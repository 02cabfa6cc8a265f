"""bench/pages.py logs staff in through the configured session engine: with REDIS_URL the server reads sessions
from the cache, and a session written to the database would be a logged-out visitor there."""

import pytest
from django.contrib.sessions.models import Session

from bench.pages import session_for
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_a_bench_session_in_the_database_by_default():
    make_user("branch")
    assert Session.objects.filter(session_key=session_for("branch")).exists()


def test_a_bench_session_goes_where_the_cache_engine_keeps_it(settings, client):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    settings.SESSION_CACHE_ALIAS = "default"  # the tests' caches are local, with or without REDIS_URL
    make_user("branch")
    key = session_for("branch")
    assert not Session.objects.exists()
    client.cookies[settings.SESSION_COOKIE_NAME] = key
    assert client.get("/me/").status_code == 200
