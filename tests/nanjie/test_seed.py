"""The seed builds Nanjie community's foundation (grid, partners, volunteers) and a second run changes nothing.

The command runs only the foundation's floors here: the field-work and request floors have their own tests and
take a minute each.
"""

import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection, transaction

from grid.models import GridNode, GridPost
from partners.models import CommitteeMember, DutyRota, Unit
from volunteers.models import Team

FOUNDATION = ["grid.territory", "grid.people", "partners.units", "partners.meeting", "volunteers.teams"]
APPS = ("grid", "partners", "volunteers", "auth")


def row_counts():
    tables = set(connection.introspection.table_names())
    return {model._meta.label: model.objects.count() for model in apps.get_models()
            if model._meta.app_label in APPS and model._meta.db_table in tables}


def seed():
    out = io.StringIO()
    call_command("seed", *(f"--only={step}" for step in FOUNDATION), stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def seeded_twice(django_db_setup, django_db_blocker):
    """Seed, count, seed again, count; keep the database for the module's tests, then roll everything back."""
    with django_db_blocker.unblock(), transaction.atomic():
        first_output = seed()
        first = row_counts()
        seed()
        second = row_counts()
        yield {"first": first, "second": second, "output": first_output}
        transaction.set_rollback(True)


@pytest.fixture
def seeded(seeded_twice, django_db_blocker):
    with django_db_blocker.unblock():
        yield seeded_twice


def test_seed_builds_one_total_grid_27_grids_and_247_micro_grids(seeded):
    counts = {kind: GridNode.objects.filter(kind=kind).count() for kind in GridNode.Kind.values}
    assert (counts["total_grid"], counts["grid"], counts["micro_grid"]) == (1, 27, 247)


def test_every_grid_has_one_leader_one_law_enforcement_member_and_a_micro_grid(seeded):
    for grid in GridNode.objects.filter(kind=GridNode.Kind.GRID):
        roles = list(grid.posts.values_list("role", flat=True))
        assert (roles.count(GridPost.Role.LEADER), roles.count(GridPost.Role.LAW_ENFORCEMENT)) == (1, 1)
        assert grid.get_children().exists()


def test_every_micro_grid_is_covered_by_a_worker_of_its_own_grid(seeded):
    for micro in GridNode.objects.filter(kind=GridNode.Kind.MICRO_GRID):
        assert micro.worker_posts.filter(node_id=micro.parent_id, role=GridPost.Role.MICRO_WORKER).exists()


def test_seed_builds_14_co_building_units_and_6_two_new_organisations(seeded):
    co_building = Unit.objects.filter(kind=Unit.Kind.CO_BUILDING).count()
    assert (co_building, Unit.objects.count() - co_building) == (14, 6)


def test_seed_builds_6_committee_members_and_a_chairman_for_every_month(seeded):
    assert (CommitteeMember.objects.count(), DutyRota.objects.count()) == (6, 12)


def test_seed_builds_the_seven_colour_teams_with_members(seeded):
    teams = Team.objects.all()
    assert sorted(team.colour for team in teams) == sorted(Team.Colour.values)
    assert all(team.memberships.exists() for team in teams)


def test_a_second_seed_leaves_every_row_count_unchanged(seeded):
    assert seeded["second"] == seeded["first"]


def test_a_second_seed_records_no_change_in_any_history(seeded):
    history = {label: count for label, count in seeded["second"].items() if ".Historical" in label}
    assert history == {label: seeded["first"][label] for label in history}


def test_seed_prints_no_demo_password_when_debug_is_off(seeded):
    # pytest-django runs with DEBUG=False, as production does.
    assert "nanjie-demo-2026" not in seeded["output"]
