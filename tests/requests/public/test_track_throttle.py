"""The wrong-token throttle stops guessers, not residents: behind one NAT address a right token always opens."""

import datetime

import pytest
from django.utils import timezone

from nanjie import throttle
from nanjie.models import ThrottleHit
from tests.requests.public_helpers import close, community, order, wish_post

pytestmark = pytest.mark.django_db
LIMIT, WINDOW = throttle.LIMITS["track-miss"]


@pytest.fixture
def setup():
    return community()


def _miss_until_limited(client):
    for number in range(LIMIT):
        client.get(f"/track/guess-{number}/")


def test_a_right_token_opens_after_the_address_has_missed_too_often(client, setup):
    wish = order(setup[0])
    _miss_until_limited(client)
    assert client.get(f"/track/{wish.token}/").status_code == 200


def test_a_right_token_does_not_count_as_a_miss(client, setup):
    wish = order(setup[0])
    client.get(f"/track/{wish.token}/")
    assert not ThrottleHit.objects.filter(scope="track-miss").exists()


def test_a_wrong_token_after_too_many_misses_is_429_with_retry_after(client, setup):
    _miss_until_limited(client)
    response = client.get("/track/guess-again/")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= WINDOW


def test_a_wrong_token_under_the_limit_is_404_and_counted(client, setup):
    response = client.get("/track/guess-1/")
    assert (response.status_code, ThrottleHit.objects.filter(scope="track-miss").count()) == (404, 1)


def test_a_rating_with_a_right_token_is_taken_after_many_misses(client, setup):
    wish = close(order(setup[0]), setup[1])
    _miss_until_limited(client)
    response = client.post(f"/track/{wish.token}/rate/", {"rating": "satisfied"})
    wish.refresh_from_db()
    assert (response.status_code, wish.rating) == (302, "satisfied")


def test_a_rating_with_a_wrong_token_after_too_many_misses_is_429(client, setup):
    _miss_until_limited(client)
    response = client.post("/track/guess-again/rate/", {"rating": "satisfied"})
    assert response.status_code == 429
    assert "Retry-After" in response


def test_the_wish_cap_429_carries_retry_after_too(client, setup):
    for _ in range(throttle.LIMITS["wish"][0]):
        client.post("/wish/", wish_post(setup[0]))
    response = client.post("/wish/", wish_post(setup[0]))
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= throttle.LIMITS["wish"][1]


def test_retry_after_counts_down_to_when_the_oldest_miss_leaves_the_window(rf, setup):
    request = rf.get("/")
    oldest = timezone.now() - datetime.timedelta(seconds=WINDOW - 600)
    for _ in range(LIMIT):
        ThrottleHit.objects.create(scope="track-miss", client=throttle._client_key(request), at=oldest)
    assert 590 <= throttle.retry_after(request, "track-miss") <= 600
