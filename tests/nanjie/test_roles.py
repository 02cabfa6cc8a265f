"""The four roles as groups: the code adds what each role needs, and never takes away what the branch changed."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from nanjie.roles import BRANCH_ADMIN, GRID_WORKER, ensure_groups

pytestmark = pytest.mark.django_db


def perms(role):
    return set(Group.objects.get(name=role).permissions.values_list("codename", flat=True))


def test_every_role_gets_its_registered_permissions():
    ensure_groups()
    assert {"view_household", "add_visit"} <= perms(GRID_WORKER)


def test_a_permission_the_branch_gave_in_admin_survives_a_migrate():
    ensure_groups()
    Group.objects.get(name=GRID_WORKER).permissions.add(Permission.objects.get(codename="view_unit"))
    call_command("migrate", verbosity=0)
    assert "view_unit" in perms(GRID_WORKER)


def test_a_missing_permission_is_added_back_by_a_migrate():
    ensure_groups()
    Group.objects.get(name=BRANCH_ADMIN).permissions.remove(Permission.objects.get(codename="view_all_grids"))
    call_command("migrate", verbosity=0)
    assert "view_all_grids" in perms(BRANCH_ADMIN)
