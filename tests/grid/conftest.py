import pytest

from tests.factories import make_branch_admin, make_grid_worker, make_tree


@pytest.fixture
def tree(db):
    """NJ with 4 grids of 2 micro-grids each: NJ-01 … NJ-04, NJ-03-01, NJ-03-02 …"""
    return make_tree(grids=4, micro_per_grid=2)


@pytest.fixture
def worker3(tree):
    return make_grid_worker("NJ-03", username="worker3")


@pytest.fixture
def branch_admin(db):
    return make_branch_admin("branch")
