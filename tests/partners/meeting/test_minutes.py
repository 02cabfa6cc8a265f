"""Minutes: written while open, confirmed by the chairman, then read-only; a correction is an amendment row."""

import pytest
from django.core.exceptions import ValidationError

from tests.partners.meeting.fixtures import make_decision


@pytest.fixture
def held(meeting, members, chairman):
    meeting.record_attendance([m.pk for m in members[:4]], by=chairman)
    meeting.write_minutes("会议研究了楼道照明改造。", by=chairman)
    return meeting


def test_the_chairman_confirms_the_minutes(held, chairman):
    held.confirm_minutes(by=chairman)
    assert held.is_confirmed
    assert held.minutes_confirmed_by == chairman


def test_only_the_meetings_chairman_confirms(held, branch):
    with pytest.raises(ValidationError) as refused:
        held.confirm_minutes(by=branch)
    assert refused.value.code == "not_chairman"


def test_empty_minutes_cannot_be_confirmed(meeting, members, chairman):
    meeting.record_attendance([members[0].pk], by=chairman)
    with pytest.raises(ValidationError) as refused:
        meeting.confirm_minutes(by=chairman)
    assert refused.value.code == "empty_minutes"


def test_confirmed_minutes_cannot_be_edited(held, chairman):
    held.confirm_minutes(by=chairman)
    with pytest.raises(ValidationError) as refused:
        held.write_minutes("改写", by=chairman)
    assert refused.value.code == "confirmed"


def test_a_refused_edit_leaves_the_minutes_as_confirmed(held, chairman):
    held.confirm_minutes(by=chairman)
    with pytest.raises(ValidationError):
        held.write_minutes("改写", by=chairman)
    held.refresh_from_db()
    assert held.minutes == "会议研究了楼道照明改造。"


def test_no_decision_is_added_to_confirmed_minutes(held, hospital, chairman):
    held.confirm_minutes(by=chairman)
    with pytest.raises(ValidationError) as refused:
        make_decision(held, hospital, by=chairman)
    assert refused.value.code == "confirmed"


def test_attendance_of_confirmed_minutes_cannot_change(held, members, chairman):
    held.confirm_minutes(by=chairman)
    with pytest.raises(ValidationError) as refused:
        held.record_attendance([members[0].pk], by=chairman)
    assert refused.value.code == "confirmed"


def test_a_correction_is_an_amendment_with_who_and_when(held, branch, chairman):
    held.confirm_minutes(by=chairman)
    amendment = held.amend("第2项责任单位应为县住建局", by=branch)
    assert amendment.by == branch
    assert amendment.at is not None


def test_open_minutes_are_not_amended(held, branch):
    with pytest.raises(ValidationError) as refused:
        held.amend("更正", by=branch)
    assert refused.value.code == "not_confirmed"
