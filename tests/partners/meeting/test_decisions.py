"""Decisions as action items: open → done (what was done) or carried to a later meeting, each with an audit row."""

import pytest
from django.core.exceptions import ValidationError

from partners.models import Decision, DecisionEvent, Meeting
from tests.factories import make_unit_member
from tests.partners.meeting.fixtures import days, make_decision


def test_a_decision_is_open_with_its_first_audit_row(meeting, hospital, chairman):
    decision = make_decision(meeting, hospital, by=chairman)
    assert decision.state == "open"
    assert decision.events.get().new_state == "open"


def test_a_deadline_in_the_past_is_refused(meeting, hospital, chairman):
    with pytest.raises(ValidationError) as refused:
        make_decision(meeting, hospital, by=chairman, deadline=days(-1))
    assert refused.value.code == "past_deadline"


def test_a_refused_decision_saves_nothing(meeting, hospital, chairman):
    with pytest.raises(ValidationError):
        make_decision(meeting, hospital, by=chairman, deadline=days(-1))
    assert not Decision.objects.exists()


def test_an_inactive_unit_is_refused(meeting, hospital, chairman):
    hospital.active = False
    hospital.save(update_fields=["active"])
    with pytest.raises(ValidationError) as refused:
        make_decision(meeting, hospital, by=chairman)
    assert refused.value.code == "unit"


def test_the_units_party_member_reports_it_done(meeting, hospital, chairman, hospital_member):
    decision = make_decision(meeting, hospital, by=chairman)
    decision.mark_done("已完成改造", by=hospital_member)
    assert decision.state == "done"
    assert decision.events.last().new_state == "done"


def test_another_units_member_cannot_report_it_done(meeting, hospital, housing, chairman):
    decision = make_decision(meeting, hospital, by=chairman)
    with pytest.raises(ValidationError) as refused:
        decision.mark_done("已完成", by=make_unit_member(housing))
    assert refused.value.code == "not_responsible"


def test_done_needs_what_was_done(meeting, hospital, chairman):
    decision = make_decision(meeting, hospital, by=chairman)
    with pytest.raises(ValidationError) as refused:
        decision.mark_done("  ", by=chairman)
    assert refused.value.code == "empty_note"


def test_a_done_decision_cannot_be_done_again(meeting, hospital, chairman):
    decision = make_decision(meeting, hospital, by=chairman)
    decision.mark_done("已完成", by=chairman)
    with pytest.raises(ValidationError) as refused:
        decision.mark_done("再次完成", by=chairman)
    assert refused.value.code == "state"


def test_a_carried_decision_is_on_the_later_meetings_agenda(members, hospital, chairman):
    earlier = Meeting.plan(held_on=days(-30), place="中心", by=chairman)
    decision = make_decision(earlier, hospital, by=chairman, today=days(-30))
    later = Meeting.plan(held_on=days(3), place="中心", by=chairman)
    decision.carry_to(later, by=chairman)
    assert later.items.get().follows_up == decision
    assert decision.state == "carried"


def test_a_decision_cannot_be_carried_to_an_earlier_meeting(members, meeting, hospital, chairman):
    decision = make_decision(meeting, hospital, by=chairman)
    earlier = Meeting.plan(held_on=days(-30), place="中心", by=chairman)
    with pytest.raises(ValidationError) as refused:
        decision.carry_to(earlier, by=chairman)
    assert refused.value.code == "not_later"


def test_a_unit_member_cannot_carry_a_decision_over(members, meeting, hospital, chairman, hospital_member):
    decision = make_decision(meeting, hospital, by=chairman)
    later = Meeting.plan(held_on=days(30), place="中心", by=chairman)
    with pytest.raises(ValidationError) as refused:
        decision.carry_to(later, by=hospital_member)
    assert refused.value.code == "not_meeting"


def test_a_done_decision_cannot_be_carried(members, meeting, hospital, chairman):
    decision = make_decision(meeting, hospital, by=chairman)
    decision.mark_done("已完成", by=chairman)
    later = Meeting.plan(held_on=days(30), place="中心", by=chairman)
    with pytest.raises(ValidationError) as refused:
        decision.carry_to(later, by=chairman)
    assert refused.value.code == "state"
    assert not later.items.exists()


def test_an_open_decision_past_its_deadline_is_overdue(members, hospital, chairman):
    earlier = Meeting.plan(held_on=days(-30), place="中心", by=chairman)
    decision = make_decision(earlier, hospital, by=chairman, deadline=days(-5), today=days(-30))
    assert list(Decision.objects.overdue()) == [decision]


def test_every_move_writes_one_audit_row(meeting, hospital, chairman):
    decision = make_decision(meeting, hospital, by=chairman)
    decision.mark_done("已完成", by=chairman)
    assert DecisionEvent.objects.filter(decision=decision).count() == 2
