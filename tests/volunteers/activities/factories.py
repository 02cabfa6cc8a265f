"""Plain factories for activity day: a month's plan, an item or ordinary activity, a team, a volunteer with a login."""

import datetime
import itertools

from django.utils import timezone

from grid.models import GridNode, Person
from tests.factories import make_person, make_user
from volunteers.models import Activity, ActivityDay, Team, TeamMember

_serial = itertools.count(1)


def at(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def make_team(colour="red", leader=None):
    team, _created = Team.objects.get_or_create(colour=colour, defaults={"name": f"{colour}队"})
    if leader is not None:
        TeamMember.objects.create(team=team, person=leader.person, is_leader=True)
    return team


def make_volunteer(username=None):
    """A party member with a login (no role: anyone with a person signs up)."""
    person = make_person(political_status=Person.PoliticalStatus.PARTY_MEMBER, name=f"志愿者{next(_serial)}")
    return make_user(username, person=person)


def make_activity(grids=("NJ-01",), plan=None, **fields):
    """An ordinary activity next week, 9:00–11:00, 3 places (override what a test needs)."""
    day = fields.pop("on", timezone.localdate() + datetime.timedelta(days=7))
    fields.setdefault("title", f"活动{next(_serial)}")
    fields.setdefault("starts", at(day, 9))
    fields.setdefault("ends", at(day, 11))
    fields.setdefault("capacity", 3)
    fields.setdefault("place", "党群服务中心")
    activity = Activity(plan=plan, **fields)
    activity.full_clean(exclude=["token"])
    activity.save()
    activity.grids.set(GridNode.objects.filter(code__in=grids))
    return activity


def make_published_plan(branch, month=None, **fields):
    """This month's plan with one item for every grid (NJ-01, NJ-02), published."""
    plan = ActivityDay.for_month(month or timezone.localdate())
    item = make_activity(grids=("NJ-01", "NJ-02"), plan=plan, **fields)
    plan.publish(by=branch)
    return plan, item
