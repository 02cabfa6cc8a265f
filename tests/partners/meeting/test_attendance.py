"""Attendance against the roster, and the quorum: a majority of the active committee members."""

import pytest
from django.core.exceptions import ValidationError

from partners.models import Attendance


def test_attendance_is_recorded_for_every_member_of_the_roster(meeting, members, chairman):
    meeting.record_attendance([m.pk for m in members[:4]], by=chairman)
    assert Attendance.objects.filter(meeting=meeting).count() == 6


def test_four_of_six_present_is_a_quorum(meeting, members, chairman):
    meeting.record_attendance([m.pk for m in members[:4]], by=chairman)
    assert meeting.quorum() == (4, 6, True)


def test_three_of_six_present_is_no_quorum(meeting, members, chairman):
    meeting.record_attendance([m.pk for m in members[:3]], by=chairman)
    assert meeting.quorum() == (3, 6, False)


def test_an_inactive_member_is_not_counted(meeting, members, chairman):
    members[5].active = False
    members[5].save(update_fields=["active"])
    meeting.record_attendance([m.pk for m in members[:3]], by=chairman)
    assert meeting.quorum() == (3, 5, True)


def test_a_meeting_with_no_members_present_is_refused(meeting, chairman):
    with pytest.raises(ValidationError) as refused:
        meeting.record_attendance([], by=chairman)
    assert refused.value.code == "nobody_present"


def test_a_refused_attendance_saves_nothing(meeting, chairman):
    with pytest.raises(ValidationError):
        meeting.record_attendance([], by=chairman)
    assert not Attendance.objects.filter(meeting=meeting).exists()


def test_recording_again_corrects_the_earlier_record(meeting, members, chairman):
    meeting.record_attendance([m.pk for m in members[:2]], by=chairman)
    meeting.record_attendance([m.pk for m in members[:5]], by=chairman)
    assert meeting.quorum()[0] == 5


def test_the_meeting_is_chaired_by_the_months_on_duty_chairman(meeting, chairman):
    assert meeting.chairman.person.user == chairman
