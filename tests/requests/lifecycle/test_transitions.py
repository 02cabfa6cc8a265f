"""Every staff transition, and every refused (state, action) pair: refused means a message and no change."""

import contextlib
import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from nanjie import workdays
from requests.models import Request, Transition
from tests.requests.staff_world import S, bring_to, fast_passwords, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@contextlib.contextmanager
def _refused(code, naming=""):
    """Refused with this error code (messages are in Chinese by default, codes are stable), naming someone."""
    with pytest.raises(ValidationError) as refused:
        yield
    assert (refused.value.code, naming in refused.value.messages[0]) == (code, True), refused.value.messages

# action → the call made by the person allowed to do it (so only the state decides).
ACTIONS = {
    "dispatch": lambda w, r: r.dispatch(w.hospital, by=w.chairman),
    "accept": lambda w, r: r.accept(w.nurse.person, by=w.nurse),
    "close": lambda w, r: r.close("已上门测量", by=w.nurse),
    "publicise": lambda w, r: r.publicise("已上门测量血压", by=w.branch),
    "revise": lambda w, r: r.revise_summary("已安排医生上门测量血压", by=w.branch),
    "rework": lambda w, r: r.send_back_for_rework("未附测量记录", by=w.branch),
    "return": lambda w, r: r.return_to_ordered("不归我们管", by=w.nurse),
    "invalid": lambda w, r: r.mark_invalid("重复诉求", by=w.chairman),
}
ALLOWED = {
    ("dispatch", S.ORDERED): S.DISPATCHED,
    ("accept", S.DISPATCHED): S.ACCEPTED,
    ("close", S.ACCEPTED): S.CLOSED,
    ("publicise", S.CLOSED): S.PUBLICISED,
    ("revise", S.PUBLICISED): S.PUBLICISED,
    ("rework", S.CLOSED): S.ACCEPTED,
    ("return", S.DISPATCHED): S.ORDERED,
    ("return", S.ACCEPTED): S.ORDERED,
    ("invalid", S.ORDERED): S.INVALID,
    ("invalid", S.DISPATCHED): S.INVALID,
}
PAIRS = [(action, state) for action in ACTIONS for state in S.values]


@pytest.fixture
def w():
    return world()


def _snapshot(wish):
    row = Request.objects.filter(pk=wish.pk).values().get()
    row.pop("updated_at")
    return row, Transition.objects.filter(request=wish).count()


@pytest.mark.parametrize("action,state", [p for p in PAIRS if p in ALLOWED])
def test_an_allowed_transition_moves_and_records_one_row(w, action, state):
    wish = bring_to(w, state)
    before = wish.transitions.count()
    ACTIONS[action](w, wish)
    assert (Request.objects.get(pk=wish.pk).state, wish.transitions.count()) == (ALLOWED[action, state], before + 1)


@pytest.mark.parametrize("action,state", [p for p in PAIRS if p not in ALLOWED])
def test_a_refused_transition_raises_a_message_and_changes_nothing(w, action, state):
    wish = bring_to(w, state)
    before = _snapshot(wish)
    with pytest.raises(ValidationError) as refused:
        ACTIONS[action](w, wish)
    assert refused.value.messages[0]
    assert _snapshot(wish) == before


def test_the_transition_row_says_who_when_from_to_and_why(w):
    wish = bring_to(w, S.DISPATCHED)
    wish.return_to_ordered("应由住建局处理", by=w.nurse)
    last = wish.transitions.last()
    assert (last.by, last.old_state, last.new_state, last.note) == (w.nurse, S.DISPATCHED, S.ORDERED, "应由住建局处理")


def test_dispatch_sets_unit_time_and_the_category_default_deadline(w):
    wish = bring_to(w, S.ORDERED)
    wish.dispatch(w.hospital, by=w.chairman)
    days = workdays.workdays_between(timezone.localtime(wish.dispatched_at).date(),
                                     timezone.localtime(wish.deadline).date())
    assert (wish.unit, days) == (w.hospital, 7)  # Chinese working days


def test_dispatch_takes_an_edited_deadline_as_the_end_of_that_day(w):
    wish = bring_to(w, S.ORDERED)
    day = timezone.localdate() + datetime.timedelta(days=3)
    wish.dispatch(w.hospital, day, by=w.chairman)
    assert timezone.localtime(wish.deadline).date() == day


def test_dispatch_refuses_a_deadline_in_the_past(w):
    wish = bring_to(w, S.ORDERED)
    with _refused("deadline"):
        wish.dispatch(w.hospital, timezone.localdate() - datetime.timedelta(days=1), by=w.chairman)


@pytest.mark.parametrize("who", ["nurse", "worker1", "branch_less"])
def test_only_the_joint_meeting_dispatches(w, who):
    wish = bring_to(w, S.ORDERED)
    user = w.worker1 if who == "branch_less" else getattr(w, who)
    with pytest.raises(ValidationError) as refused:
        wish.dispatch(w.hospital, by=user)
    assert refused.value.code == "not_dispatcher"
    assert Request.objects.get(pk=wish.pk).state == S.ORDERED


