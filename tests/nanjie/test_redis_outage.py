"""While Redis (sessions, cache) is unreachable: residents still send wishes; staff cannot log in and are told
so by our 503 page with Retry-After, at once (no worker hangs on it)."""

import pytest
from django.test import Client

from nanjie.settings import redis_caches
from requests.models import Request
from tests.factories import make_user
from tests.requests.public_helpers import community, wish_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_down(settings):
    settings.CACHES = redis_caches("redis://127.0.0.1:1/0", "nanjie-nowhere")  # nothing listens on port 1
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    settings.SESSION_CACHE_ALIAS = "sessions"


def test_a_resident_without_a_session_still_sends_a_wish(redis_down, client):
    category = community()[0]
    response = client.post("/wish/", wish_post(category))
    assert response.status_code == 302
    assert Request.objects.count() == 1


def test_a_session_that_cannot_be_read_is_the_login_page(redis_down):
    client = Client()
    client.cookies["sessionid"] = "a" * 32
    assert client.get("/me/")["Location"] == "/accounts/login/?next=/me/"


def test_logging_in_is_our_503_with_retry_after(redis_down):
    make_user("worker07")  # password: correct-horse-battery
    client = Client(raise_request_exception=False)
    response = client.post("/accounts/login/", {"username": "worker07", "password": "correct-horse-battery"})
    assert (response.status_code, response["Retry-After"]) == (503, "30")
    assert "系统暂时出错" in response.content.decode()
