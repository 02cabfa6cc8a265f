"""Sign-in codes rotate, belong to one thing, and work only while it is on."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from nanjie import signin_codes

TZ = ZoneInfo("Asia/Shanghai")
STARTS = datetime(2026, 12, 7, 9, 0, tzinfo=TZ)
ENDS = datetime(2026, 12, 7, 11, 0, tzinfo=TZ)
DURING = STARTS + timedelta(minutes=30)


def test_the_code_shown_during_the_activity_signs_in():
    code = signin_codes.current_code("volunteers.activity:1", STARTS, ENDS, DURING)
    assert signin_codes.is_valid("volunteers.activity:1", code, STARTS, ENDS, DURING)


def test_a_code_is_six_digits():
    code = signin_codes.current_code("volunteers.activity:1", STARTS, ENDS, DURING)
    assert len(code) == 6
    assert code.isdigit()


def test_no_code_is_shown_before_the_grace_period():
    early = STARTS - signin_codes.GRACE - timedelta(minutes=1)
    assert signin_codes.current_code("volunteers.activity:1", STARTS, ENDS, early) is None


def test_no_code_is_shown_after_the_end():
    assert signin_codes.current_code("volunteers.activity:1", STARTS, ENDS, ENDS + timedelta(seconds=1)) is None


def test_a_code_is_refused_after_the_end():
    code = signin_codes.current_code("volunteers.activity:1", STARTS, ENDS, ENDS - timedelta(minutes=1))
    assert not signin_codes.is_valid("volunteers.activity:1", code, STARTS, ENDS, ENDS + timedelta(minutes=1))


def test_another_activitys_code_is_refused():
    code = signin_codes.current_code("volunteers.activity:2", STARTS, ENDS, DURING)
    assert not signin_codes.is_valid("volunteers.activity:1", code, STARTS, ENDS, DURING)


def test_the_code_rotates():
    later = DURING + timedelta(seconds=signin_codes.STEP)
    first = signin_codes.current_code("volunteers.activity:1", STARTS, ENDS, DURING)
    assert first != signin_codes.current_code("volunteers.activity:1", STARTS, ENDS, later)


def test_the_previous_windows_code_is_still_accepted():
    code = signin_codes.current_code("volunteers.activity:1", STARTS, ENDS, DURING)
    later = DURING + timedelta(seconds=signin_codes.STEP)
    assert signin_codes.is_valid("volunteers.activity:1", code, STARTS, ENDS, later)


def test_a_code_two_windows_old_is_refused():
    code = signin_codes.current_code("volunteers.activity:1", STARTS, ENDS, DURING)
    much_later = DURING + timedelta(seconds=2 * signin_codes.STEP)
    assert not signin_codes.is_valid("volunteers.activity:1", code, STARTS, ENDS, much_later)


def test_spaces_typed_inside_the_code_are_ignored():
    code = signin_codes.current_code("volunteers.activity:1", STARTS, ENDS, DURING)
    assert signin_codes.is_valid("volunteers.activity:1", f" {code[:3]} {code[3:]} ", STARTS, ENDS, DURING)


def test_garbage_is_refused():
    assert not signin_codes.is_valid("volunteers.activity:1", "abcdef", STARTS, ENDS, DURING)
