"""The seven-colour teams: public list and team pages; members' names masked and no phones for anonymous users."""

import pytest
from django.urls import reverse

from tests.factories import make_person, make_user
from volunteers.models import Team, TeamMember


@pytest.fixture
def white_team(db):
    team = Team.objects.create(colour="white", name="白色医疗服务队", mission="义诊、健康讲座")
    TeamMember.objects.create(team=team, person=make_person(name="白医生", phone="13900002222"), is_leader=True)
    return team


def test_anyone_sees_the_teams_with_colour_mission_and_member_count(client, white_team):
    response = client.get(reverse("volunteers:teams"))
    assert "白色医疗服务队" in response.content.decode()
    assert response.context["teams"][0].member_count == 1


def test_a_team_page_masks_names_and_hides_phones_from_anonymous_visitors(client, white_team):
    body = client.get(reverse("volunteers:team", args=["white"])).content.decode()
    assert "白**" in body
    assert "白医生" not in body
    assert "13900002222" not in body


def test_staff_see_members_full_names_but_no_phones(client, white_team):
    client.force_login(make_user())
    body = client.get(reverse("volunteers:team", args=["white"])).content.decode()
    assert "白医生" in body
    assert "13900002222" not in body


def test_a_leader_of_the_team_sees_the_members_phones(client, white_team):
    leader = make_user("whiteleader")
    TeamMember.objects.create(team=white_team, person=make_person(name="白队长", user=leader), is_leader=True)
    client.force_login(leader)
    assert "13900002222" in client.get(reverse("volunteers:team", args=["white"])).content.decode()


def test_a_plain_member_of_the_team_sees_no_phones(client, white_team):
    member = make_user("whitemember")
    TeamMember.objects.create(team=white_team, person=make_person(name="白队员", user=member))
    client.force_login(member)
    assert "13900002222" not in client.get(reverse("volunteers:team", args=["white"])).content.decode()


def test_a_leader_of_another_team_sees_no_phones(client, white_team):
    leader = make_user("redleader")
    red = Team.objects.create(colour="red", name="红色志愿服务队")
    TeamMember.objects.create(team=red, person=make_person(name="红队长", user=leader), is_leader=True)
    client.force_login(leader)
    assert "13900002222" not in client.get(reverse("volunteers:team", args=["white"])).content.decode()


def test_the_branch_sees_the_members_phones(client, white_team):
    from nanjie import roles

    branch = make_user("branch01")
    branch.groups.add(roles.ensure_groups()[roles.BRANCH_ADMIN])
    client.force_login(branch)
    assert "13900002222" in client.get(reverse("volunteers:team", args=["white"])).content.decode()


def test_an_unknown_team_gives_404(client, white_team):
    assert client.get(reverse("volunteers:team", args=["black"])).status_code == 404


@pytest.mark.parametrize("name", ["team", "teammember"])
def test_every_volunteer_roster_has_a_working_admin(admin_client, white_team, name):
    assert admin_client.get(f"/admin/volunteers/{name}/").status_code == 200
