"""A node's page: breadcrumbs, "1+1+N" staff, children; scoped by visible_to; description edits by its workers."""

import pytest
from django.urls import reverse

from grid.models import GridNode, GridPost
from tests.factories import make_person, make_user


def page(code):
    return reverse("grid:node", args=[code])


def edit(code):
    return reverse("grid:edit_description", args=[code])


def test_a_grid_page_shows_breadcrumbs_back_to_the_total_grid(client, worker3):
    client.force_login(worker3)
    body = client.get(page("NJ-03-01")).content.decode()
    assert 'href="/grid/NJ/"' in body
    assert 'href="/grid/NJ-03/"' in body


def test_a_grid_page_shows_its_leader_and_workers_with_the_micro_grids_they_cover(client, worker3, tree):
    leader = make_person(name="网格长甲")
    GridPost.objects.create(node=GridNode.objects.get(code="NJ-03"), role=GridPost.Role.LEADER, person=leader)
    client.force_login(worker3)
    body = client.get(page("NJ-03")).content.decode()
    assert "网格长甲" in body
    assert worker3.person.name in body
    assert 'href="/grid/NJ-03-02/"' in body


def test_a_micro_grid_page_names_the_worker_who_covers_it(client, worker3):
    client.force_login(worker3)
    assert worker3.person.name in client.get(page("NJ-03-02")).content.decode()


def test_a_grid_worker_of_grid_3_gets_404_on_grid_4_and_its_micro_grids(client, worker3):
    client.force_login(worker3)
    statuses = {client.get(page(code)).status_code for code in ("NJ-04", "NJ-04-01", "NJ-04-02", "NJ")}
    assert statuses == {404}


def test_a_grid_worker_of_grid_3_sees_grid_3(client, worker3):
    client.force_login(worker3)
    assert client.get(page("NJ-03")).status_code == 200


def test_an_unknown_code_gives_the_404_page(client, branch_admin, tree):
    client.force_login(branch_admin)
    response = client.get(page("NJ-99"))
    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]


def test_a_grid_worker_updates_what_their_micro_grid_covers(client, worker3):
    client.force_login(worker3)
    response = client.post(edit("NJ-03-01"), {"description": "南街小区3幢、4幢"})
    assert response.status_code == 302
    assert GridNode.objects.get(code="NJ-03-01").description == "南街小区3幢、4幢"


def test_an_edit_is_recorded_in_the_history(client, worker3):
    client.force_login(worker3)
    client.post(edit("NJ-03-01"), {"description": "新的范围"})
    assert GridNode.objects.get(code="NJ-03-01").history.first().history_user == worker3


def test_the_description_form_refuses_get(client, worker3):
    client.force_login(worker3)
    assert client.get(edit("NJ-03-01")).status_code == 405


def test_a_grid_worker_cannot_edit_outside_their_subtree(client, worker3):
    client.force_login(worker3)
    response = client.post(edit("NJ-04-01"), {"description": "x"})
    assert response.status_code == 404
    assert GridNode.objects.get(code="NJ-04-01").description == ""


@pytest.mark.django_db
def test_a_joint_meeting_member_sees_but_cannot_edit(client, tree):
    from nanjie.roles import JOINT_MEETING

    member = make_user(roles=[JOINT_MEETING])
    client.force_login(member)
    assert client.get(page("NJ-04")).status_code == 200
    assert client.post(edit("NJ-04"), {"description": "x"}).status_code == 403


def test_a_too_long_description_is_refused_with_a_message_and_nothing_saved(client, worker3):
    client.force_login(worker3)
    response = client.post(edit("NJ-03-01"), {"description": "楼" * 2001})
    assert response.status_code == 400
    assert "errorlist" in response.content.decode()
    assert GridNode.objects.get(code="NJ-03-01").description == ""


def test_a_micro_grid_page_names_its_grids_leader_before_the_law_enforcement_member(client, worker3):
    grid3 = GridNode.objects.get(code="NJ-03")
    GridPost.objects.create(node=grid3, role=GridPost.Role.LAW_ENFORCEMENT, person=make_person(name="执法乙"))
    GridPost.objects.create(node=grid3, role=GridPost.Role.LEADER, person=make_person(name="网格长甲"))
    client.force_login(worker3)
    body = client.get(page("NJ-03-01")).content.decode()
    assert body.index("网格长甲") < body.index("执法乙")


def staff_grid(code, workers):
    grid = GridNode.objects.get(code=code)
    for number, micro in enumerate(grid.get_children()):
        if number < workers:
            post = GridPost.objects.create(node=grid, role=GridPost.Role.MICRO_WORKER, person=make_person())
            post.micro_grids.set([micro])


@pytest.mark.django_db
def test_a_grid_page_query_count_does_not_grow_with_its_micro_grids_and_workers(
        client, branch_admin, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import make_tree

    make_tree(grids=2, micro_per_grid=1, prefix="AA")
    make_tree(grids=2, micro_per_grid=12, prefix="BB")
    staff_grid("AA-01", 1)
    staff_grid("BB-01", 12)
    client.force_login(branch_admin)
    with CaptureQueriesContext(connection) as small:
        client.get(page("AA-01"))
    with django_assert_num_queries(len(small)):
        client.get(page("BB-01"))
