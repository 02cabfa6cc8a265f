"""不满意 reopens a request with a new deadline (now + the category's days), so it is not overdue at once."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from requests.lifecycle.transitions import default_deadline
from requests.models import Request
from tests.requests.staff_world import S, fast_passwords, order, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return world()


def _closed_long_ago(w):
    """Dispatched, accepted and closed a month ago: its deadline (7 days after dispatch) is long past."""
    wish = order(w)
    start = timezone.now() - datetime.timedelta(days=30)
    wish.dispatch(w.hospital, by=w.chairman, at=start)
    wish.accept(w.nurse.person, by=w.nurse, at=start + datetime.timedelta(hours=1))
    wish.close("已上门测量", by=w.nurse, closed_at=start + datetime.timedelta(days=2))
    return wish


def test_a_reopened_request_gets_a_new_deadline_from_its_category(w):
    wish = _closed_long_ago(w)
    wish.rate("unsatisfied", "血压计读数不准")
    expected = default_deadline(w.category, timezone.now())
    assert (wish.state, wish.deadline) == (S.ACCEPTED, expected)


def test_a_reopened_request_is_not_overdue(w):
    wish = _closed_long_ago(w)
    wish.rate("unsatisfied", "血压计读数不准")
    assert not wish.is_overdue
    assert not Request.objects.overdue().filter(pk=wish.pk).exists()


def test_a_satisfied_rating_keeps_the_deadline(w):
    wish = _closed_long_ago(w)
    before = wish.deadline
    wish.rate("satisfied")
    wish.refresh_from_db()
    assert (wish.state, wish.deadline) == (S.CLOSED, before)


def test_a_refused_reopen_changes_neither_state_nor_deadline(w):
    wish = _closed_long_ago(w)
    before = wish.deadline
    with pytest.raises(ValidationError) as refused:
        wish.rate("unsatisfied", "")
    assert refused.value.code == "no_comment"
    wish.refresh_from_db()
    assert (wish.state, wish.deadline) == (S.CLOSED, before)


def test_the_reopened_request_shows_its_new_deadline_to_the_resident(w, client):
    wish = _closed_long_ago(w)
    client.post(f"/track/{wish.token}/rate/", {"rating": "unsatisfied", "comment": "血压计读数不准"})
    shown = client.get(f"/track/{wish.token}/").content.decode()
    assert timezone.localtime(default_deadline(w.category)).strftime("%Y-%m-%d") in shown
