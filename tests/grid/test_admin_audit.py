"""Field rosters in admin keep their history (who, when, what); a closed whistle and its turnout are read-only."""

import pytest
from django.urls import reverse
from django.utils import timezone

from grid.models import GridNode, GridTeamMember, Household, TeamKind, Whistle
from tests.factories import make_person, make_user
from tests.grid.factories import make_household


@pytest.fixture
def office(client, tree):
    client.force_login(make_user("office", is_staff=True, is_superuser=True))
    return client


def test_a_team_member_added_in_admin_records_who_added_them(office):
    person = make_person(name="业委会周主任")
    office.post(reverse("admin:grid_gridteammember_add"), {
        "team": TeamKind.HOMEOWNERS, "person": person.pk, "grid": GridNode.objects.get(code="NJ-03").pk,
        "since": timezone.localdate().isoformat()})
    latest = GridTeamMember.objects.get().history.first()
    assert (latest.history_type, latest.history_user.username) == ("+", "office")


def test_the_team_roster_admin_has_a_history_page(office):
    row = GridTeamMember.objects.create(team=TeamKind.HOMEOWNERS, person=make_person(),
                                        grid=GridNode.objects.get(code="NJ-03"))
    assert office.get(reverse("admin:grid_gridteammember_history", args=[row.pk])).status_code == 200


def test_a_household_edited_by_a_worker_records_who_and_what(client3, household, worker3):
    client3.post(reverse("field:household_edit", args=[household.pk]), {
        "micro_grid": household.micro_grid_id, "compound": household.compound, "building": household.building,
        "unit_number": household.unit_number, "room": household.room, "people": 4,
        "contact_name": household.contact_name, "special_groups": ["elderly_alone"]})
    latest, previous = household.history.all()[:2]
    assert (latest.history_user, latest.diff_against(previous).changed_fields) == (worker3, ["people"])


def test_a_special_group_tag_records_who_tagged_the_household(client3, household, worker3):
    client3.post(reverse("field:household_edit", args=[household.pk]), {
        "micro_grid": household.micro_grid_id, "building": household.building, "unit_number": household.unit_number,
        "room": household.room, "compound": household.compound, "people": 1, "contact_name": household.contact_name,
        "special_groups": ["disabled"]})
    tag = household.tags.get()
    assert tag.history.get().history_user == worker3


def test_an_assistance_pair_keeps_its_history(worker3, household):
    from grid.models import AssistancePair

    pair = AssistancePair.objects.create(helper=worker3.person, helper_kind="staff", household=household)
    pair.cadence_days = 14
    pair.save(update_fields=["cadence_days"])
    assert [row.cadence_days for row in pair.history.all()] == [14, 30]


def test_a_scoped_admin_does_not_show_another_grids_household_history(client, worker3):
    from tests.factories import make_grid_worker

    other = make_household("NJ-04-01", contact_name="外网格住户")
    staff = make_grid_worker("NJ-03")
    staff.is_staff = True
    staff.save(update_fields=["is_staff"])
    client.force_login(staff)
    response = client.get(reverse("admin:grid_household_history", args=[other.pk]))
    assert response.status_code == 302
    assert "外网格住户" not in response.content.decode()


def test_the_whistle_admin_cannot_close_a_whistle_or_write_its_outcome(office, branch):
    whistle = Whistle.objects.create(grid=GridNode.objects.get(code="NJ-03"), what="积水", where="5幢",
                                     when=timezone.now(), blown_by=branch)
    page = office.get(reverse("admin:grid_whistle_change", args=[whistle.pk])).content.decode()
    assert 'name="outcome"' not in page
    assert 'name="closed_at' not in page
    assert 'name="closed_by"' not in page


def test_the_whistle_admin_shows_report_ins_read_only(office, branch):
    whistle = Whistle.objects.create(grid=GridNode.objects.get(code="NJ-03"), what="积水", where="5幢",
                                     when=timezone.now(), blown_by=branch)
    GridTeamMember.objects.create(team=TeamKind.HOMEOWNERS, person=branch.person, grid=whistle.grid)
    whistle.report_in(branch.person, "已到场")
    page = office.get(reverse("admin:grid_whistle_change", args=[whistle.pk])).content.decode()
    assert "已到场" in page
    assert 'name="reports-0-note"' not in page


def test_households_stay_as_they_were_when_history_is_added(household):
    assert Household.history.filter(id=household.pk).count() == 1


def test_a_scoped_admin_shows_its_own_grids_household_history(client, worker3):
    from tests.factories import make_grid_worker

    own = make_household("NJ-03-01", contact_name="本网格住户")
    staff = make_grid_worker("NJ-03")
    staff.is_staff = True
    staff.save(update_fields=["is_staff"])
    client.force_login(staff)
    response = client.get(reverse("admin:grid_household_history", args=[own.pk]))
    assert response.status_code == 200
    assert "本网格住户" in response.content.decode()
