"""Study sessions: planning, sign-in with the code, ticks, closing with the misses, make-ups, cancelling."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from nanjie import signin_codes
from tests.factories import make_unit, make_unit_member
from tests.volunteers.study.factories import make_mobile, make_party_member, make_study
from volunteers.models import StudyAttendance, StudySession
from volunteers.study.models import branch_members

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(branch):
    return make_study(branch)


def code_of(session, at=None):
    return signin_codes.current_code(session.subject, session.starts_at, session.ends_at, at)


def test_planning_writes_the_first_change_row(session):
    assert list(session.changes.values_list("old", "new")) == [("", "planned")]


def test_it_refuses_a_session_that_ends_before_it_starts(branch):
    now = timezone.now()
    with pytest.raises(ValidationError) as error:
        make_study(branch, starts_at=now, ends_at=now - datetime.timedelta(hours=1))
    assert "times" in [e.code for e in error.value.error_dict["ends_at"]]


def test_the_roster_is_the_branch_s_party_members(branch):
    member = make_party_member()
    masses = make_party_member(political_status="masses")
    assert set(branch_members().filter(pk__in=[member.pk, masses.pk])) == {member}


def test_a_unit_s_party_members_study_with_their_unit(branch):
    unit_member = make_unit_member(make_unit()).person
    assert not branch_members().filter(pk=unit_member.pk).exists()


def test_a_mobile_member_away_is_off_the_roster(tree, branch):
    member = make_mobile(make_party_member())
    assert not branch_members().filter(pk=member.person_id).exists()


def test_a_member_signs_in_with_the_code(session, branch):
    member = make_party_member()
    session.sign_in(member, code_of(session), by=branch)
    assert session.attendances.get(person=member).how == StudyAttendance.How.CODE


def test_a_wrong_code_is_refused(session, branch):
    member = make_party_member()
    wrong = "000000" if code_of(session) != "000000" else "111111"
    with pytest.raises(ValidationError) as error:
        session.sign_in(member, wrong, by=branch)
    assert error.value.code == "bad_code"


def test_the_code_does_not_work_after_the_session(session, branch):
    after = session.ends_at + datetime.timedelta(minutes=1)
    with pytest.raises(ValidationError) as error:
        session.sign_in(make_party_member(), code_of(session), by=branch, now=after)
    assert error.value.code == "bad_code"


def test_signing_in_twice_keeps_one_row(session, branch):
    member = make_party_member()
    session.sign_in(member, code_of(session), by=branch)
    again = session.sign_in(member, code_of(session), by=branch)
    assert (again, session.attendances.filter(person=member).count()) == (None, 1)


def test_someone_off_the_roster_cannot_sign_in(session, branch):
    with pytest.raises(ValidationError) as error:
        session.sign_in(make_unit_member(make_unit()).person, code_of(session), by=branch)
    assert error.value.code == "not_on_roster"


def test_the_organiser_ticks_who_came(session, branch):
    members = [make_party_member(), make_party_member()]
    assert session.tick(members, by=branch) == 2


def test_ticks_before_the_session_begins_are_refused(branch):
    later = make_study(branch, starts_at=timezone.now() + datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as error:
        later.tick([make_party_member()], by=branch)
    assert error.value.code == "not_begun"


def test_closing_lists_everyone_who_did_not_come(session, branch):
    came, missed = make_party_member(), make_party_member()
    session.tick([came], by=branch)
    session.close(by=branch)
    assert missed.pk in set(session.misses().values_list("person_id", flat=True)) - {came.pk}


def test_closing_writes_a_change_row(session, branch):
    session.close(by=branch)
    assert (session.state, session.changes.last().new) == ("held", "held")


def test_a_session_is_not_closed_before_it_begins(branch):
    later = make_study(branch, starts_at=timezone.now() + datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as error:
        later.close(by=branch)
    assert error.value.code == "not_begun"


def test_a_closed_session_takes_no_more_sign_ins(session, branch):
    session.close(by=branch)
    with pytest.raises(ValidationError) as error:
        session.sign_in(make_party_member(), code_of(session), by=branch)
    assert error.value.code == "not_open"


def test_a_closed_session_shows_no_code(session, branch):
    session.close(by=branch)
    assert session.code() is None


def test_a_make_up_needs_a_held_session(session, branch):
    with pytest.raises(ValidationError) as error:
        make_study(branch, makes_up=session, starts_at=timezone.now() + datetime.timedelta(days=1))
    assert "not_held" in [e.code for e in error.value.error_dict["makes_up"]]


@pytest.fixture
def make_up(session, branch):
    """Two members missed `session`; its make-up is on now."""
    session.starts_at -= datetime.timedelta(days=7)
    session.ends_at -= datetime.timedelta(days=7)
    StudySession.objects.filter(pk=session.pk).update(starts_at=session.starts_at, ends_at=session.ends_at)
    session.missing = [make_party_member(), make_party_member()]
    session.close(by=branch)
    return make_study(branch, makes_up=session)


def test_a_make_up_s_roster_is_who_missed_the_session(make_up):
    assert set(make_up.roster()) == set(make_up.makes_up.missing)


def test_attending_the_make_up_clears_the_miss(make_up, branch):
    first, second = make_up.makes_up.missing
    make_up.tick([first], by=branch)
    assert list(make_up.makes_up.misses().values_list("person_id", flat=True)) == [second.pk]


def test_closing_a_make_up_adds_no_second_miss(make_up, branch):
    make_up.close(by=branch)
    assert StudyAttendance.objects.filter(present=False).count() == 2


def test_a_make_up_of_a_make_up_is_refused(make_up, branch):
    make_up.close(by=branch)
    with pytest.raises(ValidationError) as error:
        make_study(branch, makes_up=make_up, starts_at=timezone.now() + datetime.timedelta(days=1))
    assert "make_up_of_make_up" in [e.code for e in error.value.error_dict["makes_up"]]


def test_cancelling_needs_a_reason(session, branch):
    with pytest.raises(ValidationError) as error:
        session.cancel(by=branch, reason=" ")
    assert error.value.code == "no_reason"


def test_a_session_with_attendance_is_closed_not_cancelled(session, branch):
    session.tick([make_party_member()], by=branch)
    with pytest.raises(ValidationError) as error:
        session.cancel(by=branch, reason="下雨")
    assert (error.value.code, StudySession.objects.get(pk=session.pk).state) == ("has_attendance", "planned")


def test_cancelling_writes_the_reason(session, branch):
    session.cancel(by=branch, reason="停电")
    assert (session.state, session.changes.last().note) == ("cancelled", "停电")


def test_the_organiser_is_present_at_the_session_they_led(session, branch):
    session.close(by=branch)
    assert session.attendances.get(person=session.organiser).present
