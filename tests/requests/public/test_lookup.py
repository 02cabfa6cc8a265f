"""查进度 (/track/): the reference and the phone number given lead to the tracking page; anything else is one
and the same 404, counted against the address, then a 429."""

import re

import pytest

from nanjie import throttle
from nanjie.models import ThrottleHit
from tests.requests.public_helpers import community, order

pytestmark = pytest.mark.django_db
LIMIT, WINDOW = throttle.LIMITS["track-lookup"]


@pytest.fixture
def wish():
    return order(community()[0], resident_phone="13812345678")


def test_the_lookup_form_opens(client):
    assert client.get("/track/").status_code == 200


def test_the_right_reference_and_phone_lead_to_the_tracking_page(client, wish):
    response = client.post("/track/", {"reference": wish.reference, "phone": "13812345678"})
    assert response.status_code == 302
    assert response["Location"] == f"/track/{wish.token}/"


def test_the_phone_may_be_typed_as_people_write_it(client, wish):
    response = client.post("/track/", {"reference": wish.reference.lower(), "phone": "+86 138-1234-5678"})
    assert response["Location"] == f"/track/{wish.token}/"


def test_a_wrong_phone_is_a_404(client, wish):
    response = client.post("/track/", {"reference": wish.reference, "phone": "13900000000"})
    assert response.status_code == 404
    assert wish.token not in response.content.decode()


def _page(response, reference):
    """The page with what differs by design taken out: the typed reference, the CSRF tokens (new on each page)."""
    page = response.content.decode().replace(reference, "REFERENCE")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


def test_a_wrong_pair_and_a_missing_reference_get_the_same_answer(client, wish):
    wrong = client.post("/track/", {"reference": wish.reference, "phone": "13900000000"})
    missing = client.post("/track/", {"reference": "NJ-1999-999999", "phone": "13900000000"})
    assert (wrong.status_code, _page(wrong, wish.reference)) == (missing.status_code, _page(missing, "NJ-1999-999999"))


def test_a_wish_given_without_a_phone_is_never_found_by_an_empty_one(client):
    wish = order(community()[0])
    assert client.post("/track/", {"reference": wish.reference, "phone": ""}).status_code == 400


def test_a_phone_that_is_no_phone_number_is_told_plainly(client, wish):
    response = client.post("/track/", {"reference": wish.reference, "phone": "12"})
    assert response.status_code == 400
    assert response.context["form"].has_error("phone", "invalid_phone")


def test_a_wrong_pair_is_counted_against_the_address(client, wish):
    client.post("/track/", {"reference": wish.reference, "phone": "13900000000"})
    assert ThrottleHit.objects.filter(scope="track-lookup").count() == 1


def test_a_right_pair_is_not_counted(client, wish):
    client.post("/track/", {"reference": wish.reference, "phone": "13812345678"})
    assert not ThrottleHit.objects.filter(scope="track-lookup").exists()


def test_after_too_many_wrong_pairs_the_address_gets_a_429_with_retry_after(client, wish):
    for _ in range(LIMIT):
        client.post("/track/", {"reference": wish.reference, "phone": "13900000000"})
    response = client.post("/track/", {"reference": wish.reference, "phone": "13812345678"})
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= WINDOW


def test_the_home_page_has_a_check_progress_entry(client):
    assert 'href="/track/"' in client.get("/").content.decode()


def test_the_lookup_page_is_not_indexed(client):
    assert client.get("/track/")["X-Robots-Tag"] == "noindex, nofollow"
