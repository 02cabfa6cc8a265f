"""Conflicting transitions on one request, pressed at the same moment by real threads on PostgreSQL.

Whatever order the database serialises them in, the request ends in one consistent state, the Transition rows
are exactly those of the moves that won (no double row), and a move that lost was refused with a stable code.
Each race is run a few rounds on fresh requests, so both orders get their chance.
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from requests.models import Request
from tests.conftest import requires_postgres
from tests.factories import make_branch_admin
from tests.requests.staff_world import S, bring_to, fast_passwords, world  # noqa: F401 (fixture)

pytestmark = [requires_postgres, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
ROUNDS = 4


def _race(calls):
    """Run {label: call} in threads released by one barrier; return {label: None if it won, else its error code}."""
    barrier = threading.Barrier(len(calls))
    outcome = {}

    def press(label, call):
        try:
            barrier.wait()
            call()
            outcome[label] = None
        except ValidationError as error:
            outcome[label] = error.code
        finally:
            connection.close()

    threads = [threading.Thread(target=press, args=item) for item in calls.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return outcome


def _moves(wish, since):
    """The (old, new) of the Transition rows recorded after `since` (the last row before the race)."""
    return list(wish.transitions.filter(pk__gt=since).order_by("pk").values_list("old_state", "new_state"))


def _run(w, state, calls):
    """One round: a fresh request in `state`, the calls raced on it; returns (outcome, moves, the request now)."""
    wish = bring_to(w, state)
    since = wish.transitions.order_by("pk").last().pk
    outcome = _race({label: (lambda make=make: make(Request.objects.get(pk=wish.pk))) for label, make in calls.items()})
    return outcome, _moves(wish, since), Request.objects.get(pk=wish.pk)


@pytest.fixture
def w():
    return world()


def _accept(w):
    return lambda wish: wish.accept(w.nurse.person, by=w.nurse)


def _return(member):
    return lambda wish: wish.return_to_ordered("不是本单位职责", by=member)


def test_accept_and_return_at_once_end_ordered_with_the_rows_of_what_won(w):
    # Both orders are legal: accepted then returned (both win: a unit may return what it accepted), or returned
    # then the accept refused. Either way the request is back with the joint meeting, with no unit or acceptor.
    legal = {
        (None, None): [(S.DISPATCHED, S.ACCEPTED), (S.ACCEPTED, S.ORDERED)],
        ("state", None): [(S.DISPATCHED, S.ORDERED)],
    }
    for _round in range(ROUNDS):
        outcome, moves, wish = _run(w, S.DISPATCHED, {"accept": _accept(w), "return": _return(w.doctor)})
        key = (outcome["accept"], outcome["return"])
        assert key in legal, (outcome, moves)
        assert moves == legal[key], (outcome, moves)
        assert (wish.state, wish.unit_id, wish.acceptor_id) == (S.ORDERED, None, None)


def test_accept_and_mark_invalid_at_once_one_wins_and_the_other_is_refused_for_the_state(w):
    legal = {
        (None, "state"): (S.ACCEPTED, [(S.DISPATCHED, S.ACCEPTED)]),
        ("state", None): (S.INVALID, [(S.DISPATCHED, S.INVALID)]),
    }
    invalid = lambda wish: wish.mark_invalid("重复提交", by=w.chairman)  # noqa: E731
    for _round in range(ROUNDS):
        outcome, moves, wish = _run(w, S.DISPATCHED, {"accept": _accept(w), "invalid": invalid})
        key = (outcome["accept"], outcome["invalid"])
        assert key in legal, (outcome, moves, wish.state)
        assert (wish.state, moves) == legal[key], (outcome, moves, wish.state)


def test_close_and_return_at_once_one_wins_and_the_other_is_refused_for_the_state(w):
    legal = {
        (None, "state"): (S.CLOSED, [(S.ACCEPTED, S.CLOSED)]),
        ("state", None): (S.ORDERED, [(S.ACCEPTED, S.ORDERED)]),
    }
    close = lambda wish: wish.close("已上门测量血压", by=w.nurse)  # noqa: E731
    for _round in range(ROUNDS):
        outcome, moves, wish = _run(w, S.ACCEPTED, {"close": close, "return": _return(w.doctor)})
        key = (outcome["close"], outcome["return"])
        assert key in legal, (outcome, moves, wish.state)
        assert (wish.state, moves) == legal[key], (outcome, moves, wish.state)


def test_two_branch_admins_publicising_at_once_publicise_once(w):
    second = make_branch_admin("branch2")
    for _round in range(ROUNDS):
        outcome, moves, wish = _run(w, S.CLOSED, {"first": lambda wish: wish.publicise("已上门", by=w.branch),
                                                  "second": lambda wish: wish.publicise("已办结", by=second)})
        assert (sorted(outcome.values(), key=str), moves, wish.state) == (
            [None, "state"], [(S.CLOSED, S.PUBLICISED)], S.PUBLICISED), outcome


def test_accepting_a_request_returned_a_moment_ago_is_refused_for_its_state(w):
    wish = bring_to(w, S.DISPATCHED)
    Request.objects.get(pk=wish.pk).return_to_ordered("不是本单位职责", by=w.doctor)
    with pytest.raises(ValidationError) as refused:
        wish.accept(w.nurse.person, by=w.nurse)
    assert refused.value.code == "state"