def test_a_member_of_another_unit_cannot_accept(w):
    wish = bring_to(w, S.DISPATCHED)
    with _refused("not_unit_member"):
        wish.accept(w.builder.person, by=w.builder)


def test_nobody_accepts_in_someone_elses_name(w):
    wish = bring_to(w, S.DISPATCHED)
    with _refused("own_login"):
        wish.accept(w.doctor.person, by=w.nurse)


def test_the_second_acceptor_is_told_who_took_it(w):
    wish = bring_to(w, S.DISPATCHED)
    late = Request.objects.get(pk=wish.pk)
    wish.accept(w.nurse.person, by=w.nurse)
    with _refused("taken", naming=w.nurse.person.name):
        late.accept(w.doctor.person, by=w.doctor)


def test_only_the_acceptor_closes(w):
    wish = bring_to(w, S.ACCEPTED)
    with _refused("not_acceptor", naming=w.nurse.person.name):
        wish.close("我来办", by=w.doctor)


def test_close_needs_what_was_done(w):
    wish = bring_to(w, S.ACCEPTED)
    with _refused("empty_note"):
        wish.close("   ", by=w.nurse)


def test_close_refuses_a_time_in_the_future(w):
    wish = bring_to(w, S.ACCEPTED)
    with _refused("closed_at"):
        wish.close("done", by=w.nurse, closed_at=timezone.now() + datetime.timedelta(days=1))


def test_close_records_the_note_and_the_given_time(w):
    wish = bring_to(w, S.ACCEPTED)
    when = timezone.now()
    wish.close("已上门测量血压", by=w.nurse, closed_at=when)
    assert (wish.closure_note, wish.closed_at) == ("已上门测量血压", when)


def test_only_the_branch_publicises(w):
    wish = bring_to(w, S.CLOSED)
    with _refused("not_branch"):
        wish.publicise("已上门测量血压", by=w.chairman)


def test_only_the_dispatched_unit_returns(w):
    wish = bring_to(w, S.DISPATCHED)
    with _refused("not_unit_member"):
        wish.return_to_ordered("not ours", by=w.builder)


def test_a_return_clears_unit_and_deadline_and_keeps_the_reason_for_the_dispatcher(w):
    wish = bring_to(w, S.ACCEPTED)
    wish.return_to_ordered("应由住建局处理", by=w.nurse)
    wish.refresh_from_db()
    assert (wish.unit, wish.deadline, wish.acceptor, wish.returned_from, wish.return_reason) == (
        None, None, None, w.hospital, "应由住建局处理")


def test_a_return_needs_a_reason(w):
    wish = bring_to(w, S.DISPATCHED)
    with _refused("empty_reason"):
        wish.return_to_ordered("", by=w.nurse)


def test_a_redispatch_clears_the_return_note(w):
    wish = bring_to(w, S.DISPATCHED)
    wish.return_to_ordered("不归我们", by=w.nurse)
    wish.dispatch(w.housing, by=w.chairman)
    wish.refresh_from_db()
    assert (wish.return_reason, wish.returned_from) == ("", None)


def test_a_unit_member_cannot_mark_invalid(w):
    wish = bring_to(w, S.DISPATCHED)
    with _refused("not_dispatcher"):
        wish.mark_invalid("重复", by=w.nurse)


def test_invalid_keeps_its_reason(w):
    wish = bring_to(w, S.ORDERED)
    wish.mark_invalid("与NJ-2026-000001重复", by=w.chairman)
    assert wish.invalid_reason == "与NJ-2026-000001重复"


def test_an_unsatisfied_rating_reopens_and_the_acceptor_closes_again(w):
    wish = bring_to(w, S.PUBLICISED)
    wish.rate(Request.Rating.UNSATISFIED, "还是不行")
    wish.close("第二次上门处理好了", by=w.nurse)
    assert list(wish.transitions.values_list("new_state", flat=True))[-2:] == [S.ACCEPTED, S.CLOSED]


def test_overdue_is_open_past_its_deadline(w):
    wish = bring_to(w, S.DISPATCHED)
    Request.objects.filter(pk=wish.pk).update(deadline=timezone.now() - datetime.timedelta(hours=1))
    assert list(Request.objects.overdue()) == [wish]


def test_a_closed_request_is_never_overdue(w):
    wish = bring_to(w, S.CLOSED)
    Request.objects.filter(pk=wish.pk).update(deadline=timezone.now() - datetime.timedelta(hours=1))
    assert not Request.objects.overdue().exists()


def test_close_refuses_a_time_before_it_was_accepted(w):
    wish = bring_to(w, S.ACCEPTED)
    with _refused("closed_at"):
        wish.close("done", by=w.nurse, closed_at=wish.accepted_at - datetime.timedelta(hours=1))
