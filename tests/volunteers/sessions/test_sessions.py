"""A session is recorded (who served, how many residents, what was done) or cancelled, on the staff's pages:
happy path, GET → 405, outsider → 404, read-only → 403, an illegal move → a message and nothing changed."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_user
from tests.grid.factories import make_household
from tests.volunteers.factories import make_rule, make_station, session_on
from volunteers.models import Session

pytestmark = pytest.mark.django_db
T = datetime.time


def station_session(code, days):
    day = timezone.localdate() + datetime.timedelta(days=days)
    rule = make_rule(make_station(code), weekday=day.weekday(), starts_on=day - datetime.timedelta(days=7),
                     kind="clinic", title="社区义诊")
    return session_on(rule, day)


@pytest.fixture
def past(tree):
    return station_session("NJ-01-01", -1)


@pytest.fixture
def foreign(tree):
    return station_session("NJ-02-01", -1)


def record(client, session, **fields):
    return client.post(reverse("volunteers:session_record", args=[session.pk]),
                       {"served_count": "23", "summary": "测血压", **fields})


def test_a_grid_worker_records_their_stations_session(client, past, worker):
    client.force_login(worker)
    record(client, past)
    past.refresh_from_db()
    assert (past.state, past.served_count, past.recorded_by) == ("held", 23, worker)


def test_recording_writes_a_change_row(client, past, worker):
    client.force_login(worker)
    record(client, past)
    assert list(past.changes.values_list("old", "new")) == [("planned", "held")]


def test_households_to_follow_up_are_linked(client, past, worker):
    household = make_household(past.rule.position.micro_grid.code)
    client.force_login(worker)
    record(client, past, households=[household.pk])
    assert list(past.households.all()) == [household]


def test_a_future_session_cannot_be_recorded(client, tree, worker):
    coming = station_session("NJ-01-01", 3)
    client.force_login(worker)
    response = record(client, coming)
    coming.refresh_from_db()
    assert (response.status_code, coming.state) == (302, "planned")


def test_a_missing_head_count_is_a_400_with_the_form(client, past, worker):
    client.force_login(worker)
    assert record(client, past, served_count="").status_code == 400


def test_a_get_on_record_is_405(client, past, worker):
    client.force_login(worker)
    assert client.get(reverse("volunteers:session_record", args=[past.pk])).status_code == 405


def test_a_worker_of_another_grid_gets_a_404(client, foreign, worker):
    client.force_login(worker)
    assert record(client, foreign).status_code == 404


def test_someone_who_may_only_look_gets_a_403(client, past):
    looker = make_user("looker")
    looker.user_permissions.add(Permission.objects.get(codename="view_session", content_type__app_label="volunteers"),
                                Permission.objects.get(codename="view_all_grids"))
    client.force_login(looker)
    assert record(client, past).status_code == 403


def test_the_branch_cancels_a_session_with_a_reason(client, tree, branch):
    coming = station_session("NJ-02-01", 3)
    client.force_login(branch)
    client.post(reverse("volunteers:session_cancel", args=[coming.pk]), {"reason": "医生参加演练"})
    coming.refresh_from_db()
    assert (coming.state, coming.cancel_reason) == ("cancelled", "医生参加演练")


def test_a_held_session_cannot_be_cancelled_and_stays_held(client, past, branch):
    past.record(10, "义诊", by=branch)
    client.force_login(branch)
    response = client.post(reverse("volunteers:session_cancel", args=[past.pk]), {"reason": "x"}, follow=True)
    past.refresh_from_db()
    assert (past.state, "已经开展过了" in response.content.decode()) == ("held", True)


def test_a_cancelled_session_cannot_be_recorded(client, past, branch):
    past.cancel("暴雨", by=branch)
    client.force_login(branch)
    record(client, past)
    past.refresh_from_db()
    assert (past.state, past.served_count) == ("cancelled", None)


def test_an_extra_session_is_added_once_however_often_the_form_is_sent(client, past, branch):
    client.force_login(branch)
    url = reverse("volunteers:session_extra", args=[past.rule.pk])
    data = {"on": (timezone.localdate() + datetime.timedelta(days=2)).isoformat(), "starts_at": "14:00",
            "ends_at": "16:00", "note": "加开", "token": "6f1c1d0e-3b7a-4e8e-9a57-1d2c3b4a5f60"}
    client.post(url, data)
    client.post(url, data)
    assert Session.objects.filter(origin="extra").count() == 1


def test_an_extra_session_that_ends_before_it_starts_is_refused(client, past, branch):
    client.force_login(branch)
    response = client.post(reverse("volunteers:session_extra", args=[past.rule.pk]), {
        "on": timezone.localdate().isoformat(), "starts_at": "16:00", "ends_at": "14:00",
        "token": "6f1c1d0e-3b7a-4e8e-9a57-1d2c3b4a5f61"})
    assert (response.status_code, Session.objects.filter(origin="extra").count()) == (400, 0)


def test_the_figures_count_sessions_held_and_residents_served_this_year(past, foreign, branch):
    past.record(23, "义诊", by=branch)
    foreign.record(17, "义诊", by=branch)
    held = Session.objects.visible_to(branch).held_in(past.on.year)
    assert (held.count(), held.people_served()) == (2, 40)


def test_the_figures_are_scoped_to_what_the_user_sees(past, foreign, branch, worker):
    past.record(23, "义诊", by=branch)
    foreign.record(17, "义诊", by=branch)
    assert Session.objects.visible_to(worker).held_in(past.on.year).people_served() == 23


def test_the_session_page_masks_the_residents_name_and_shows_staff_the_phone(client, tree, worker):
    from volunteers.models import Booking

    coming = station_session("NJ-01-01", 3)
    Booking.book(coming, T(9), name="欧阳春华", phone="13900009999")
    client.force_login(worker)
    body = client.get(reverse("volunteers:session", args=[coming.pk])).content.decode()
    assert "欧阳春华" not in body
    assert "欧**" in body
    assert "13900009999" in body


def test_the_week_schedule_prints_the_stations_sessions(client, tree, worker):
    coming = station_session("NJ-01-01", 1)
    client.force_login(worker)
    response = client.get(reverse("volunteers:week", args=[coming.rule.position.pk]), {"week": coming.on.isoformat()})
    assert "社区义诊" in response.content.decode()
    assert "week-sheet" in response.content.decode()


def test_the_session_list_takes_the_same_number_of_queries_at_any_size(client, tree, branch,
                                                                        django_assert_num_queries):
    station_session("NJ-01-01", 1)
    client.force_login(branch)
    url = reverse("volunteers:sessions")
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        response = client.get(url)
    queries = len(small)  # now: each request clears the query log (request_started → reset_queries)
    assert response.status_code == 200
    for number in range(4):
        station_session(f"NJ-0{number % 2 + 1}-0{number // 2 + 1}", 2 + number)
    client.get(url)
    with django_assert_num_queries(queries):
        client.get(url)
