"""One scoping mechanism (grid/territory/scoping.py) behind every visible_to: id lists, resolved once a request."""

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from grid.models import GridNode, Household, Whistle
from grid.territory.scoping import CommunityWideQuerySet, ScopedMixin
from requests.models import Request
from tests.factories import make_branch_admin, make_person, make_user
from tests.grid.factories import make_household

SCOPED = {"grid.GridNode", "grid.GridPost", "grid.Household", "grid.Visit", "grid.AssistancePair",
          "grid.ServiceRecord", "grid.Dispute", "grid.Whistle", "requests.Request", "volunteers.Position",
          "volunteers.DutyShift", "volunteers.Amenity", "volunteers.Inspection", "volunteers.ServiceRule",
          "volunteers.Session", "volunteers.Booking", "volunteers.StudySession", "volunteers.StudyAttendance",
          "volunteers.MobileMember", "volunteers.TutorContact", "grid.Person", "grid.GridTeamMember",
          "partners.UnitMembership", "volunteers.TeamMember", "requests.Transition",
          # grid/people/logins: a change to a login by the person it concerns
          "grid.LoginChange",
          # the joint meeting (partners/meeting): community-wide, and a unit's member reaches its decisions
          "partners.Meeting", "partners.Attendance", "partners.AgendaItem", "partners.Decision",
          "partners.DecisionEvent", "partners.MinutesAmendment",
          # volunteers/activities: an activity by the grids it serves, its organiser and team; a certificate its
          # volunteer's
          "volunteers.Activity", "volunteers.SignUp", "volunteers.Certificate",
          # partners/lists: a need, project or resource by the grids it concerns; a claim by its item and unit
          "partners.Need", "partners.Project", "partners.Resource", "partners.Claim"}
# Rosters of the whole community, on no node: every login sees them, only community-wide staff change them.
COMMUNITY_WIDE = {"partners.Category", "partners.Unit", "partners.CommitteeMember", "partners.DutyRota",
                  "volunteers.Team", "volunteers.ActivityDay"}


def test_every_model_with_visible_to_is_scoped_by_the_one_mechanism():
    scoped = {model._meta.label for model in apps.get_models() if hasattr(model.objects, "visible_to")}
    assert scoped == SCOPED | COMMUNITY_WIDE


@pytest.mark.parametrize("label", sorted(COMMUNITY_WIDE))
def test_a_community_wide_roster_says_so(label):
    assert isinstance(apps.get_model(label).objects.all(), CommunityWideQuerySet)


@pytest.mark.parametrize("label", sorted(SCOPED))
def test_every_visible_to_comes_from_the_scoped_mixin(label):
    assert isinstance(apps.get_model(label).objects.all(), ScopedMixin)


def test_anonymous_visitors_see_no_rows(tree, household):
    assert not Household.objects.visible_to(AnonymousUser()).exists()


def test_a_worker_sees_the_rows_under_the_grids_they_serve(worker3, household):
    other = make_household("NJ-04-01")
    assert other.micro_grid.code == "NJ-04-01"
    assert list(Household.objects.visible_to(worker3)) == [household]


def test_a_community_wide_role_sees_every_row(tree, household):
    make_household("NJ-04-01")
    assert Household.objects.visible_to(make_branch_admin()).count() == 2


def test_the_nodes_a_user_serves_are_looked_up_once_per_user(worker3, household):
    with CaptureQueriesContext(connection) as queries:
        list(Household.objects.visible_to(worker3))
        list(GridNode.objects.visible_to(worker3))
        list(Household.objects.visible_to(worker3))
    lookups = [q for q in queries.captured_queries if '"grid_gridpost"' in q["sql"]]
    assert len(lookups) == 1


def test_a_worker_posted_twice_over_the_same_micro_grids_sees_each_request_once(tree):
    # Two posts reach NJ-03-01 (the grid's and a micro-grid's): a join on the posts would list its rows twice.
    from grid.models import GridPost
    from tests.factories import make_category

    person = make_person()
    user = make_user(person=person)
    GridPost.objects.create(node=GridNode.objects.get(code="NJ-03"), person=person, role=GridPost.Role.LEADER)
    micro = GridNode.objects.get(code="NJ-03-01")
    GridPost.objects.create(node=GridNode.objects.get(code="NJ-03"), person=person,
                            role=GridPost.Role.MICRO_WORKER).micro_grids.set([micro])
    category = make_category()
    made = [Request.order(category=category, text=f"诉求{n}", micro_grid=micro, channel=Request.Channel.ONLINE).pk
            for n in range(3)]
    assert sorted(Request.objects.visible_to(user).values_list("pk", flat=True)) == sorted(made)


def test_a_roster_member_without_posts_reaches_their_grids_whistles(tree, branch_admin):
    from grid.models import GridTeamMember, TeamKind

    person = make_person()
    user = make_user(person=person)
    GridTeamMember.objects.create(team=TeamKind.HOMEOWNERS, person=person, grid=GridNode.objects.get(code="NJ-03"))
    whistle = Whistle.objects.create(grid=GridNode.objects.get(code="NJ-03"), what="积水", where="3幢",
                                     when="2026-01-01T08:00+08:00", blown_by=branch_admin)
    assert list(Whistle.objects.visible_to(user)) == [whistle]
