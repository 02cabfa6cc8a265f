"""Personas of the service positions: a community of 2 grids × 2 micro-grids, a worker of grid 1, the branch."""

import pytest

from tests.factories import make_branch_admin, make_grid_worker, make_tree


@pytest.fixture
def tree(db):
    return make_tree(grids=2, micro_per_grid=2)


@pytest.fixture
def worker(tree):
    return make_grid_worker("NJ-01", "worker1")


@pytest.fixture
def branch(tree):
    return make_branch_admin("branch")
