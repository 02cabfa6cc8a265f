"""Residents' pages write no session: no row (or cache key) per visitor, no session cookie, for reading or for
sending a wish. Only a login makes a session."""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session

from requests.models import Request
from tests.requests.public_helpers import community, order, publicise, wish_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def notice():
    category, unit = community()
    return category, publicise(order(category), unit)


@pytest.mark.parametrize("path", ["/", "/board/", "/wish/", "/wish/?grid=NJ-01-02", "/board/feed/"])
def test_reading_a_public_page_writes_no_session(client, notice, path):
    response = client.get(path)
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert not Session.objects.exists()


def test_the_tracking_page_writes_no_session(client, notice):
    response = client.get(f"/track/{notice[1].token}/")
    assert response.status_code == 200
    assert not Session.objects.exists()


def test_sending_a_wish_writes_no_session(client, notice):
    response = client.post("/wish/", wish_post(notice[0]), follow=True)
    assert Request.objects.count() == 2
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert not Session.objects.exists()
