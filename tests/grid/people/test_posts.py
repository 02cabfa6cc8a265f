"""The "1+1+N" rule: one grid leader and one law-enforcement member per grid, in the database and in admin."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from grid.models import GridNode, GridPost
from grid.people.admin import GridPostAdminForm
from tests.factories import make_person


def grid(code):
    return GridNode.objects.get(code=code)


def test_the_database_refuses_a_second_grid_leader(tree):
    GridPost.objects.create(node=grid("NJ-01"), role=GridPost.Role.LEADER, person=make_person())
    with pytest.raises(IntegrityError), transaction.atomic():
        GridPost.objects.create(node=grid("NJ-01"), role=GridPost.Role.LEADER, person=make_person())


def test_the_database_refuses_a_second_law_enforcement_member(tree):
    GridPost.objects.create(node=grid("NJ-01"), role=GridPost.Role.LAW_ENFORCEMENT, person=make_person())
    with pytest.raises(IntegrityError), transaction.atomic():
        GridPost.objects.create(node=grid("NJ-01"), role=GridPost.Role.LAW_ENFORCEMENT, person=make_person())


def test_a_grid_may_have_many_micro_grid_workers(tree):
    for _ in range(3):
        GridPost.objects.create(node=grid("NJ-01"), role=GridPost.Role.MICRO_WORKER, person=make_person())
    assert grid("NJ-01").posts.count() == 3


def post_form(**data):
    with translation.override("en"):
        form = GridPostAdminForm(data=data)
        form.is_valid()
        return form.errors.get("__all__", []) + form.errors.get("micro_grids", []) + form.errors.get("node", [])


def test_the_admin_form_refuses_a_second_leader_with_the_constraints_message(tree):
    GridPost.objects.create(node=grid("NJ-01"), role=GridPost.Role.LEADER, person=make_person())
    errors = post_form(node=grid("NJ-01").pk, person=make_person().pk, role="leader")
    assert errors == ["This grid already has a grid leader."]


def test_the_admin_form_refuses_a_second_law_enforcement_member(tree):
    GridPost.objects.create(node=grid("NJ-01"), role=GridPost.Role.LAW_ENFORCEMENT, person=make_person())
    errors = post_form(node=grid("NJ-01").pk, person=make_person().pk, role="law_enforcement")
    assert errors == ["This grid already has a law-enforcement team member."]


def test_the_admin_form_refuses_micro_grids_of_another_grid(tree):
    errors = post_form(node=grid("NJ-01").pk, person=make_person().pk, role="micro_worker",
                       micro_grids=[grid("NJ-01-01").pk, grid("NJ-02-01").pk])
    assert errors == ["These micro-grids are not in NJ-01 第1网格: NJ-02-01."]


def test_the_admin_form_refuses_a_post_on_a_micro_grid(tree):
    errors = post_form(node=grid("NJ-01-01").pk, person=make_person().pk, role="leader")
    assert errors == ["Posts belong to a grid (网格), not to a Micro-grid."]


def test_the_admin_shows_the_leader_message_on_the_add_page(admin_client, tree):
    GridPost.objects.create(node=grid("NJ-01"), role=GridPost.Role.LEADER, person=make_person())
    response = admin_client.post(reverse("admin:grid_gridpost_add"), {
        "node": grid("NJ-01").pk, "person": make_person().pk, "role": "leader"}, headers={"accept-language": "en"})
    assert "This grid already has a grid leader." in response.content.decode()
