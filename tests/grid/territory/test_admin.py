"""Django admin for the grid rosters: pages load, filters match subtrees, drags obey the kind rules."""

import pytest
from django.urls import reverse

from grid.models import GridNode, GridPost
from tests.factories import make_person


@pytest.mark.parametrize("name", ["grid_gridnode", "grid_person", "grid_gridpost"])
def test_every_grid_roster_has_a_working_changelist_and_add_page(admin_client, tree, name):
    statuses = {admin_client.get(reverse(f"admin:{name}_{view}")).status_code for view in ("changelist", "add")}
    assert statuses == {200}


def test_the_grid_filter_keeps_the_posts_of_that_grids_subtree(admin_client, tree):
    GridPost.objects.create(node=GridNode.objects.get(code="NJ-03"), role="leader", person=make_person(name="三号长"))
    GridPost.objects.create(node=GridNode.objects.get(code="NJ-04"), role="leader", person=make_person(name="四号长"))
    body = admin_client.get(reverse("admin:grid_gridpost_changelist"), {"in_grid": "NJ-03"}).content.decode()
    assert "三号长" in body
    assert "四号长" not in body


def test_the_node_history_page_is_available(admin_client, tree):
    assert admin_client.get(reverse("admin:grid_gridnode_history", args=[tree.pk])).status_code == 200


def test_dragging_a_micro_grid_under_the_total_grid_is_refused(admin_client, tree):
    micro = GridNode.objects.get(code="NJ-01-01")
    admin_client.post(reverse("admin:grid_gridnode_changelist"), {
        "cmd": "move_node", "cut_item": micro.pk, "pasted_on": tree.pk, "position": "last-child"})
    assert GridNode.objects.get(code="NJ-01-01").parent_id == micro.parent_id


def test_dragging_a_micro_grid_to_another_grid_moves_it(admin_client, tree):
    target = GridNode.objects.get(code="NJ-02")
    admin_client.post(reverse("admin:grid_gridnode_changelist"), {
        "cmd": "move_node", "cut_item": GridNode.objects.get(code="NJ-01-01").pk, "pasted_on": target.pk,
        "position": "last-child"})
    assert GridNode.objects.get(code="NJ-01-01").parent_id == target.pk


@pytest.mark.django_db
def test_the_admin_changelist_for_the_tree_has_no_inline_style_attribute(admin_client, tree):
    # CSP (default-src 'self') blocks style="…"; mptt's indented title would use one.
    body = admin_client.get(reverse("admin:grid_gridnode_changelist")).content.decode()
    assert "text-indent" not in body
    assert "tree-indent-1" in body


def test_adding_a_micro_grid_under_the_total_grid_in_admin_shows_the_kind_message(admin_client, tree):
    response = admin_client.post(reverse("admin:grid_gridnode_add"), {
        "parent": tree.pk, "kind": "micro_grid", "code": "NJ-09-01", "name": "错位微网格", "description": ""},
        headers={"accept-language": "en"})
    assert "A Micro-grid cannot be placed under a Total grid." in response.content.decode()
    assert not GridNode.objects.filter(code="NJ-09-01").exists()


def test_a_person_with_a_bad_phone_is_refused_in_admin_with_the_phone_message(admin_client, db):
    from grid.models import Person

    response = admin_client.post(reverse("admin:grid_person_add"), {
        "name": "错号人", "phone": "12345", "political_status": "masses", "notes": ""},
        headers={"accept-language": "en"})
    assert "Enter a mainland mobile number" in response.content.decode()
    assert not Person.objects.filter(name="错号人").exists()
