"""The grid overview: the whole visible tree with each grid's staffing, in a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from grid.models import GridNode, GridPost
from tests.factories import make_branch_admin, make_person, make_tree

URL = reverse("grid:overview")


def staff(tree):
    for grid in tree.get_children():
        GridPost.objects.create(node=grid, role=GridPost.Role.LEADER, person=make_person())
        GridPost.objects.create(node=grid, role=GridPost.Role.LAW_ENFORCEMENT, person=make_person())
        post = GridPost.objects.create(node=grid, role=GridPost.Role.MICRO_WORKER, person=make_person())
        post.micro_grids.set(grid.get_children())


@pytest.mark.django_db
def test_overview_query_count_is_the_same_at_two_tree_sizes(client, django_assert_num_queries):
    client.force_login(make_branch_admin())
    staff(make_tree(grids=2, micro_per_grid=1, prefix="AA"))
    with CaptureQueriesContext(connection) as small:
        client.get(URL)
    staff(make_tree(grids=27, micro_per_grid=9, prefix="BB"))
    with django_assert_num_queries(len(small)):
        client.get(URL)


@pytest.mark.django_db
def test_overview_loads_the_tree_in_one_query_and_the_staff_in_one_more(client):
    client.force_login(make_branch_admin())
    staff(make_tree(grids=3, micro_per_grid=2))
    with CaptureQueriesContext(connection) as queries:
        client.get(URL)
    # The tree in one query; the other read of grid_gridnode is the community's root (one row, LIMIT 1).
    tree = [q for q in queries if '"grid_gridnode"' in q["sql"].split("WHERE")[0] and "LIMIT 1" not in q["sql"]]
    assert len(tree) == 1


@pytest.mark.django_db
def test_overview_shows_every_node_to_the_branch_admin(client, branch_admin, tree):
    client.force_login(branch_admin)
    response = client.get(URL)
    assert response.content.decode().count('href="/grid/NJ-') == GridNode.objects.count() - 1


def test_overview_shows_a_grid_worker_only_their_grids_subtree(client, worker3):
    client.force_login(worker3)
    body = client.get(URL).content.decode()
    assert "NJ-03-02" in body
    assert "NJ-04" not in body


def test_overview_flags_a_grid_without_its_leader(client, branch_admin, tree):
    client.force_login(branch_admin)
    assert "missing" in client.get(URL, headers={"accept-language": "en"}).content.decode()


def test_overview_nests_micro_grids_inside_their_grid_in_details(client, worker3):
    client.force_login(worker3)
    main = client.get(URL).content.decode().split("<main", 1)[1].split("</main>", 1)[0]  # not the menu's 更多
    assert main.count("<details") == 1
    assert main.count("</details>") == 1


def test_overview_asks_an_anonymous_visitor_to_log_in(client, tree):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_overview_flags_a_micro_grid_no_worker_covers(client, worker3):
    from grid.models import GridPost

    post = GridPost.objects.get(person__user=worker3)
    post.micro_grids.set([GridNode.objects.get(code="NJ-03-01")])
    client.force_login(worker3)
    response = client.get(URL)
    assert response.context["uncovered"] == 1
    assert [node.code for node in response.context["nodes"] if getattr(node, "uncovered", False)] == ["NJ-03-02"]


@pytest.mark.django_db
def test_a_community_wide_role_sees_the_portals_community_not_every_tree(client):

    make_tree(grids=2, micro_per_grid=1)  # NJ: the portal's community (settings.COMMUNITY_CODE)
    make_tree(grids=2, micro_per_grid=1, prefix="XX")  # another community in the same database
    client.force_login(make_branch_admin())
    codes = {node.code for node in client.get(URL).context["nodes"]}
    assert codes == {"NJ", "NJ-01", "NJ-02", "NJ-01-01", "NJ-02-01"}


@pytest.mark.django_db
def test_a_grid_worker_of_another_community_still_sees_their_own_grid(client):
    from tests.factories import make_grid_worker

    make_tree(grids=1, micro_per_grid=1)
    make_tree(grids=2, micro_per_grid=1, prefix="XX")
    client.force_login(make_grid_worker("XX-02"))
    assert {node.code for node in client.get(URL).context["nodes"]} == {"XX-02", "XX-02-01"}
