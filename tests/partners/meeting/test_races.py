"""The joint meeting raced on PostgreSQL, real threads, one connection each: eight people reporting one decision
done at once (one wins, one audit row), eight presses of "build the agenda" (each item once), and confirmations
racing decisions (nothing slips into confirmed minutes)."""


import pytest

from partners.models import Decision, DecisionEvent, Meeting
from tests.conftest import requires_postgres
from tests.factories import make_unit_member
from tests.partners.meeting.fixtures import days, make_decision
from tests.races import together

pytestmark = [requires_postgres, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
ACTORS = 8


def test_of_eight_members_reporting_a_decision_done_exactly_one_does(meeting, hospital, chairman):
    decision = make_decision(meeting, hospital, by=chairman)
    reporters = [make_unit_member(hospital) for _ in range(ACTORS)]
    results, refused = together([
        lambda user=user: Decision.objects.get(pk=decision.pk).mark_done(f"{user.pk}完成", by=user)
        for user in reporters])
    assert len(results) == 1
    assert refused == ["state"] * (ACTORS - 1)


def test_a_raced_decision_has_one_done_row(meeting, hospital, chairman):
    decision = make_decision(meeting, hospital, by=chairman)
    reporters = [make_unit_member(hospital) for _ in range(ACTORS)]
    together([lambda user=user: Decision.objects.get(pk=decision.pk).mark_done("完成", by=user)
               for user in reporters])
    assert DecisionEvent.objects.filter(decision=decision, new_state="done").count() == 1


def test_eight_presses_of_build_add_each_proposed_item_once(members, hospital, chairman):
    earlier = Meeting.plan(held_on=days(-30), place="中心", by=chairman)
    for number in range(3):
        make_decision(earlier, hospital, by=chairman, title=f"议题{number}", today=days(-30))
    upcoming = Meeting.plan(held_on=days(3), place="中心", by=chairman)
    results, refused = together([lambda: Meeting.objects.get(pk=upcoming.pk).build_agenda(by=chairman)
                                  for _ in range(ACTORS)])
    assert sorted(results) == [0] * (ACTORS - 1) + [3]
    assert upcoming.items.count() == 3


def test_decisions_racing_a_confirmation_never_land_in_confirmed_minutes(meeting, members, hospital, chairman):
    meeting.record_attendance([members[0].pk], by=chairman)
    meeting.write_minutes("纪要", by=chairman)
    items = [meeting.add_item(f"议题{number}", by=chairman) for number in range(ACTORS - 1)]
    calls = [lambda item=item: Decision.decide(item, text="决定", unit=hospital, deadline=days(5), by=chairman)
             for item in items]
    calls.append(lambda: Meeting.objects.get(pk=meeting.pk).confirm_minutes(by=chairman))
    together(calls)
    meeting.refresh_from_db()
    landed_after = Decision.objects.filter(item__meeting=meeting, decided_at__gt=meeting.minutes_confirmed_at)
    assert meeting.is_confirmed
    assert not landed_after.exists()
