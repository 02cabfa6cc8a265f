"""A hand-counted community for the figures and the three rates: October 2026, with the National Day week.

Two grids (NJ-01, NJ-02), two micro-grids each (staff_world.world). The 2026 calendar (chinese-calendar): 25 Sep
(Fri) Mid-autumn, 1–7 Oct National Day, Sat 10 Oct a make-up working day. The category gives 2 working days to
respond and 3 to close.

Requests (hand-counted in the docstrings of the rates tests):
  A  ordered Wed 30 Sep 10:00 → respond by Fri 9 Oct; dispatched Thu 8 Oct (in time), deadline Mon 12 Oct
     (8, 9, Sat 10 Oct make-up); closed 12 Oct (in time); rated satisfied 13 Oct.            grid 1
  B  ordered Wed 30 Sep 11:00 → respond by 9 Oct; dispatched Sat 10 Oct (late), deadline Wed 14 Oct; accepted,
     never closed: overdue.                                                                   grid 2
  C  ordered Tue 20 Oct → respond by Thu 22 Oct; marked invalid the same day (acted on in time). grid 1
  D  ordered Fri 25 Sep (Mid-autumn) → respond by Tue 29 Sep (September); dispatched Mon 28 Sep, deadline
     Thu 8 Oct (29, 30 Sep, 8 Oct); closed Fri 9 Oct (late); rated basically satisfied 15 Oct. grid 1
October: response 2 / 3 (A, C; B late), resolution 1 / 3 (A; B open, D late), satisfaction 2 / 2, unrated 0.
"""

import datetime
from types import SimpleNamespace

from django.utils import timezone

from grid.households.models import SpecialGroup
from grid.models import AssistancePair, Dispute, GridNode, ServiceRecord
from nanjie.figures import Period
from requests.models import Request
from tests.grid.factories import make_household, make_visit
from tests.requests.staff_world import order, world

OCTOBER = Period.month(2026, 10)
D = datetime.date


def at(month, day, hour=10):
    return timezone.make_aware(datetime.datetime(2026, month, day, hour))


def _ordered(w, when, code):
    wish = order(w, code=code)
    Request.objects.filter(pk=wish.pk).update(ordered_at=when)
    wish.refresh_from_db()
    return wish


def _rated(wish, rating, when):
    wish.rate(rating)
    Request.objects.filter(pk=wish.pk).update(rated_at=when)


def requests(w):
    w.category.default_deadline_days, w.category.response_workdays = 3, 2
    w.category.save(update_fields=["default_deadline_days", "response_workdays"])
    a = _ordered(w, at(9, 30), "NJ-01-01")
    a.dispatch(w.hospital, by=w.chairman, at=at(10, 8, 9))
    a.accept(w.nurse.person, by=w.nurse, at=at(10, 8, 11))
    a.close("已上门测量", by=w.nurse, closed_at=at(10, 12, 15))
    _rated(a, Request.Rating.SATISFIED, at(10, 13))
    b = _ordered(w, at(9, 30, 11), "NJ-02-01")
    b.dispatch(w.hospital, by=w.chairman, at=at(10, 10, 9))
    b.accept(w.nurse.person, by=w.nurse, at=at(10, 10, 11))
    c = _ordered(w, at(10, 20), "NJ-01-02")
    c.mark_invalid("重复提交", by=w.chairman, at=at(10, 20, 11))
    d = _ordered(w, at(9, 25), "NJ-01-01")
    d.dispatch(w.hospital, by=w.chairman, at=at(9, 28, 9))
    d.accept(w.nurse.person, by=w.nurse, at=at(9, 28, 11))
    d.close("已协调医生上门", by=w.nurse, closed_at=at(10, 9, 15))
    _rated(d, Request.Rating.BASICALLY, at(10, 15))
    return SimpleNamespace(a=a, b=b, c=c, d=d)


def field_work(w):
    """October: 4 disputes resolved (3 in grid 1), 2 doorstep services (grid 1), 2 pairs by 31 Oct, 1 household
    of the named groups visited (twice), 1 disaster-hit household visited."""
    user, helper = w.worker1, w.worker1.person
    micro = {code: GridNode.objects.get(code=code) for code in ("NJ-01-01", "NJ-02-01")}

    def dispute(code, **fields):
        Dispute.objects.create(micro_grid=micro[code], kind=Dispute.Kind.NEIGHBOURS, parties="王某、李某",
                               summary="楼上漏水", registered_by=user, found_on=D(2026, 9, 1), **fields)

    for _index in range(3):
        dispute("NJ-01-01", state=Dispute.State.RESOLVED, resolved_on=D(2026, 10, 12))
    dispute("NJ-02-01", state=Dispute.State.RESOLVED, resolved_on=D(2026, 10, 31))
    dispute("NJ-01-01", state=Dispute.State.RESOLVED, resolved_on=D(2026, 9, 30))  # September
    dispute("NJ-01-01", state=Dispute.State.REFERRED, referred_to="县司法局")  # not resolved in the community
    lonely = make_household("NJ-01-01", groups=[SpecialGroup.ELDERLY_ALONE, SpecialGroup.DISABLED])
    flooded = make_household("NJ-02-01", groups=[SpecialGroup.DISASTER_HIT])
    migrant = make_household("NJ-01-01", groups=[SpecialGroup.MIGRANT_WORKER])
    make_household("NJ-01-01", groups=[SpecialGroup.ELDERLY_ALONE])  # never visited
    for household, day in ((lonely, 8), (lonely, 20), (flooded, 9), (migrant, 9)):
        visit = make_visit(household, user)
        visit.visited_on = D(2026, 10, day)
        visit.save(update_fields=["visited_on"])

    def service(way, day, household=lonely):
        ServiceRecord.objects.create(way=way, what="代缴医保", household=household, done_on=day, helper=helper,
                                     recorded_by=user)

    service(ServiceRecord.Way.DOORSTEP, D(2026, 10, 9))
    service(ServiceRecord.Way.DOORSTEP, D(2026, 10, 30))
    service(ServiceRecord.Way.PROXY, D(2026, 10, 9))
    service(ServiceRecord.Way.DOORSTEP, D(2026, 11, 2))
    AssistancePair.objects.create(helper=helper, helper_kind="staff", household=lonely, started_on=D(2026, 1, 5))
    AssistancePair.objects.create(helper=helper, helper_kind="staff", household=flooded, started_on=D(2026, 3, 1))
    AssistancePair.objects.create(helper=helper, helper_kind="staff", household=migrant, started_on=D(2026, 2, 1),
                                  active=False)
    AssistancePair.objects.create(helper=helper, helper_kind="staff", household=migrant, started_on=D(2026, 11, 1),
                                  member_name="王小明")


# figure name → October's hand count, community-wide and for worker01 (grid 1 only)
EXPECTED = {
    # worker01 helps in every pair, so reaches both (grid/assistance: a helper always sees their pairs).
    "grid.disputes": (4, 3), "grid.doorstep": (2, 2), "grid.pairs": (2, 2), "grid.visited": (1, 1),
    "grid.disaster": (1, 0), "requests.received": (1, 1), "requests.fulfilled": (2, 2), "requests.jobs": (0, 0),
    "volunteers.sessions": (0, 0), "volunteers.served": (0, 0),
}


def numbers_world():
    w = world()
    w.requests = requests(w)
    field_work(w)
    return w
