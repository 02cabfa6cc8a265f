"""Attendance and hours: sign-in and sign-out with the rotating code, hours the overlap with the activity (capped,
across midnight, aware of the time zone), confirmed by the organiser; a late entry needs a reason and a second
person's approval; each record carries what the recording rules ask for."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError

from nanjie import signin_codes
from tests.volunteers.activities.factories import make_activity, make_volunteer
from volunteers.activities.signups import overlap_minutes
from volunteers.models import SignUp

pytestmark = pytest.mark.django_db
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
UTC = datetime.UTC
MINUTE = datetime.timedelta(minutes=1)


def local(*args):
    return datetime.datetime(*args, tzinfo=SHANGHAI)


def test_hours_across_midnight_count_the_whole_evening():
    assert overlap_minutes(local(2026, 11, 7, 20), local(2026, 11, 8, 0, 30), local(2026, 11, 7, 20),
                           local(2026, 11, 8, 0, 30)) == 270


def test_hours_are_capped_at_the_activity():
    assert overlap_minutes(local(2026, 11, 7, 8), local(2026, 11, 7, 13), local(2026, 11, 7, 9),
                           local(2026, 11, 7, 11)) == 120


def test_hours_compare_instants_not_clock_readings():
    # 01:00 UTC is 09:00 in Shanghai: the volunteer arrived at the start.
    assert overlap_minutes(datetime.datetime(2026, 11, 7, 1, tzinfo=UTC), local(2026, 11, 7, 11),
                           local(2026, 11, 7, 9), local(2026, 11, 7, 11)) == 120


def test_leaving_before_arriving_counts_nothing():
    assert overlap_minutes(local(2026, 11, 7, 12), local(2026, 11, 7, 10), local(2026, 11, 7, 9),
                           local(2026, 11, 7, 11)) == 0


@pytest.fixture
def day(tree):
    """An activity tonight 20:00–00:30 run by its organiser, and a volunteer with a place."""
    organiser, volunteer = make_volunteer(), make_volunteer()
    activity = make_activity(starts=local(2026, 11, 7, 20), ends=local(2026, 11, 8, 0, 30),
                             organiser=organiser.person)
    signup = SignUp.sign_up(activity, volunteer.person, by=volunteer, now=local(2026, 11, 1, 9))
    return activity, signup, organiser, volunteer


def code_at(activity, moment):
    return signin_codes.current_code(activity.subject, activity.starts, activity.ends, moment)


def attend(activity, signup, volunteer, arrived, left):
    signup.sign_in(code_at(activity, arrived), by=volunteer, now=arrived)
    signup.sign_out(code_at(activity, left), by=volunteer, now=left)


def test_a_wrong_code_does_not_sign_in(day):
    activity, signup, _organiser, volunteer = day
    with pytest.raises(ValidationError) as refusal:
        signup.sign_in("000000" if code_at(activity, activity.starts) != "000000" else "111111", by=volunteer,
                       now=activity.starts)
    assert refusal.value.code == "bad_code"


def test_the_code_of_the_day_before_does_not_sign_in(day):
    activity, signup, _organiser, volunteer = day
    with pytest.raises(ValidationError) as refusal:
        signup.sign_in(code_at(activity, activity.starts), by=volunteer, now=activity.ends + MINUTE)
    assert refusal.value.code == "bad_code"


def test_one_on_the_waiting_list_cannot_sign_in(day):
    activity, signup, _organiser, volunteer = day
    SignUp.objects.filter(pk=signup.pk).update(state="waiting")
    signup.refresh_from_db()
    with pytest.raises(ValidationError) as refusal:
        signup.sign_in(code_at(activity, activity.starts), by=volunteer, now=activity.starts)
    assert refusal.value.code == "no_place"


def test_the_organiser_confirms_the_hours_across_midnight(day):
    activity, signup, organiser, volunteer = day
    attend(activity, signup, volunteer, local(2026, 11, 7, 19, 50), local(2026, 11, 8, 0, 15))
    signup.confirm(by=organiser, now=activity.ends)
    assert (signup.minutes, signup.hours_state, signup.recorder) == (255, "confirmed", organiser)


def test_without_a_sign_out_the_hours_run_to_the_end(day):
    activity, signup, organiser, volunteer = day
    signup.sign_in(code_at(activity, activity.starts), by=volunteer, now=activity.starts)
    signup.confirm(by=organiser, now=activity.ends + MINUTE)
    assert signup.minutes == activity.length_minutes


def test_hours_are_not_confirmed_while_the_activity_is_on(day):
    activity, signup, organiser, volunteer = day
    signup.sign_in(code_at(activity, activity.starts), by=volunteer, now=activity.starts)
    with pytest.raises(ValidationError) as refusal:
        signup.confirm(by=organiser, now=activity.starts + MINUTE * 30)
    assert refusal.value.code == "still_on"


def test_only_the_organiser_confirms(day):
    activity, signup, _organiser, volunteer = day
    attend(activity, signup, volunteer, activity.starts, activity.ends)
    with pytest.raises(ValidationError) as refusal:
        signup.confirm(by=volunteer, now=activity.ends)
    assert refusal.value.code == "not_organiser"


def test_hours_are_confirmed_once(day):
    activity, signup, organiser, volunteer = day
    attend(activity, signup, volunteer, activity.starts, activity.ends)
    signup.confirm(by=organiser, now=activity.ends)
    with pytest.raises(ValidationError) as refusal:
        signup.confirm(by=organiser, now=activity.ends)
    assert refusal.value.code == "already_confirmed"


def test_a_late_entry_needs_a_reason(day):
    activity, signup, organiser, _volunteer = day
    with pytest.raises(ValidationError) as refusal:
        signup.enter_late(60, " ", by=organiser, now=activity.ends)
    assert refusal.value.code == "no_reason"


def test_a_late_entry_is_at_most_the_activity(day):
    activity, signup, organiser, _volunteer = day
    with pytest.raises(ValidationError) as refusal:
        signup.enter_late(activity.length_minutes + 1, "忘记签到", by=organiser, now=activity.ends)
    assert refusal.value.code == "bad_minutes"


def test_a_late_entry_waits_for_approval(day):
    activity, signup, organiser, _volunteer = day
    signup.enter_late(120, "忘记签到", by=organiser, now=activity.ends)
    assert (signup.hours_state, SignUp.objects.confirmed().count()) == ("pending", 0)


def test_the_one_who_entered_it_cannot_approve_it(day):
    activity, signup, organiser, _volunteer = day
    signup.enter_late(120, "忘记签到", by=organiser, now=activity.ends)
    with pytest.raises(ValidationError) as refusal:
        signup.approve_late(by=organiser)
    assert refusal.value.code == "same_person"


def test_a_second_person_approves_a_late_entry(day, branch):
    activity, signup, organiser, _volunteer = day
    signup.enter_late(120, "忘记签到", by=organiser, now=activity.ends)
    signup.approve_late(by=branch)
    assert (signup.hours_state, signup.minutes, signup.recorder, signup.confirmed_by) == (
        "confirmed", 120, organiser, branch)


def test_approving_with_nothing_entered_is_refused(day, branch):
    _activity, signup, _organiser, _volunteer = day
    with pytest.raises(ValidationError) as refusal:
        signup.approve_late(by=branch)
    assert refusal.value.code == "nothing_pending"


def test_a_confirmed_record_carries_what_the_recording_rules_ask(day):
    activity, signup, organiser, volunteer = day
    attend(activity, signup, volunteer, activity.starts, activity.ends)
    signup.confirm(by=organiser, evaluation="excellent", now=activity.ends)
    activity.record(40, "巡河清理", by=organiser, now=activity.ends)
    record = SignUp.objects.select_related("activity__organiser").get(pk=signup.pk)
    assert (record.activity.title, record.activity.place, record.activity.beneficiaries, record.activity.summary,
            record.hours, record.evaluation, record.activity.organiser, record.recorder) == (
        activity.title, "党群服务中心", 40, "巡河清理", 4.5, "excellent", organiser.person, organiser)
