"""/track/<token>/: the resident's view of their request, and their rating of the result."""

import pytest
from django.core.exceptions import ValidationError

from nanjie import throttle
from requests.models import Request
from tests.requests.public_helpers import close, community, order, publicise

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    return community()


def url(wish):
    return f"/track/{wish.token}/"


def test_a_new_wish_tells_the_resident_to_keep_the_address_and_shows_the_reference(client, setup):
    wish = order(setup[0])
    page = client.get(url(wish) + "?new=1").content.decode()
    assert wish.reference in page
    assert f"http://testserver/track/{wish.token}/" in page


def test_the_reference_has_the_community_code_year_and_six_digits(setup):
    import re

    assert re.fullmatch(r"NJ-20\d\d-\d{6}", order(setup[0]).reference)


def test_the_first_transition_is_recorded(setup):
    wish = order(setup[0])
    assert list(wish.transitions.values_list("old_state", "new_state")) == [("", "ordered")]


def test_the_page_is_never_cached_or_indexed(client, setup):
    response = client.get(url(order(setup[0])))
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]


def test_a_wrong_token_is_404(client, setup):
    assert client.get("/track/not-a-real-token/").status_code == 404


def test_too_many_wrong_tokens_from_one_address_are_throttled_with_429(client, setup):
    limit = throttle.LIMITS["track-miss"][0]
    for number in range(limit):
        client.get(f"/track/guess-{number}/")
    response = client.get(f"/track/guess-{limit}/")
    assert response.status_code == 429
    assert "requests/public/throttled.html" in [t.name for t in response.templates]


def test_another_address_is_not_throttled(client, setup):
    limit = throttle.LIMITS["track-miss"][0]
    for number in range(limit):
        client.get(f"/track/guess-{number}/", REMOTE_ADDR="10.0.0.1")
    assert client.get(url(order(setup[0])), REMOTE_ADDR="10.0.0.2").status_code == 200


def test_the_page_shows_the_unit_and_a_masked_acceptor_but_no_staff_phone(client, setup):
    category, unit = setup
    unit.contact_phone = "13900001111"
    unit.save(update_fields=["contact_phone"])
    wish = publicise(order(category), unit, name="王建国")
    page = client.get(url(wish)).content.decode()
    assert unit.name in page
    assert "王**" in page
    assert "13900001111" not in page
    assert "王建国" not in page


def test_the_invalid_reason_is_shown(client, setup):
    wish = order(setup[0])
    Request.objects.filter(pk=wish.pk).update(state=Request.State.INVALID, invalid_reason="与 NJ-2026-000001 重复")
    assert "与 NJ-2026-000001 重复" in client.get(url(wish)).content.decode()


def test_no_rating_form_before_the_request_is_closed(client, setup):
    assert client.get(url(order(setup[0]))).context["rating_form"] is None


def test_a_closed_request_offers_the_rating_form(client, setup):
    wish = close(order(setup[0]), setup[1])
    assert client.get(url(wish)).context["rating_form"] is not None


def test_a_satisfied_rating_is_recorded(client, setup):
    wish = publicise(order(setup[0]), setup[1])
    client.post(url(wish) + "rate/", {"rating": "satisfied"})
    wish.refresh_from_db()
    assert wish.rating == "satisfied"
    assert wish.state == Request.State.PUBLICISED


def test_unsatisfied_reopens_to_accepted_with_the_residents_words(client, setup):
    wish = publicise(order(setup[0]), setup[1])
    client.post(url(wish) + "rate/", {"rating": "unsatisfied", "comment": "灯还是不亮"})
    wish.refresh_from_db()
    last = wish.transitions.last()
    assert wish.state == Request.State.ACCEPTED
    assert (last.old_state, last.new_state, last.note, last.by) == ("publicised", "accepted", "灯还是不亮", None)


def test_unsatisfied_without_words_is_refused_and_nothing_changes(client, setup):
    wish = publicise(order(setup[0]), setup[1])
    response = client.post(url(wish) + "rate/", {"rating": "unsatisfied", "comment": ""})
    wish.refresh_from_db()
    assert response.status_code == 400
    assert wish.state == Request.State.PUBLICISED


def test_a_request_is_rated_once(setup):
    wish = publicise(order(setup[0]), setup[1])
    wish.rate("satisfied")
    with pytest.raises(ValidationError):
        wish.rate("unsatisfied", "改主意了")


def test_a_reopened_request_can_be_rated_again_after_it_is_closed_again(setup):
    wish = publicise(order(setup[0]), setup[1])
    wish.rate("unsatisfied", "灯还是不亮")
    close(wish, setup[1], note="换了新灯")
    wish.rate("satisfied")
    assert wish.rating == "satisfied"


@pytest.mark.parametrize("state", ["ordered", "dispatched", "accepted", "invalid"])
def test_a_request_that_is_not_finished_cannot_be_rated(setup, state):
    wish = publicise(order(setup[0]), setup[1])
    Request.objects.filter(pk=wish.pk).update(state=state)
    with pytest.raises(ValidationError):
        wish.rate("satisfied")


def test_rating_with_a_wrong_token_is_404(client, setup):
    assert client.post("/track/guess/rate/", {"rating": "satisfied"}).status_code == 404


def test_rating_by_get_is_405(client, setup):
    assert client.get(url(order(setup[0])) + "rate/").status_code == 405


def test_script_in_the_rating_comment_is_escaped(client, setup):
    wish = publicise(order(setup[0]), setup[1])
    client.post(url(wish) + "rate/", {"rating": "basically", "comment": "<script>x()</script>"})
    page = client.get(url(wish)).content
    assert b"<script>x()" not in page
    assert b"&lt;script&gt;x()" in page
