"""Staff find a grid's field records in admin with the "in grid …" filter (the grid and all its micro-grids)."""

import pytest
from django.urls import reverse

from grid.models import GridNode, GridTeamMember, TeamKind
from tests.factories import make_person, make_tree, make_user
from tests.grid.factories import make_household


@pytest.fixture
def office(client, tree):
    client.force_login(make_user("office", is_staff=True, is_superuser=True))
    return client


def test_the_household_list_filters_by_grid_subtree(office):
    inside, _outside = make_household("NJ-03-01", contact_name="甲"), make_household("NJ-04-01", contact_name="乙")
    listed = office.get(reverse("admin:grid_household_changelist"), {"in_grid": "NJ-03"}).context["cl"].result_list
    assert list(listed) == [inside]


def test_the_four_teams_roster_filters_by_grid(office):
    here = GridTeamMember.objects.create(team=TeamKind.HOMEOWNERS, person=make_person(),
                                         grid=GridNode.objects.get(code="NJ-02"))
    GridTeamMember.objects.create(team=TeamKind.HOMEOWNERS, person=make_person(),
                                  grid=GridNode.objects.get(code="NJ-01"))
    listed = office.get(reverse("admin:grid_gridteammember_changelist"), {"in_grid": "NJ-02"}).context["cl"]
    assert list(listed.result_list) == [here]


def test_the_filter_offers_the_portals_community_not_every_tree_in_the_database(office):
    make_tree(grids=1, micro_per_grid=1, prefix="XX")
    page = office.get(reverse("admin:grid_household_changelist")).content.decode()
    assert "in_grid=NJ-01" in page
    assert "in_grid=XX-01" not in page


def test_the_household_list_heads_its_address_column_in_chinese(office):
    make_household("NJ-03-01")
    assert "住址" in office.get(reverse("admin:grid_household_changelist")).content.decode()
