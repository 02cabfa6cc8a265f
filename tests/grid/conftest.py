"""Personas of the grid app: a community of 4 grids × 2 micro-grids, a worker of grid 3 and one of grid 4."""

import pytest

from tests.factories import make_branch_admin, make_grid_worker, make_tree
from tests.grid.factories import make_household


@pytest.fixture
def tree(db):
    """NJ with 4 grids of 2 micro-grids each: NJ-01 … NJ-04, NJ-03-01, NJ-03-02 …"""
    return make_tree(grids=4, micro_per_grid=2)


@pytest.fixture
def worker3(tree):
    return make_grid_worker("NJ-03", "worker3")


@pytest.fixture
def worker4(tree):
    return make_grid_worker("NJ-04", "worker4")


@pytest.fixture
def branch(tree):
    return make_branch_admin("branch")


@pytest.fixture
def branch_admin(db):
    return make_branch_admin("branch")


@pytest.fixture
def household(tree):
    return make_household("NJ-03-01", building="3", room="201", contact_name="李桂芳")


@pytest.fixture
def client3(client, worker3):
    client.force_login(worker3)
    return client


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # The personas' passwords are never checked here (force_login); hashing them slowly only costs time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
