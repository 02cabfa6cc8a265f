"""The hourly cap on anonymous wishes, counted per (hashed) address in the database."""

import pytest

from nanjie import throttle
from requests.models import Request
from tests.requests.public_helpers import community, wish_post


@pytest.mark.django_db
def test_the_eleventh_anonymous_wish_in_an_hour_gets_429_with_an_explanation(client):
    category, _unit = community()
    limit = throttle.LIMITS["wish"][0]
    for _ in range(limit):
        client.post("/wish/", wish_post(category))
    response = client.post("/wish/", wish_post(category))
    assert response.status_code == 429
    assert Request.objects.count() == limit
    assert "requests/public/throttled.html" in [t.name for t in response.templates]


@pytest.mark.django_db
def test_the_429_page_shows_back_what_the_resident_wrote(client):
    category, _unit = community()
    for _ in range(throttle.LIMITS["wish"][0]):
        client.post("/wish/", wish_post(category))
    response = client.post("/wish/", wish_post(category, text="<b>门口的路灯不亮</b>"))
    assert "&lt;b&gt;门口的路灯不亮&lt;/b&gt;" in response.content.decode()


@pytest.mark.django_db
def test_a_repeated_submission_does_not_count_against_the_hourly_cap(client):
    category, _unit = community()
    data = wish_post(category)
    for _ in range(throttle.LIMITS["wish"][0] + 2):
        client.post("/wish/", data)
    assert client.post("/wish/", wish_post(category)).status_code == 302


@pytest.mark.django_db
def test_the_cap_is_per_address(client):
    category, _unit = community()
    for _ in range(throttle.LIMITS["wish"][0]):
        client.post("/wish/", wish_post(category), REMOTE_ADDR="10.1.1.1")
    assert client.post("/wish/", wish_post(category), REMOTE_ADDR="10.1.1.2").status_code == 302


@pytest.mark.django_db
def test_addresses_are_stored_hashed(client):
    from nanjie.models import ThrottleHit

    category, _unit = community()
    client.post("/wish/", wish_post(category), REMOTE_ADDR="10.9.8.7")
    assert all("10.9.8.7" not in hit.client for hit in ThrottleHit.objects.all())


@pytest.mark.django_db
def test_counted_events_older_than_the_window_are_forgotten(client):
    from datetime import timedelta

    from django.utils import timezone

    from nanjie.models import ThrottleHit

    ThrottleHit.objects.create(scope="wish", client="old", at=timezone.now() - timedelta(hours=2))
    category, _unit = community()
    client.post("/wish/", wish_post(category))
    # the wish and the POST are counted; the event from two hours ago is gone
    assert ThrottleHit.objects.exists()
    assert not ThrottleHit.objects.filter(client="old").exists()


def test_behind_our_tls_proxy_the_address_the_proxy_saw_is_counted(rf, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    request = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4, 10.0.0.9", REMOTE_ADDR="127.0.0.1")
    assert throttle.client_address(request) == "10.0.0.9"


def test_without_a_proxy_a_forged_forwarded_header_is_ignored(rf):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4", REMOTE_ADDR="10.0.0.7")
    assert throttle.client_address(request) == "10.0.0.7"
