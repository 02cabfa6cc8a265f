"""A unit's scorecard (decisions owned, done on time) and the on-duty chairman's /me/ panel of overdue decisions."""

from django.urls import reverse

from partners.meeting.scorecard import scorecard_of
from partners.models import Meeting
from tests.factories import make_unit_member
from tests.partners.meeting.fixtures import days, make_decision


def test_a_decision_done_by_its_deadline_is_on_time(members, meeting, hospital, chairman):
    make_decision(meeting, hospital, by=chairman, title="甲").mark_done("已完成", by=chairman)
    make_decision(meeting, hospital, by=chairman, title="乙")
    card = scorecard_of(hospital)
    assert (card["owned"], card["done"], card["on_time"], card["open"]) == (2, 1, 1, 1)


def test_a_decision_done_after_its_deadline_is_late(members, hospital, chairman):
    earlier = Meeting.plan(held_on=days(-30), place="中心", by=chairman)
    decision = make_decision(earlier, hospital, by=chairman, deadline=days(-20), today=days(-30))
    decision.mark_done("超期完成", by=chairman, on=days(-2))
    assert scorecard_of(hospital)["on_time"] == 0


def test_a_units_member_sees_their_units_scorecard(client, hospital, hospital_member):
    client.force_login(hospital_member)
    assert client.get(reverse("partners:scorecard", args=[hospital.pk])).status_code == 200


def test_another_units_member_gets_a_404(client, hospital, housing):
    client.force_login(make_unit_member(housing))
    assert client.get(reverse("partners:scorecard", args=[hospital.pk])).status_code == 404


def test_the_branch_sees_every_scorecard(client, hospital, branch):
    client.force_login(branch)
    assert client.get(reverse("partners:scorecard", args=[hospital.pk])).status_code == 200


def test_the_on_duty_chairman_sees_the_overdue_decisions_on_me(client, members, hospital, chairman):
    earlier = Meeting.plan(held_on=days(-30), place="中心", by=chairman)
    make_decision(earlier, hospital, by=chairman, deadline=days(-3), today=days(-30), title="楼道照明改造")
    client.force_login(chairman)
    assert "落实楼道照明改造" in client.get(reverse("me")).content.decode()


def test_the_branch_gets_no_chairmans_panel(client, members, hospital, chairman, branch):
    earlier = Meeting.plan(held_on=days(-30), place="中心", by=chairman)
    make_decision(earlier, hospital, by=chairman, deadline=days(-3), today=days(-30), title="楼道照明改造")
    client.force_login(branch)
    assert "落实楼道照明改造" not in client.get(reverse("me")).content.decode()


def test_the_branchs_overview_counts_each_units_decisions(client, members, meeting, hospital, housing, chairman,
                                                          branch):
    make_decision(meeting, hospital, by=chairman, title="甲").mark_done("已完成", by=chairman)
    make_decision(meeting, hospital, by=chairman, title="乙")
    client.force_login(branch)
    rows = {unit.name: (unit.owned, unit.done, unit.on_time)
            for unit in client.get(reverse("partners:scorecards")).context["page"]}
    assert rows == {"县人民医院": (2, 1, 1), "县住建局": (0, 0, 0)}


def test_the_overview_is_for_the_branch(client, hospital_member):
    client.force_login(hospital_member)
    assert client.get(reverse("partners:scorecards")).status_code == 403
