"""Counts and figures as each persona sees them: exact numbers, not "a page came back".

The security world (tests/security/world.py) gives our grid NJ-01 two requests (one ordered, one closed) and the
foreign grid NJ-02 three (dispatched, publicised, overdue) plus a household, a visit, a pair, a service, a dispute
and a whistle. Each test adds records of its own to our grid where it needs them and asserts the number the
grid worker is shown; an unscoped count would add the foreign records and fail.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from grid.models import Dispute, GridNode, Household, Visit


def queue_counts(world, persona):
    response = world.client(persona).get(reverse("requests:queues"))
    return {queue["name"]: queue["count"] for queue in response.context["queues"]}


def test_the_workers_queues_count_the_two_requests_of_their_grid(world, db):
    assert queue_counts(world, "worker")["all"] == 2


def test_the_workers_overdue_queue_counts_none_of_the_foreign_grids_overdue_request(world, db):
    assert queue_counts(world, "worker")["overdue"] == 0


def test_the_unit_members_accept_queue_counts_nothing_dispatched_to_the_other_unit(world, db):
    assert queue_counts(world, "member")["accept"] == 0


def test_the_chairman_sees_every_request_of_the_community(world, db):
    assert queue_counts(world, "chairman")["all"] == 5


def test_the_chairmans_overdue_queue_counts_the_overdue_request(world, db):
    assert queue_counts(world, "chairman")["overdue"] == 1


def our_households(world, count, visited=0):
    node = GridNode.objects.get(code="NJ-01-01")
    households = [Household.objects.create(micro_grid=node, building="8", room=f"80{n}", contact_name="周")
                  for n in range(count)]
    for household in households[:visited]:
        Visit.objects.create(household=household, worker=world.users["worker"].person,
                             recorded_by=world.users["worker"], visited_on=timezone.localdate(), asked="身体可好")
    return households


def coverage_total(world):
    return world.client("worker").get(reverse("field:coverage")).context["total"]


def test_the_workers_coverage_counts_the_households_of_their_grid(world, db):
    our_households(world, 3, visited=1)
    assert coverage_total(world).households == 3


def test_the_workers_coverage_counts_the_visited_households_of_their_grid(world, db):
    our_households(world, 3, visited=1)
    assert coverage_total(world).visited == 1


def test_the_workers_coverage_percentage_is_of_their_grid(world, db):
    our_households(world, 4, visited=1)
    assert coverage_total(world).percent == 25


def test_the_workers_coverage_counts_none_of_the_foreign_grids_household(world, db):
    assert coverage_total(world).households == 0


def listed(world, name, persona="worker"):
    return world.client(persona).get(reverse(name)).context["page"].paginator.count


def test_the_workers_household_list_counts_their_grids_households(world, db):
    our_households(world, 2)
    assert listed(world, "field:households") == 2


def test_the_workers_visit_list_counts_their_grids_visits(world, db):
    our_households(world, 2, visited=2)
    assert listed(world, "field:visits") == 2


def test_the_workers_dispute_register_counts_their_grids_disputes(world, db):
    Dispute.objects.create(micro_grid=GridNode.objects.get(code="NJ-01-02"), kind=Dispute.Kind.NEIGHBOURS,
                           parties="两户", summary="噪音", registered_by=world.users["worker"])
    assert listed(world, "field:disputes") == 1


@pytest.mark.parametrize("name", ["field:pairs", "field:services", "field:whistles"])
def test_the_worker_counts_none_of_the_foreign_grids_pairs_services_and_whistles(world, db, name):
    assert listed(world, name) == 0


def test_the_branch_counts_every_dispute_of_the_community(world, db):
    assert listed(world, "field:disputes", "branch") == 1


def test_a_pair_started_a_week_ago_is_counted_for_the_branch(world, db):
    assert world.objects["pair"].started_on <= timezone.localdate() - datetime.timedelta(days=3)
    assert listed(world, "field:pairs", "branch") == 1
