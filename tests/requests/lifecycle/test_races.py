"""Races on PostgreSQL: real threads, each with its own connection, pressing at the same moment."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from requests.models import Request
from tests.conftest import requires_postgres
from tests.factories import make_unit_member
from tests.requests.staff_world import S, bring_to, fast_passwords, world  # noqa: F401 (fixture)

pytestmark = [requires_postgres, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
ACCEPTORS = 8


def _together(calls):
    """Run the calls in threads released by one barrier; return (results, messages of the refused)."""
    barrier = threading.Barrier(len(calls))
    won, refused = [], []

    def press(call):
        try:
            barrier.wait()
            call()
            won.append(call)
        except ValidationError as error:
            refused.append(error.messages[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=press, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return won, refused


@pytest.fixture
def w():
    return world()


def test_of_eight_members_accepting_at_once_exactly_one_wins(w):
    wish = bring_to(w, S.DISPATCHED)
    members = [make_unit_member(w.hospital) for _ in range(ACCEPTORS)]
    calls = [lambda m=m: Request.objects.get(pk=wish.pk).accept(m.person, by=m) for m in members]
    won, refused = _together(calls)
    assert (len(won), len(refused), wish.transitions.filter(new_state=S.ACCEPTED).count()) == (1, ACCEPTORS - 1, 1)


def test_the_losers_are_told_who_took_it(w):
    wish = bring_to(w, S.DISPATCHED)
    members = [make_unit_member(w.hospital) for _ in range(ACCEPTORS)]
    calls = [lambda m=m: Request.objects.get(pk=wish.pk).accept(m.person, by=m) for m in members]
    _won, refused = _together(calls)
    winner = Request.objects.select_related("acceptor").get(pk=wish.pk).acceptor.name
    assert all(winner in message for message in refused)
    assert len(refused) == ACCEPTORS - 1


def test_two_dispatchers_at_once_dispatch_once(w):
    wish = bring_to(w, S.ORDERED)
    second = w.branch  # also a dispatcher
    calls = [lambda: Request.objects.get(pk=wish.pk).dispatch(w.hospital, by=w.chairman),
             lambda: Request.objects.get(pk=wish.pk).dispatch(w.housing, by=second)]
    won, refused = _together(calls)
    assert (len(won), len(refused), wish.transitions.filter(new_state=S.DISPATCHED).count()) == (1, 1, 1)
