"""Personas for field work: a community of 4 grids × 2 micro-grids, a worker of grid 3 and one of grid 4."""

import datetime
import itertools

import pytest
from django.utils import timezone

from grid.models import GridNode, Household, Visit
from tests.factories import make_branch_admin, make_grid_worker, make_tree

_rooms = itertools.count(101)


def make_household(micro_code="NJ-03-01", groups=(), **fields):
    fields.setdefault("compound", "南街小区")
    fields.setdefault("building", "3")
    fields.setdefault("unit_number", "1")
    fields.setdefault("room", str(next(_rooms)))
    fields.setdefault("contact_name", "张秀英")
    household = Household.objects.create(micro_grid=GridNode.objects.get(code=micro_code), **fields)
    household.set_special_groups(groups)
    return household


def make_visit(household, user, days_ago=0, **fields):
    fields.setdefault("asked", "询问身体状况")
    return Visit.objects.create(household=household, worker=user.person, recorded_by=user,
                                visited_on=timezone.localdate() - datetime.timedelta(days=days_ago), **fields)


@pytest.fixture
def tree(db):
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
def household(tree):
    return make_household("NJ-03-01", building="3", room="201", contact_name="李桂芳")


@pytest.fixture
def client3(client, worker3):
    client.force_login(worker3)
    return client


def queries_for(client, url, params=None):
    """How many SQL queries one GET of a page takes."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(captured)


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # The personas' passwords are never checked here (force_login); hashing them slowly only costs time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
