"""The joint meeting's pages: lists filtered and paginated, the meeting's forms refusing bad input in Chinese,
the A4 minutes in Chinese, query counts that do not grow with the rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from partners.models import Decision, Meeting
from tests.factories import make_grid_worker
from tests.partners.meeting.fixtures import days, make_decision


@pytest.fixture
def chair_client(client, chairman):
    client.force_login(chairman)
    return client


def test_the_meetings_list_shows_the_meeting(chair_client, meeting):
    response = chair_client.get(reverse("partners:meetings"))
    assert response.status_code == 200
    assert meeting in response.context["page"]


def test_the_meetings_list_filters_by_year(chair_client, meeting):
    response = chair_client.get(reverse("partners:meetings"), {"year": str(meeting.held_on.year - 1)})
    assert list(response.context["page"]) == []


def test_a_grid_worker_may_not_open_the_meetings(client, tree):
    client.force_login(make_grid_worker("NJ-01"))
    assert client.get(reverse("partners:meetings")).status_code == 403


def test_planning_a_meeting_makes_it(chair_client, members):
    chair_client.post(reverse("partners:meeting_new"), {"held_on": days(5).isoformat(), "place": "三楼会议室"})
    assert Meeting.objects.get().place == "三楼会议室"


def test_attendance_with_nobody_ticked_is_refused_in_chinese(chair_client, meeting):
    response = chair_client.post(reverse("partners:meeting_attendance", args=[meeting.pk]), {"present": []},
                                 HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 400
    assert "没有" in response.content.decode()


def test_attendance_is_recorded_from_the_page(chair_client, meeting, members):
    chair_client.post(reverse("partners:meeting_attendance", args=[meeting.pk]),
                      {"present": [m.pk for m in members[:4]]})
    assert meeting.quorum() == (4, 6, True)


def test_a_decision_with_a_past_deadline_is_refused_on_the_page(chair_client, meeting, hospital):
    item = meeting.add_item("楼道照明", by=None)
    response = chair_client.post(reverse("partners:meeting_decide", args=[meeting.pk, item.pk]),
                                 {"text": "改造", "unit": hospital.pk, "deadline": days(-1).isoformat()})
    assert response.status_code == 400
    assert not Decision.objects.exists()


def test_editing_confirmed_minutes_is_refused_on_the_page(chair_client, meeting, members, chairman):
    meeting.record_attendance([members[0].pk], by=chairman)
    meeting.write_minutes("纪要", by=chairman)
    meeting.confirm_minutes(by=chairman)
    chair_client.post(reverse("partners:meeting_minutes", args=[meeting.pk]), {"minutes": "改了"})
    meeting.refresh_from_db()
    assert meeting.minutes == "纪要"


def test_the_chairman_confirms_from_the_page(chair_client, meeting, members, chairman):
    meeting.record_attendance([members[0].pk], by=chairman)
    meeting.write_minutes("纪要", by=chairman)
    chair_client.post(reverse("partners:meeting_confirm", args=[meeting.pk]))
    meeting.refresh_from_db()
    assert meeting.is_confirmed


def test_the_printed_minutes_are_in_chinese(chair_client, meeting):
    with translation.override("en"):
        response = chair_client.get(reverse("partners:meeting_print", args=[meeting.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert "会议纪要" in response.content.decode()


def test_the_printed_minutes_have_a_print_stylesheet(chair_client, meeting):
    response = chair_client.get(reverse("partners:meeting_print", args=[meeting.pk]))
    assert "partners-meeting" in response.content.decode()


def test_a_unit_member_sees_only_their_units_decisions(client, meeting, hospital, housing, chairman, hospital_member):
    own = make_decision(meeting, hospital, by=chairman, title="甲")
    make_decision(meeting, housing, by=chairman, title="乙")
    client.force_login(hospital_member)
    assert list(client.get(reverse("partners:decisions")).context["page"]) == [own]


def test_the_unit_member_reports_done_from_the_page(client, meeting, hospital, chairman, hospital_member):
    decision = make_decision(meeting, hospital, by=chairman)
    client.force_login(hospital_member)
    client.post(reverse("partners:decision_done", args=[decision.pk]), {"note": "已完成"})
    decision.refresh_from_db()
    assert decision.state == "done"


def test_the_decisions_list_filters_the_overdue(chair_client, members, meeting, hospital, chairman):
    earlier = Meeting.plan(held_on=days(-30), place="中心", by=chairman)
    late = make_decision(earlier, hospital, by=chairman, deadline=days(-2), today=days(-30))
    make_decision(meeting, hospital, by=chairman)
    response = chair_client.get(reverse("partners:decisions"), {"overdue": "true"})
    assert list(response.context["page"]) == [late]


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)


def _more_decisions(meeting, units, chairman, count):
    for number in range(count):
        make_decision(meeting, units[number % 2], by=chairman, title=f"议题{number}")


@pytest.mark.parametrize("url_name", ["partners:meeting", "partners:decisions", "partners:meeting_print"])
def test_a_page_takes_the_same_queries_at_two_sizes(chair_client, meeting, hospital, housing, chairman, url_name):
    url = reverse(url_name, args=[meeting.pk] if url_name != "partners:decisions" else None)
    _more_decisions(meeting, [hospital, housing], chairman, 2)
    small = _queries(chair_client, url)
    _more_decisions(meeting, [hospital, housing], chairman, 8)
    assert _queries(chair_client, url) == small


def test_the_meetings_list_takes_the_same_queries_at_two_sizes(chair_client, members, chairman):
    Meeting.plan(held_on=days(1), place="中心", by=chairman)
    small = _queries(chair_client, reverse("partners:meetings"))
    for number in range(6):
        Meeting.plan(held_on=days(2 + number), place="中心", by=chairman)
    assert _queries(chair_client, reverse("partners:meetings")) == small
