""""Done by" and "mediator" offer the people who serve the grid (posts and four-teams roster), not everyone."""

import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from grid.models import Dispute, GridNode, GridTeamMember, ServiceRecord, TeamKind
from tests.factories import make_grid_worker, make_person


@pytest.fixture
def homeowner(tree):
    person = make_person(name="业委会周主任")
    GridTeamMember.objects.create(team=TeamKind.HOMEOWNERS, person=person, grid=GridNode.objects.get(code="NJ-03"))
    return person


@pytest.fixture
def dispute(worker3):
    return Dispute.objects.create(micro_grid=GridNode.objects.get(code="NJ-03-01"), kind="neighbours",
                                  parties="王某、李某", summary="楼上漏水", registered_by=worker3)


def helper_choices(client, household):
    return set(client.get(reverse("field:service_new", args=[household.pk])).context["form"].fields["helper"]
               .queryset)


def test_done_by_offers_the_grids_staff_and_team(client3, worker3, homeowner, household):
    assert {worker3.person, homeowner} <= helper_choices(client3, household)


def test_done_by_leaves_out_people_of_other_grids_and_nobodies(client3, worker4, household):
    stranger = make_person(name="路人甲")
    choices = helper_choices(client3, household)
    assert worker4.person not in choices
    assert stranger not in choices


def test_a_helper_from_another_grid_is_refused(client3, worker4, household):
    client3.post(reverse("field:service_new", args=[household.pk]), {
        "way": "proxy", "what": "代办", "done_on": timezone.localdate().isoformat(), "helper": worker4.person.pk,
        "token": str(uuid.uuid4())})
    assert not ServiceRecord.objects.exists()


def test_a_person_with_two_posts_is_offered_once(client3, worker3, household):
    GridTeamMember.objects.create(team=TeamKind.COMMUNITY_WORKER, person=worker3.person,
                                  grid=GridNode.objects.get(code="NJ-03"))
    choices = list(client3.get(reverse("field:service_new", args=[household.pk])).context["form"]
                   .fields["helper"].queryset)
    assert choices.count(worker3.person) == 1


def test_the_mediator_list_is_the_grids_people(client3, worker3, worker4, homeowner, dispute):
    choices = set(client3.get(reverse("field:dispute", args=[dispute.pk])).context["mediate_form"]
                  .fields["mediator"].queryset)
    assert {worker3.person, homeowner} <= choices
    assert worker4.person not in choices


def test_a_mediator_from_another_grid_is_refused(client3, worker4, dispute):
    client3.post(reverse("field:dispute_move", args=[dispute.pk, "mediate"]), {"mediator": worker4.person.pk})
    dispute.refresh_from_db()
    assert dispute.state == "registered"


def test_the_branch_admin_may_mediate_themselves(client, branch, dispute):
    client.force_login(branch)
    client.post(reverse("field:dispute_move", args=[dispute.pk, "mediate"]), {"mediator": branch.person.pk})
    dispute.refresh_from_db()
    assert dispute.mediator == branch.person


def test_the_grid_leader_is_offered(client3, dispute, tree):
    from grid.models import GridPost

    leader = make_grid_worker("NJ-03", role=GridPost.Role.LEADER)
    choices = client3.get(reverse("field:dispute", args=[dispute.pk])).context["mediate_form"].fields["mediator"]
    assert leader.person in set(choices.queryset)
