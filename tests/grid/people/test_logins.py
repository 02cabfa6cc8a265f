"""The branch manages staff logins at /logins/: create, roles, posts, a one-time set-password link, deactivate;
never more than the grantable roles, never on itself, a superuser, staff or someone outside its area."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from grid.models import GridNode, GridPost, LoginChange
from grid.people.logins import models as logins
from nanjie.roles import BRANCH_ADMIN, GRID_WORKER, JOINT_MEETING
from tests.factories import make_grid_worker, make_person, make_tree, make_user

User = get_user_model()


@pytest.fixture
def branch_client(client, branch):
    client.force_login(branch)
    return client


@pytest.fixture
def newcomer(tree):
    return make_person(name="张新来")


def create(client, person, username="worker09", roles=(GRID_WORKER,)):
    return client.post(reverse("logins:create", args=[person.pk]), {"username": username, "roles": list(roles)})


# --- the list ----------------------------------------------------------------------------------------------------

def test_the_branch_sees_the_list_with_people_without_a_login(branch_client, newcomer):
    response = branch_client.get(reverse("logins:list"), {"has_login": "false"})
    assert "张新来" in response.content.decode()


def test_the_list_filters_by_login_name(branch_client, worker3, newcomer):
    response = branch_client.get(reverse("logins:list"), {"q": "worker3"})
    assert [person.pk for person in response.context["page"]] == [worker3.person.pk]


def test_the_list_shows_roles_in_chinese(branch_client, worker3):
    assert "网格员" in branch_client.get(reverse("logins:list")).content.decode()


def test_a_worker_may_not_open_the_list(client3):
    assert client3.get(reverse("logins:list")).status_code == 403


def test_the_list_does_not_grow_its_queries_with_its_rows(branch_client, tree, django_assert_max_num_queries):
    for _ in range(3):
        make_grid_worker("NJ-01")
    with django_assert_max_num_queries(30) as few:
        branch_client.get(reverse("logins:list"))
    for _ in range(12):
        make_grid_worker("NJ-02")
    with django_assert_max_num_queries(len(few.captured_queries)):
        branch_client.get(reverse("logins:list"))


# --- creating a login ----------------------------------------------------------------------------------------------

def test_the_branch_creates_a_login_for_a_person(branch_client, newcomer):
    create(branch_client, newcomer)
    newcomer.refresh_from_db()
    assert newcomer.user.get_username() == "worker09"


def test_a_new_login_has_no_usable_password(branch_client, newcomer):
    create(branch_client, newcomer)
    assert not User.objects.get(username="worker09").has_usable_password()


def test_a_new_login_gets_the_roles_chosen(branch_client, newcomer):
    create(branch_client, newcomer, roles=(GRID_WORKER, JOINT_MEETING))
    assert set(User.objects.get(username="worker09").groups.values_list("name", flat=True)) == {
        GRID_WORKER, JOINT_MEETING}


def test_a_new_login_is_never_staff(branch_client, newcomer):
    create(branch_client, newcomer)
    assert not User.objects.get(username="worker09").is_staff


def test_the_branch_admin_role_cannot_be_given(branch_client, newcomer):
    response = create(branch_client, newcomer, roles=(BRANCH_ADMIN,))
    assert response.status_code == 400
    assert not User.objects.filter(username="worker09").exists()


def test_a_taken_login_name_is_refused_in_chinese(branch_client, worker3, newcomer):
    response = create(branch_client, newcomer, username="WORKER3")
    assert "已被使用" in response.content.decode()


def test_a_login_name_with_spaces_is_refused_in_chinese(branch_client, newcomer):
    response = create(branch_client, newcomer, username="wang wu")
    assert "登录名只能" in response.content.decode()


def test_a_person_with_a_login_gets_no_second_one(branch, worker3):
    with pytest.raises(logins.ValidationError) as refused:
        logins.create_login(worker3.person, "second", [], by=branch)
    assert refused.value.code == "has_login"


def test_creating_a_login_writes_a_change_row(branch_client, branch, newcomer):
    create(branch_client, newcomer)
    assert list(LoginChange.objects.values_list("what", "by", "username")) == [("created", branch.pk, "worker09")]


def test_the_change_shows_on_the_page(branch_client, newcomer):
    create(branch_client, newcomer)
    assert "创建账号" in branch_client.get(reverse("logins:detail", args=[newcomer.pk])).content.decode()


def test_a_get_on_create_is_a_405(branch_client, newcomer):
    assert branch_client.get(reverse("logins:create", args=[newcomer.pk])).status_code == 405


# --- roles and posts -----------------------------------------------------------------------------------------------

def test_the_branch_changes_the_roles(branch_client, worker3):
    branch_client.post(reverse("logins:roles", args=[worker3.person.pk]), {"roles": [JOINT_MEETING]})
    assert list(worker3.groups.values_list("name", flat=True)) == [JOINT_MEETING]


def test_an_unchanged_roles_form_says_so_and_writes_nothing(branch_client, worker3):
    response = branch_client.post(reverse("logins:roles", args=[worker3.person.pk]), {"roles": [GRID_WORKER]})
    assert "没有变化" in response.content.decode()
    assert not LoginChange.objects.exists()


def test_the_branch_gives_a_post_on_a_grid_of_the_community(branch_client, worker3):
    grid = GridNode.objects.get(code="NJ-01")
    branch_client.post(reverse("logins:post", args=[worker3.person.pk]), {"grid": grid.pk, "role": "volunteer"})
    assert worker3.person.posts.filter(node=grid, role="volunteer").exists()


def test_a_second_grid_leader_is_refused_in_chinese(branch_client, worker3, tree):
    make_grid_worker("NJ-01", role=GridPost.Role.LEADER)
    grid = GridNode.objects.get(code="NJ-01")
    response = branch_client.post(reverse("logins:post", args=[worker3.person.pk]), {"grid": grid.pk,
                                                                                     "role": "leader"})
    assert "已有网格长" in response.content.decode()


def test_a_post_on_another_community_is_refused(branch, worker3):
    make_tree(grids=1, micro_per_grid=1, prefix="XJ")
    elsewhere = GridNode.objects.get(code="XJ-01")
    with pytest.raises(logins.ValidationError) as refused:
        logins.give_post(worker3.person, elsewhere, GridPost.Role.VOLUNTEER, by=branch)
    assert refused.value.code == "grid_elsewhere"


# --- reset and deactivate ------------------------------------------------------------------------------------------

def test_a_reset_makes_the_password_unusable(branch_client, worker3):
    branch_client.post(reverse("logins:reset", args=[worker3.person.pk]))
    worker3.refresh_from_db()
    assert not worker3.has_usable_password()


def test_a_reset_shows_a_link_that_sets_the_new_password(branch_client, worker3, client):
    response = branch_client.post(reverse("logins:reset", args=[worker3.person.pk]))
    link = response.context["link"]
    page = client.get(link, follow=True)
    client.post(page.redirect_chain[-1][0], {"new_password1": "Lanting-2026-abc", "new_password2": "Lanting-2026-abc"})
    worker3.refresh_from_db()
    assert worker3.check_password("Lanting-2026-abc")


def test_the_link_works_only_once(branch_client, worker3, client):
    link = branch_client.post(reverse("logins:reset", args=[worker3.person.pk])).context["link"]
    page = client.get(link, follow=True)
    client.post(page.redirect_chain[-1][0], {"new_password1": "Lanting-2026-abc", "new_password2": "Lanting-2026-abc"})
    assert not client.get(link, follow=True).context["validlink"]


def test_the_reset_page_is_never_cached(branch_client, worker3):
    response = branch_client.post(reverse("logins:reset", args=[worker3.person.pk]))
    assert "no-store" in response["Cache-Control"]


def test_the_branch_deactivates_a_login(branch_client, worker3):
    branch_client.post(reverse("logins:deactivate", args=[worker3.person.pk]))
    worker3.refresh_from_db()
    assert not worker3.is_active


def test_a_second_deactivation_says_so_and_writes_no_row(branch_client, worker3):
    branch_client.post(reverse("logins:deactivate", args=[worker3.person.pk]))
    response = branch_client.post(reverse("logins:deactivate", args=[worker3.person.pk]), follow=True)
    assert "已停用" in response.content.decode()
    assert LoginChange.objects.count() == 1


def test_the_branch_reactivates_a_login(branch_client, worker3):
    branch_client.post(reverse("logins:deactivate", args=[worker3.person.pk]))
    branch_client.post(reverse("logins:reactivate", args=[worker3.person.pk]))
    worker3.refresh_from_db()
    assert worker3.is_active


def test_every_change_writes_a_row(branch_client, worker3):
    for action in ("reset", "deactivate", "reactivate"):
        branch_client.post(reverse(f"logins:{action}", args=[worker3.person.pk]))
    assert sorted(LoginChange.objects.values_list("what", flat=True)) == ["deactivated", "reactivated", "reset"]


# --- never beyond the branch's powers: 404 ---------------------------------------------------------------------------

def test_the_branch_cannot_deactivate_itself(branch_client, branch):
    assert branch_client.post(reverse("logins:deactivate", args=[branch.person.pk])).status_code == 404


def test_a_superuser_is_out_of_reach(branch_client, tree):
    boss = make_user("boss", person=make_person(), is_superuser=True)
    assert branch_client.post(reverse("logins:reset", args=[boss.person.pk])).status_code == 404


def test_another_branch_admin_is_out_of_reach(branch_client, tree):
    peer = make_user("peer", roles=[BRANCH_ADMIN], person=make_person())
    assert branch_client.post(reverse("logins:deactivate", args=[peer.person.pk])).status_code == 404


def test_a_staff_login_is_out_of_reach(branch_client, tree):
    staffer = make_user("staffer", roles=[GRID_WORKER], person=make_person(), is_staff=True)
    assert branch_client.post(reverse("logins:reset", args=[staffer.person.pk])).status_code == 404


def test_a_login_with_its_own_permissions_is_out_of_reach(branch_client, worker3):
    worker3.user_permissions.add(Permission.objects.get(codename="view_all_grids"))
    assert branch_client.post(reverse("logins:reset", args=[worker3.person.pk])).status_code == 404


def test_someone_posted_in_another_community_is_out_of_reach(branch_client, tree):
    make_tree(grids=1, micro_per_grid=1, prefix="XJ")
    stranger = make_grid_worker("XJ-01")
    assert branch_client.post(reverse("logins:deactivate", args=[stranger.person.pk])).status_code == 404


def test_a_manager_of_one_grid_cannot_reach_another_grids_worker(client, worker3, worker4):
    worker3.user_permissions.add(Permission.objects.get(codename="manage_logins"))
    client.force_login(worker3)
    assert client.post(reverse("logins:deactivate", args=[worker4.person.pk])).status_code == 404


def test_a_manager_of_one_grid_is_offered_only_its_grid_for_posts(worker3):
    worker3.user_permissions.add(Permission.objects.get(codename="manage_logins"))
    worker3 = User.objects.get(pk=worker3.pk)
    assert [grid.code for grid in logins.post_grids(worker3)] == ["NJ-03"]


def test_nobody_deactivates_their_own_login_even_through_the_model(branch):
    with pytest.raises(logins.ValidationError) as refused:
        logins.set_active(branch.person, False, by=branch)
    assert refused.value.code == "self"


# --- the changes' scope ----------------------------------------------------------------------------------------------

def test_a_worker_sees_no_change_of_another_grid(branch, worker3, worker4):
    logins.set_active(worker4.person, False, by=branch)
    assert not LoginChange.objects.visible_to(worker3).exists()


def test_the_branch_sees_every_change(branch, worker4):
    logins.set_active(worker4.person, False, by=branch)
    assert LoginChange.objects.visible_to(branch).count() == 1


def test_the_branch_admin_role_is_refused_in_chinese(branch_client, newcomer):
    response = create(branch_client, newcomer, roles=(BRANCH_ADMIN,))
    assert "只能授予网格员、联席会议成员和单位党员角色" in response.content.decode()


def test_a_post_on_a_micro_grid_is_refused_in_chinese(branch_client, worker3):
    micro = GridNode.objects.get(code="NJ-01-01")
    response = branch_client.post(reverse("logins:post", args=[worker3.person.pk]), {"grid": micro.pk,
                                                                                     "role": "volunteer"})
    assert "只能在您管理的网格内安排岗位" in response.content.decode()


def test_the_list_filters_by_grid(branch_client, worker3, worker4):
    grid = GridNode.objects.get(code="NJ-04")
    response = branch_client.get(reverse("logins:list"), {"grid": grid.pk})
    assert [person.pk for person in response.context["page"]] == [worker4.person.pk]


def test_a_staff_login_is_listed_as_the_superusers(branch_client, branch):
    assert "由超级管理员管理" in branch_client.get(reverse("logins:list")).content.decode()
