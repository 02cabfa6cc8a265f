import uuid

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from grid.models import GridNode, GridTeamMember, TeamKind, Whistle, WhistleReport
from tests.factories import make_unit, make_unit_member


@pytest.fixture
def member(tree):
    """A county-hospital party member in the "dual report" team of grid 3."""
    user = make_unit_member(make_unit(name="县人民医院"), "hospital1")
    GridTeamMember.objects.create(team=TeamKind.DUAL_REPORT, person=user.person,
                                  grid=GridNode.objects.get(code="NJ-03"))
    return user


def blow(user, grid="NJ-03", **fields):
    return Whistle.objects.create(grid=GridNode.objects.get(code=grid), what="燃气泄漏排查", where="5幢",
                                  when=timezone.now(), blown_by=user, **fields)


def test_the_branch_blows_a_whistle(client, branch):
    client.force_login(branch)
    client.post(reverse("field:whistle_new"), {"grid": GridNode.objects.get(code="NJ-03").pk, "what": "积水",
                                               "where": "荷花苑", "when": "2026-11-28T10:00", "urgency": "urgent",
                                               "token": str(uuid.uuid4())})
    assert Whistle.objects.get().urgency == "urgent"


def test_a_grid_worker_cannot_blow_a_whistle(client3):
    assert client3.get(reverse("field:whistle_new")).status_code == 403


def test_the_teams_of_the_grid_see_the_whistle_at_the_top_of_their_home(client, member, branch):
    blow(branch)
    client.force_login(member)
    panels = client.get(reverse("me")).context["panels"]
    assert panels[0]["template"] == "grid/teams/_panel_whistles.html"


def test_a_team_of_another_grid_does_not_see_the_whistle(client, member, branch):
    whistle = blow(branch, grid="NJ-04")
    client.force_login(member)
    assert client.get(reverse("field:whistle", args=[whistle.pk])).status_code == 404


def test_a_team_member_reports_in_with_a_note(client, member, branch):
    whistle = blow(branch)
    client.force_login(member)
    client.post(reverse("field:whistle_report", args=[whistle.pk]), {"note": "已到场"})
    assert WhistleReport.objects.get().note == "已到场"


def test_the_whistle_shows_who_came(client, member, branch):
    whistle = blow(branch)
    whistle.report_in(member.person, "已到场")
    client.force_login(branch)
    assert member.person.name in client.get(reverse("field:whistle", args=[whistle.pk])).content.decode()


def test_reporting_in_twice_is_refused(member, branch):
    whistle = blow(branch)
    whistle.report_in(member.person, "")
    with pytest.raises(ValidationError) as refused:
        whistle.report_in(member.person, "")
    assert refused.value.code == "already_reported"


def test_someone_outside_the_teams_cannot_report_in(worker4, branch):
    with pytest.raises(ValidationError) as refused:
        blow(branch).report_in(worker4.person, "")
    assert refused.value.code == "not_in_team"


def test_a_closed_whistle_takes_no_report(member, branch):
    whistle = blow(branch)
    whistle.close("已处置", by=branch)
    with pytest.raises(ValidationError) as refused:
        whistle.report_in(member.person, "")
    assert refused.value.code == "whistle_closed"


def test_the_branch_closes_a_whistle_with_the_outcome(client, branch):
    whistle = blow(branch)
    client.force_login(branch)
    client.post(reverse("field:whistle_close", args=[whistle.pk]), {"outcome": "排水沟已疏通"})
    whistle.refresh_from_db()
    assert whistle.outcome == "排水沟已疏通"
    assert whistle.closed_at is not None


def test_a_team_member_cannot_close_a_whistle(client, member, branch):
    whistle = blow(branch)
    client.force_login(member)
    assert client.post(reverse("field:whistle_close", args=[whistle.pk]), {"outcome": "x"}).status_code == 403


def test_a_closed_whistle_leaves_the_home_page(client, member, branch):
    blow(branch).close("已处置", by=branch)
    client.force_login(member)
    templates = [p["template"] for p in client.get(reverse("me")).context["panels"]]
    assert "grid/teams/_panel_whistles.html" not in templates


def test_the_grid_teams_partial_lists_the_roster(member):
    html = render_to_string("grid/teams/_grid_teams.html", {"node": GridNode.objects.get(code="NJ-03")})
    assert member.person.name in html


