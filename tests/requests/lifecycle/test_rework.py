"""The branch sends a closure back for rework (closed → accepted): a reason the member sees, refused otherwise."""

import contextlib

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from requests.models import Request
from tests.requests.staff_world import S, bring_to, fast_passwords, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
REASON = "未附测量记录，请补测后再办结"


@pytest.fixture
def w():
    return world()


@contextlib.contextmanager
def _refused(code):
    with pytest.raises(ValidationError) as refused:
        yield
    assert refused.value.code == code, refused.value.messages


def test_rework_moves_a_closure_back_to_its_acceptor_with_the_reason(w):
    wish = bring_to(w, S.CLOSED)
    wish.send_back_for_rework(REASON, by=w.branch)
    wish.refresh_from_db()
    assert (wish.state, wish.acceptor_id, wish.rework_reason) == (S.ACCEPTED, w.nurse.person.pk, REASON)


def test_rework_records_a_transition_row_by_the_branch(w):
    wish = bring_to(w, S.CLOSED)
    wish.send_back_for_rework(REASON, by=w.branch)
    row = wish.transitions.last()
    assert (row.old_state, row.new_state, row.by, row.note) == (S.CLOSED, S.ACCEPTED, w.branch, REASON)


def test_rework_gives_a_new_deadline_in_the_future(w):
    wish = bring_to(w, S.CLOSED)
    Request.objects.filter(pk=wish.pk).update(deadline=wish.ordered_at)
    wish.send_back_for_rework(REASON, by=w.branch)
    assert not Request.objects.get(pk=wish.pk).is_overdue


def test_rework_needs_a_reason(w):
    wish = bring_to(w, S.CLOSED)
    with _refused("empty_reason"):
        wish.send_back_for_rework("  ", by=w.branch)


def test_rework_is_refused_once_publicised(w):
    wish = bring_to(w, S.PUBLICISED)
    with _refused("state"):
        wish.send_back_for_rework(REASON, by=w.branch)


@pytest.mark.parametrize("who", ["chairman", "nurse", "worker1"])
def test_only_the_branch_sends_back(w, who):
    wish = bring_to(w, S.CLOSED)
    with _refused("not_branch"):
        wish.send_back_for_rework(REASON, by=getattr(w, who))


def test_closing_again_clears_the_rework_reason(w):
    wish = bring_to(w, S.CLOSED)
    wish.send_back_for_rework(REASON, by=w.branch)
    wish.close("已补测并附记录", by=w.nurse)
    assert Request.objects.get(pk=wish.pk).rework_reason == ""


def test_the_member_sees_the_reason_on_the_request_page(w, client):
    wish = bring_to(w, S.CLOSED)
    wish.send_back_for_rework(REASON, by=w.branch)
    client.force_login(w.nurse)
    assert REASON in client.get(reverse("requests:detail", args=[wish.reference])).content.decode()


def test_the_member_sees_the_reason_in_the_mine_queue(w, client):
    wish = bring_to(w, S.CLOSED)
    wish.send_back_for_rework(REASON, by=w.branch)
    client.force_login(w.nurse)
    assert REASON in client.get(reverse("requests:queue", args=["mine"])).content.decode()


def test_the_branch_sees_send_back_beside_publicise(w, client):
    wish = bring_to(w, S.CLOSED)
    client.force_login(w.branch)
    names = client.get(reverse("requests:detail", args=[wish.reference])).context["action_names"]
    assert names[names.index("publicise") + 1] == "rework"


def test_the_resident_is_not_shown_the_branchs_reason(w, client):
    wish = bring_to(w, S.CLOSED)
    wish.send_back_for_rework(REASON, by=w.branch)
    assert REASON not in client.get(reverse("requests:track", args=[wish.token])).content.decode()
