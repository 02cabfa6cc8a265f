import pytest
from django.core.management import call_command

from grid.models import GridNode, GridPost


@pytest.fixture
def seeded(db):
    call_command("seed", verbosity=0, stdout=open("/dev/null", "w"))


def test_seed_builds_one_total_grid_27_grids_and_247_micro_grids(seeded):
    counts = {kind: GridNode.objects.filter(kind=kind).count() for kind in GridNode.Kind.values}
    assert (counts["total_grid"], counts["grid"], counts["micro_grid"]) == (1, 27, 247)


def test_every_grid_has_one_leader_one_law_enforcement_member_and_a_micro_grid(seeded):
    for grid in GridNode.objects.filter(kind=GridNode.Kind.GRID):
        roles = list(grid.posts.values_list("role", flat=True))
        assert (roles.count(GridPost.Role.LEADER), roles.count(GridPost.Role.LAW_ENFORCEMENT)) == (1, 1)
        assert grid.get_children().exists()
