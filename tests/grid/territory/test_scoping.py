"""One scoping mechanism (grid/territory/scoping.py) behind every visible_to: id lists, resolved once a request."""

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from grid.models import GridNode, Household, Whistle
from grid.territory.scoping import ScopedMixin
from requests.models import Request
from tests.factories import make_branch_admin, make_person, make_user
from tests.grid.factories import make_household

SCOPED = {"grid.GridNode", "grid.GridPost", "grid.Household", "grid.Visit", "grid.AssistancePair",
          "grid.ServiceRecord", "grid.Dispute", "grid.Whistle", "requests.Request", "volunteers.Position",
          "volunteers.DutyShift", "volunteers.Amenity", "volunteers.Inspection", "volunteers.ServiceRule",
          "volunteers.Session", "volunteers.Booking",
          # the joint meeting (partners/meeting): community-wide, and a unit's member reaches its decisions
          "partners.Meeting", "partners.Attendance", "partners.AgendaItem", "partners.Decision",
          "partners.DecisionEvent", "partners.MinutesAmendment"}


def test_every_model_with_visible_to_is_scoped_by_the_one_mechanism():
    scoped = {model._meta.label for model in apps.get_models() if hasattr(model.objects, "visible_to")}
    assert scoped == SCOPED


@pytest.mark.parametrize("label", sorted(SCOPED))
def test_every_visible_to_comes_from_the_scoped_mixin(label):
    assert isinstance(apps.get_model(label).objects.all(), ScopedMixin)


def test_anonymous_visitors_see_no_rows(tree, household):
    assert not Household.objects.visible_to(AnonymousUser()).exists()


def test_a_worker_sees_the_rows_under_the_grids_they_serve(worker3, household):
    other = make_household("NJ-04-01")
    assert list(Household.objects.visible_to(worker3)) == [household] and other.pk


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


def test_a_scoped_list_filters_by_an_id_list_without_a_join_or_distinct(worker3):
    sql = str(Request.objects.visible_to(worker3).query).upper()
    assert (" JOIN " in sql, "DISTINCT" in sql) == (False, False)


def test_a_roster_member_without_posts_reaches_their_grids_whistles(tree, branch_admin):
    from grid.models import GridTeamMember, TeamKind

    person = make_person()
    user = make_user(person=person)
    GridTeamMember.objects.create(team=TeamKind.HOMEOWNERS, person=person, grid=GridNode.objects.get(code="NJ-03"))
    whistle = Whistle.objects.create(grid=GridNode.objects.get(code="NJ-03"), what="积水", where="3幢",
                                     when="2026-01-01T08:00+08:00", blown_by=branch_admin)
    assert list(Whistle.objects.visible_to(user)) == [whistle]