def test_a_team_is_assigned_to_a_grid_not_a_micro_grid(member):
    row = GridTeamMember(team=TeamKind.HOMEOWNERS, person=member.person, grid=GridNode.objects.get(code="NJ-03-01"))
    with pytest.raises(ValidationError) as refused:
        row.full_clean()
    assert "not_grid" in {e.code for es in refused.value.error_dict.values() for e in es}


def test_the_grid_partial_shows_the_grids_coverage_to_its_worker(rf, worker3):
    from tests.grid.factories import make_household, make_visit

    make_visit(make_household("NJ-03-01"), worker3)
    make_household("NJ-03-02")
    request = rf.get("/")
    request.user = worker3
    html = render_to_string("grid/teams/_grid_teams.html", {"node": GridNode.objects.get(code="NJ-03")},
                            request=request)
    assert 'id="grid-coverage">1 / 2<' in html


def test_the_whistle_list_runs_a_constant_number_of_queries(client, member, branch):
    from tests.grid.factories import queries_for

    blow(branch)
    client.force_login(member)
    few = queries_for(client, reverse("field:whistles"))
    for _ in range(6):
        blow(branch)
    assert queries_for(client, reverse("field:whistles")) == few


@pytest.fixture
def homeowner(tree):
    """A homeowners' committee member of grid 3: a login and a place on the roster, but no role."""
    from tests.factories import make_person, make_user

    person = make_person(name="业委会周主任")
    GridTeamMember.objects.create(team=TeamKind.HOMEOWNERS, person=person, grid=GridNode.objects.get(code="NJ-03"))
    return make_user("homeowner3", person=person)


def test_a_roster_member_without_a_role_sees_the_whistle_of_their_grid(client, homeowner, branch):
    whistle = blow(branch)
    client.force_login(homeowner)
    assert client.get(reverse("field:whistle", args=[whistle.pk])).status_code == 200


def test_a_roster_member_without_a_role_reports_in(client, homeowner, branch):
    whistle = blow(branch)
    client.force_login(homeowner)
    client.post(reverse("field:whistle_report", args=[whistle.pk]), {"note": "马上到"})
    assert WhistleReport.objects.get().person == homeowner.person


def test_a_roster_member_without_a_role_gets_404_for_another_grids_whistle(client, homeowner, branch):
    # Outside visible_to is a 404, as for every other record: the same answer as for a whistle that does not exist.
    whistle = blow(branch, grid="NJ-04")
    client.force_login(homeowner)
    assert client.post(reverse("field:whistle_report", args=[whistle.pk]), {"note": "到"}).status_code == 404


def test_a_roster_member_without_a_role_cannot_report_in_to_another_grids_whistle(client, homeowner, branch):
    whistle = blow(branch, grid="NJ-04")
    client.force_login(homeowner)
    client.post(reverse("field:whistle_report", args=[whistle.pk]), {"note": "到"})
    assert not WhistleReport.objects.exists()


def test_a_login_on_no_roster_still_gets_403_on_a_whistle(client, branch):
    from tests.factories import make_person, make_user

    whistle = blow(branch)
    client.force_login(make_user(person=make_person()))
    assert client.get(reverse("field:whistle", args=[whistle.pk])).status_code == 403


def test_a_roster_member_without_a_role_lists_the_whistles_of_their_grid(client, homeowner, branch):
    mine, other = blow(branch), blow(branch, grid="NJ-04")
    client.force_login(homeowner)
    listed = list(client.get(reverse("field:whistles")).context["page"].object_list)
    assert listed == [mine]
    assert other not in listed


def test_the_home_panel_says_reported_in_once_they_have(client, homeowner, branch):
    blow(branch).report_in(homeowner.person, "")
    client.force_login(homeowner)
    page = client.get(reverse("me")).content.decode()
    assert "panel-whistles" in page
    assert "已报到" in page


def test_the_home_panel_does_not_say_reported_in_before_they_have(client, homeowner, branch):
    blow(branch)
    client.force_login(homeowner)
    assert "已报到" not in client.get(reverse("me")).content.decode()


def test_closing_a_whistle_writes_a_transition_row_with_who_and_the_outcome(branch):
    whistle = blow(branch)
    whistle.close("积水已排净", by=branch)
    row = whistle.transitions.get()
    assert (row.old, row.new, row.by, row.note) == ("open", "closed", branch, "积水已排净")


def test_a_refused_close_writes_no_row(branch):
    whistle = blow(branch)
    whistle.close("积水已排净", by=branch)
    with pytest.raises(ValidationError) as refused:
        whistle.close("again", by=branch)
    assert (refused.value.code, whistle.transitions.count()) == ("whistle_closed", 1)
