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
    assert "白色医疗服务队" in response.content.decode() and response.context["teams"][0].member_count == 1


def test_a_team_page_masks_names_and_hides_phones_from_anonymous_visitors(client, white_team):
    body = client.get(reverse("volunteers:team", args=["white"])).content.decode()
    assert "白**" in body and "白医生" not in body and "13900002222" not in body


def test_staff_see_members_full_names_and_phones(client, white_team):
    client.force_login(make_user())
    body = client.get(reverse("volunteers:team", args=["white"])).content.decode()
    assert "白医生" in body and "13900002222" in body


def test_an_unknown_team_gives_404(client, white_team):
    assert client.get(reverse("volunteers:team", args=["black"])).status_code == 404


@pytest.mark.parametrize("name", ["team", "teammember"])
def test_every_volunteer_roster_has_a_working_admin(admin_client, white_team, name):
    assert admin_client.get(f"/admin/volunteers/{name}/").status_code == 200
