"""The request page and its action views: fetch with access, call the model method, message, redirect.

Every write view: happy path, GET → 405, outsider → 404, read-only → 403, illegal → message and no change.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from nanjie import workdays
from requests.models import Request
from tests.requests.staff_world import S, bring_to, fast_passwords, order, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return world()


def _act(client, user, wish, action, **data):
    client.force_login(user)
    return client.post(reverse("requests:act", args=[wish.reference, action]), data)


def _state(wish):
    return Request.objects.get(pk=wish.pk).state


# action → (state it starts from, allowed user, POST data, state it ends in, outsider, read-only user)
DEADLINE = (timezone.localdate() + datetime.timedelta(days=5)).isoformat()
CASES = {
    "dispatch": (S.ORDERED, "chairman", {"dispatch-unit": "{hospital}", "dispatch-deadline": DEADLINE},
                 S.DISPATCHED, "builder", "worker1"),
    "invalid": (S.ORDERED, "chairman", {"invalid-reason": "重复"}, S.INVALID, "builder", "worker1"),
    "accept": (S.DISPATCHED, "nurse", {}, S.ACCEPTED, "builder", "worker1"),
    "return": (S.DISPATCHED, "nurse", {"return-reason": "不归我们"}, S.ORDERED, "builder", "worker1"),
    "close": (S.ACCEPTED, "nurse", {"close-note": "已上门"}, S.CLOSED, "builder", "worker1"),
    "publicise": (S.CLOSED, "branch", {"publicise-summary": "已安排医生上门测量血压"}, S.PUBLICISED, "builder",
                  "chairman"),
    "rework": (S.CLOSED, "branch", {"rework-reason": "血压计读数未记录，请补测"}, S.ACCEPTED, "builder", "chairman"),
    "revise": (S.PUBLICISED, "branch", {"revise-summary": "已上门测量血压并建立健康档案"}, S.PUBLICISED, "builder",
               "chairman"),
}
# The illegal state each action is tried from by its allowed user.
ILLEGAL = {"dispatch": S.ACCEPTED, "invalid": S.CLOSED, "accept": S.CLOSED, "return": S.CLOSED,
           "close": S.DISPATCHED, "publicise": S.ACCEPTED, "rework": S.PUBLICISED, "revise": S.CLOSED}


def _data(w, data):
    return {key: value.format(hospital=w.hospital.pk) for key, value in data.items()}


@pytest.mark.parametrize("action", [action for action in CASES if action != "return"])
def test_the_allowed_user_moves_the_request_and_is_redirected(w, client, action):
    start, user, data, end, _outsider, _reader = CASES[action]
    wish = bring_to(w, start)
    response = _act(client, getattr(w, user), wish, action, **_data(w, data))
    assert (response.status_code, response.url, _state(wish)) == (
        302, reverse("requests:detail", args=[wish.reference]), end)


def test_a_return_lands_on_the_accept_queue_with_its_message(w, client):
    wish = bring_to(w, S.DISPATCHED)
    response = _act(client, w.nurse, wish, "return", **{"return-reason": "不归我们"})
    page = client.get(response.url)
    assert (response.url, page.status_code, _state(wish)) == (
        reverse("requests:queue", args=["accept"]), 200, S.ORDERED)
    assert "已退回联席会" in page.content.decode()


@pytest.mark.parametrize("action", CASES)
def test_get_is_not_allowed_on_an_action(w, client, action):
    start, user, *_rest = CASES[action]
    wish = bring_to(w, start)
    client.force_login(getattr(w, user))
    assert client.get(reverse("requests:act", args=[wish.reference, action])).status_code == 405


@pytest.mark.parametrize("action", CASES)
def test_an_outsider_gets_404_and_nothing_changes(w, client, action):
    start, _user, data, _end, outsider, _reader = CASES[action]
    wish = bring_to(w, start)
    response = _act(client, getattr(w, outsider), wish, action, **_data(w, data))
    assert (response.status_code, _state(wish)) == (404, start)


@pytest.mark.parametrize("action", CASES)
def test_a_user_who_can_see_but_not_act_gets_403(w, client, action):
    start, _user, data, _end, _outsider, reader = CASES[action]
    wish = bring_to(w, start)
    response = _act(client, getattr(w, reader), wish, action, **_data(w, data))
    assert (response.status_code, _state(wish)) == (403, start)


@pytest.mark.parametrize("action", CASES)
def test_an_illegal_transition_shows_a_message_and_changes_nothing(w, client, action):
    _start, user, data, *_rest = CASES[action]
    wish = bring_to(w, ILLEGAL[action])
    count = wish.transitions.count()
    response = _act(client, getattr(w, user), wish, action, **_data(w, data))
    messages = [str(m) for m in response.context["messages"]]
    assert messages
    assert (_state(wish), wish.transitions.count()) == (ILLEGAL[action], count)


def test_the_loser_of_an_accept_is_told_who_took_it(w, client):
    wish = bring_to(w, S.ACCEPTED)
    response = _act(client, w.doctor, wish, "accept")
    assert w.nurse.person.name in response.content.decode()


def test_a_close_without_a_note_keeps_the_form_with_an_error(w, client):
    wish = bring_to(w, S.ACCEPTED)
    response = _act(client, w.nurse, wish, "close", **{"close-note": ""})
    assert (response.status_code, _state(wish), bool(response.context["actions"]["close"].errors)) == (
        200, S.ACCEPTED, True)


def test_a_refused_close_keeps_what_was_typed(w, client):
    wish = bring_to(w, S.ACCEPTED)
    response = _act(client, w.nurse, wish, "close",
                    **{"close-note": "我写了很多字", "close-closed_at": "2000-01-01T10:00"})
    assert "我写了很多字" in response.content.decode()
    assert _state(wish) == S.ACCEPTED


def test_the_detail_page_shows_the_resident_to_staff_in_scope(w, client):
    wish = order(w)
    client.force_login(w.worker1)
    page = client.get(reverse("requests:detail", args=[wish.reference])).content.decode()
    assert "张三丰" in page
    assert "13812345678" in page


def test_the_detail_page_is_404_outside_scope(w, client):
    wish = order(w, "NJ-02-01")
    client.force_login(w.worker1)
    assert client.get(reverse("requests:detail", args=[wish.reference])).status_code == 404


def test_the_detail_page_is_404_for_a_unit_the_request_was_not_sent_to(w, client):
    wish = bring_to(w, S.DISPATCHED)
    client.force_login(w.builder)
    assert client.get(reverse("requests:detail", args=[wish.reference])).status_code == 404


def test_an_unknown_reference_is_404(w, client):
    client.force_login(w.chairman)
    assert client.get("/requests/NJ-2026-999999/").status_code == 404


@pytest.mark.parametrize("user,expected", [
    ("chairman", ["dispatch", "invalid"]), ("nurse", []), ("branch", ["dispatch", "invalid"]), ("worker1", []),
])
def test_only_the_buttons_the_user_may_press_are_shown_for_an_ordered_request(w, client, user, expected):
    wish = order(w)
    client.force_login(getattr(w, user))
    response = client.get(reverse("requests:detail", args=[wish.reference]))
    assert response.context["action_names"] == expected if response.status_code == 200 else expected == []


@pytest.mark.parametrize("user,expected", [("nurse", ["close", "return"]), ("doctor", ["return"])])
def test_only_the_acceptor_sees_close(w, client, user, expected):
    wish = bring_to(w, S.ACCEPTED)
    client.force_login(getattr(w, user))
    response = client.get(reverse("requests:detail", args=[wish.reference]))
    assert response.context["action_names"] == expected


def test_the_dispatch_form_suggests_units_whose_duties_cover_the_category_first(w, client):
    wish = order(w)
    client.force_login(w.chairman)
    form = client.get(reverse("requests:detail", args=[wish.reference])).context["actions"]["dispatch"]
    suggested = form.fields["unit"].choices[1][1]
    assert [pk for pk, _label in suggested] == [w.hospital.pk]


def test_the_dispatch_form_defaults_the_deadline_from_the_category(w, client):
    wish = order(w)
    client.force_login(w.chairman)
    form = client.get(reverse("requests:detail", args=[wish.reference])).context["actions"]["dispatch"]
    # Seven Chinese working days (nanjie/workdays.py), not seven calendar days.
    assert form.fields["deadline"].initial == workdays.add_workdays(timezone.localdate(), 7)


def test_a_returned_request_shows_the_reason_to_the_dispatcher(w, client):
    wish = bring_to(w, S.DISPATCHED)
    wish.return_to_ordered("应由住建局处理", by=w.nurse)
    client.force_login(w.chairman)
    assert "应由住建局处理" in client.get(reverse("requests:detail", args=[wish.reference])).content.decode()


def test_the_timeline_lists_every_transition(w, client):
    wish = bring_to(w, S.PUBLICISED)
    client.force_login(w.branch)
    response = client.get(reverse("requests:detail", args=[wish.reference]))
    assert len(response.context["transitions"]) == 5


def test_html_in_the_text_is_shown_escaped(w, client):
    wish = order(w, text="<script>alert(1)</script>")
    client.force_login(w.chairman)
    page = client.get(reverse("requests:detail", args=[wish.reference])).content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;" in page


def test_the_detail_page_costs_the_same_queries_for_a_short_and_a_long_timeline(w, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def cost(wish):
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("requests:detail", args=[wish.reference]))
        return len(captured)

    short, long = bring_to(w, S.DISPATCHED), bring_to(w, S.DISPATCHED)
    for _round in range(4):
        long.return_to_ordered("不归我们", by=w.nurse)
        long.dispatch(w.hospital, by=w.chairman)
    client.force_login(w.chairman)
    cost(short)  # warm the session and permission caches
    assert cost(short) == cost(long)
