"""The last slot of a need, raced on PostgreSQL: eight units claiming at the same moment, real threads, one
connection each. Exactly one wins; the others are told it is taken, and by whom."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from partners.models import Claim
from tests.conftest import requires_postgres
from tests.factories import make_tree, make_unit
from tests.partners.lists.factories import claimed, make_need, make_project

pytestmark = [requires_postgres, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
CLAIMANTS = 8


def _together(calls):
    barrier = threading.Barrier(len(calls))
    won, refused = [], []

    def press(call):
        try:
            barrier.wait()
            won.append(call())
        except ValidationError as error:
            refused.append((error.code, error.messages[0]))
        finally:
            connection.close()

    threads = [threading.Thread(target=press, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return won, refused


@pytest.fixture
def last_slot():
    """A need of three slots, two of them claimed by the county hospital."""
    make_tree(grids=1, micro_per_grid=1)
    need = make_need(quantity=3)
    claimed(need, make_unit(name="县人民医院"), 2)
    return need


def _claimants(item):
    units = [make_unit(name=f"单位{n}") for n in range(CLAIMANTS)]
    return [lambda unit=unit: Claim.make(item, unit, 1, by=None) for unit in units]


def test_of_eight_units_claiming_the_last_slot_exactly_one_wins(last_slot):
    won, refused = _together(_claimants(last_slot))
    assert (len(won), {code for code, _message in refused}, last_slot.claims.active().count()) == (1, {"taken"}, 2)


def test_the_losers_are_told_who_holds_the_slots(last_slot):
    won, refused = _together(_claimants(last_slot))
    assert all("县人民医院" in message and str(won[0].unit) in message for _code, message in refused)


def test_the_losers_leave_no_claim_and_no_transition_behind(last_slot):
    _together(_claimants(last_slot))
    assert (Claim.objects.count(), Claim.transitions.rel.related_model.objects.count()) == (2, 2)


def test_of_eight_units_claiming_a_projects_last_slot_exactly_one_wins():
    make_tree(grids=1, micro_per_grid=1)
    project = make_project(quantity=1)
    won, _refused = _together(_claimants(project))
    assert (len(won), project.claims.count()) == (1, 1)
