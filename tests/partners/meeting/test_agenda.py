"""The agenda: built from the registered proposers (回头看 here, overdue requests from the requests app), items
added once, dropped items staying dropped."""

import pytest
from django.core.exceptions import ValidationError

from partners.meeting.agenda import ProposedItem, Proposer, agenda_proposers
from partners.models import Meeting
from tests.partners.meeting.fixtures import days, make_decision


@pytest.fixture
def overdue_decision(members, hospital, chairman):
    earlier = Meeting.plan(held_on=days(-40), place="中心", by=chairman)
    return make_decision(earlier, hospital, by=chairman, deadline=days(-10), today=days(-40))


def test_the_meetings_own_proposer_and_the_requests_are_registered():
    assert {"partners.meeting.open_decisions", "requests.overdue"} <= set(agenda_proposers.names())


def test_an_overdue_decision_of_an_earlier_meeting_is_proposed(overdue_decision, meeting, chairman):
    meeting.build_agenda(by=chairman)
    assert meeting.items.get(follows_up=overdue_decision).source == "partners.meeting.open_decisions"


def test_a_done_decision_is_not_proposed(overdue_decision, meeting, chairman):
    overdue_decision.mark_done("已完成", by=chairman)
    meeting.build_agenda(by=chairman)
    assert not meeting.items.exists()


def test_building_twice_adds_each_item_once(overdue_decision, meeting, chairman):
    meeting.build_agenda(by=chairman)
    assert meeting.build_agenda(by=chairman) == 0


def test_a_dropped_item_stays_dropped(overdue_decision, meeting, chairman):
    meeting.build_agenda(by=chairman)
    meeting.items.get().drop(by=chairman)
    meeting.build_agenda(by=chairman)
    assert meeting.items.get().dropped


def test_staff_add_an_item(meeting, chairman):
    meeting.add_item("背街小巷环境整治", by=chairman)
    assert meeting.items.get().source == ""


def test_an_empty_item_is_refused(meeting, chairman):
    with pytest.raises(ValidationError) as refused:
        meeting.add_item("  ", by=chairman)
    assert refused.value.code == "empty_title"


def test_an_item_with_a_decision_cannot_be_dropped(meeting, hospital, chairman):
    decision = make_decision(meeting, hospital, by=chairman)
    with pytest.raises(ValidationError) as refused:
        decision.item.drop(by=chairman)
    assert refused.value.code == "has_decisions"


def test_a_newly_registered_proposer_is_asked(meeting, chairman):
    proposer = Proposer("tests.extra", "extra", lambda m: [ProposedItem(key="x:1", title="测试议题")], order=99)
    agenda_proposers.add(proposer)
    try:
        meeting.build_agenda(by=chairman)
    finally:
        agenda_proposers._entries.pop("tests.extra")
    assert meeting.items.get().title == "测试议题"


def test_the_registry_refuses_a_proposer_that_cannot_propose():
    assert Proposer("x", "x", None, order=1).problems() == ["propose is not callable"]


def test_proposed_titles_are_in_the_communitys_language_whatever_the_staffs(overdue_decision, meeting, chairman):
    from django.utils import translation

    with translation.override("en"):
        meeting.build_agenda(by=chairman)
    assert meeting.items.get().title.startswith("回头看")
