"""The tracking link is the resident's key, rating included (issue 17, hole 5): staff see it only when they recorded
the request for the resident and only until dispatch; a staff session never rates; a rating keeps its channel."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from requests.models import Request
from tests.requests.staff_world import S, bring_to, fast_passwords, order, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return world()


def recorded(w, **fields):
    """A request the grid worker of NJ-01 recorded for a resident on a visit."""
    return order(w, channel=Request.Channel.GRID_VISIT, received_by=w.worker1, **fields)


def detail(client, user, wish):
    client.force_login(user)
    return client.get(reverse("requests:detail", args=[wish.reference])).content.decode()


def slip(client, user, wish):
    client.force_login(user)
    return client.get(reverse("requests:slip", args=[wish.reference]))


def rate_url(wish):
    return reverse("requests:rate", args=[wish.token])


# --- the tracking link and the slip ------------------------------------------------------------------------------

def test_whoever_recorded_it_sees_the_tracking_link_until_dispatch(w, client):
    wish = recorded(w)
    assert wish.token in detail(client, w.worker1, wish)


def test_whoever_recorded_it_prints_the_slip_until_dispatch(w, client):
    assert slip(client, w.worker1, recorded(w)).status_code == 200


def test_after_dispatch_the_recorder_no_longer_sees_the_tracking_link(w, client):
    wish = recorded(w)
    wish.dispatch(w.hospital, by=w.chairman)
    assert wish.token not in detail(client, w.worker1, wish)


def test_after_dispatch_the_recorder_no_longer_prints_the_slip(w, client):
    wish = recorded(w)
    wish.dispatch(w.hospital, by=w.chairman)
    assert slip(client, w.worker1, wish).status_code == 403


def test_the_unit_that_handles_it_never_sees_the_tracking_link(w, client):
    wish = bring_to(w, S.CLOSED, channel=Request.Channel.GRID_VISIT, received_by=w.worker1)
    assert wish.token not in detail(client, w.nurse, wish)


def test_the_unit_that_handles_it_cannot_print_the_slip(w, client):
    wish = bring_to(w, S.CLOSED, channel=Request.Channel.GRID_VISIT, received_by=w.worker1)
    assert slip(client, w.nurse, wish).status_code == 403


def test_the_branch_does_not_see_the_tracking_link_of_a_request_it_did_not_record(w, client):
    wish = recorded(w)
    assert wish.token not in detail(client, w.branch, wish)


def test_nobody_on_staff_sees_the_tracking_link_of_an_online_wish(w, client):
    wish = order(w)
    assert wish.token not in detail(client, w.worker1, wish)


# --- a staff session never rates ---------------------------------------------------------------------------------

def test_a_logged_in_staff_user_posting_a_rating_is_refused_with_403(w, client):
    wish = bring_to(w, S.CLOSED)
    client.force_login(w.nurse)
    assert client.post(rate_url(wish), {"rating": "satisfied"}).status_code == 403


def test_a_refused_staff_rating_saves_nothing(w, client):
    wish = bring_to(w, S.CLOSED)
    client.force_login(w.nurse)
    client.post(rate_url(wish), {"rating": "satisfied"})
    wish.refresh_from_db()
    assert (wish.rating, wish.transitions.exclude(rating="").count()) == ("", 0)


def test_a_refused_staff_rating_says_why_in_chinese(w, client):
    wish = bring_to(w, S.CLOSED)
    client.force_login(w.nurse)
    page = client.post(rate_url(wish), {"rating": "satisfied"}, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "只有居民本人" in page


def test_a_staff_session_gets_no_rating_form(w, client):
    wish = bring_to(w, S.CLOSED)
    client.force_login(w.chairman)
    assert client.get(reverse("requests:track", args=[wish.token])).context["rating_form"] is None


def test_the_resident_without_a_login_still_rates(w, client):
    wish = bring_to(w, S.CLOSED)
    client.post(rate_url(wish), {"rating": "satisfied"})
    wish.refresh_from_db()
    assert wish.rating == "satisfied"


# --- the rating's channel ------------------------------------------------------------------------------------------

def test_a_rating_on_the_tracking_page_is_recorded_as_online(w, client):
    wish = bring_to(w, S.CLOSED)
    client.post(rate_url(wish), {"rating": "basically"})
    assert wish.transitions.get(rating="basically").rating_channel == Request.Channel.ONLINE


def test_an_unsatisfied_rating_keeps_its_channel_on_the_reopening_row(w):
    wish = bring_to(w, S.CLOSED)
    wish.rate("unsatisfied", "还是不行", channel=Request.Channel.CHAIRMAN)
    assert wish.transitions.get(new_state=S.ACCEPTED, old_state=S.CLOSED).rating_channel == "chairman"


def test_a_rating_through_the_chairman_is_recorded_so(w):
    wish = bring_to(w, S.CLOSED)
    wish.rate("satisfied", channel=Request.Channel.CHAIRMAN)
    assert wish.transitions.get(rating="satisfied").rating_channel == "chairman"


def test_a_rating_with_an_unknown_channel_is_refused(w):
    wish = bring_to(w, S.CLOSED)
    with pytest.raises(ValidationError) as refused:
        wish.rate("satisfied", channel="carrier_pigeon")
    assert refused.value.code == "rating_channel"
