"""The joint meeting's personas: six committee members (the first on duty this month, with a login), the branch
admin, unit "county hospital" with a party member, and a meeting today at the service centre."""

import datetime

import pytest
from django.utils import timezone

from grid.models import Person
from partners.models import AgendaItem, CommitteeMember, Decision, Meeting
from tests.factories import make_branch_admin, make_chairman, make_person, make_tree, make_unit, make_unit_member


@pytest.fixture
def tree(db):
    return make_tree(grids=2, micro_per_grid=2)


@pytest.fixture
def chairman(tree):
    return make_chairman("chair")


@pytest.fixture
def members(chairman):
    """The six active committee members, the on-duty chairman first."""
    others = [CommitteeMember.objects.create(person=make_person(political_status=Person.PoliticalStatus.PARTY_MEMBER))
              for _ in range(5)]
    return [chairman.person.committee_seat, *others]


@pytest.fixture
def branch(tree):
    return make_branch_admin("branch")


@pytest.fixture
def hospital(db):
    return make_unit(name="县人民医院")


@pytest.fixture
def housing(db):
    return make_unit(name="县住建局")


@pytest.fixture
def hospital_member(hospital):
    return make_unit_member(hospital, "hospital1")


@pytest.fixture
def meeting(members, chairman):
    return Meeting.plan(held_on=timezone.localdate(), place="党群服务中心", by=chairman)


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def make_decision(meeting, unit, *, by, deadline=None, title="楼道照明改造", today=None):
    item = meeting.add_item(title, by=by) or AgendaItem.objects.get(meeting=meeting, title=title)
    return Decision.decide(item, text=f"落实{title}", unit=unit, deadline=deadline or days(10), by=by, today=today)


def earlier_meeting(members, by, days_ago=40):
    return Meeting.plan(held_on=days(-days_ago), place="党群服务中心", by=by)
