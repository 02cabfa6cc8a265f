"""A micro-grid worker's household list opens on their own micro-grids; the grid leader's on the whole grid."""

import pytest
from django.urls import reverse

from grid.models import GridNode, GridPost
from tests.factories import make_grid_worker
from tests.grid.factories import make_household


@pytest.fixture
def two_households(tree):
    make_household("NJ-03-01", contact_name="甲本微网格")
    make_household("NJ-03-02", contact_name="乙邻微网格")


def _page(client, user, **params):
    client.force_login(user)
    return client.get(reverse("field:households"), params).content.decode()


@pytest.fixture
def worker_of_one(tree):
    """A micro-grid worker of grid 3 who covers NJ-03-01 only."""
    user = make_grid_worker("NJ-03", "worker31")
    user.person.posts.get().micro_grids.set([GridNode.objects.get(code="NJ-03-01")])
    return user


def test_a_worker_sees_only_their_micro_grids_by_default(client, worker_of_one, two_households):
    page = _page(client, worker_of_one)
    assert "甲本微网格" in page
    assert "乙邻微网格" not in page


def test_a_worker_can_widen_the_list_to_the_grid(client, worker_of_one, two_households):
    assert "乙邻微网格" in _page(client, worker_of_one, area="all")


def test_a_chosen_micro_grid_overrides_the_default(client, worker_of_one, two_households):
    other = GridNode.objects.get(code="NJ-03-02")
    assert "乙邻微网格" in _page(client, worker_of_one, micro_grid=other.pk)


def test_the_grid_leader_sees_the_whole_grid(client, tree, two_households):
    leader = make_grid_worker("NJ-03", "leader3", role=GridPost.Role.LEADER)
    page = _page(client, leader)
    assert "甲本微网格" in page
    assert "乙邻微网格" in page


def test_the_leader_has_no_area_choice(client, tree, two_households):
    leader = make_grid_worker("NJ-03", "leader3", role=GridPost.Role.LEADER)
    client.force_login(leader)
    assert "area" not in client.get(reverse("field:households")).context["filter"].form.fields
