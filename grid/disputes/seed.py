"""Seed the dispute register: 26 resolved in the community this year, a few mediating, one referred upward.

Deterministic (dates relative to today) and idempotent: skipped when disputes exist; every state change goes
through the Dispute methods, with back-dated times so the history reads in order.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from grid.disputes.models import Dispute
from grid.households.seed import office_user
from grid.people.models import GridPost, Person
from grid.territory.models import GridNode
from nanjie.seeding import fictional_name

RESOLVED_THIS_YEAR = 26
DISPUTES = [("neighbours", "楼上漏水殃及楼下，双方就维修费用发生争执"), ("neighbours", "楼道堆物引发邻里口角"),
            ("family", "赡养老人费用分担矛盾"), ("property", "物业费与服务质量纠纷"), ("land", "宅基地边界争议"),
            ("wages", "装修工人工资拖欠"), ("other", "停车位占用纠纷")]


def _moment(day, hour):
    """A past moment on that day (never later than now), so a record's history reads in order."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    return min(moment, timezone.now())


def seed_disputes(rng, today, fallback_user):
    if Dispute.objects.exists():
        return
    micro_grids = list(GridNode.objects.filter(kind=GridNode.Kind.MICRO_GRID).order_by("code"))
    mediators = list(Person.objects.filter(posts__role=GridPost.Role.LEADER).order_by("pk"))
    year_start = today.replace(month=1, day=1)
    for number in range(RESOLVED_THIS_YEAR + 8):
        kind, summary = rng.choice(DISPUTES)
        found = year_start + datetime.timedelta(days=rng.randrange(0, max(1, (today - year_start).days - 10)))
        dispute = Dispute.objects.create(micro_grid=rng.choice(micro_grids), kind=kind, summary=summary,
                                         parties=f"{fictional_name(rng)}、{fictional_name(rng)}", found_on=found,
                                         registered_by=fallback_user)
        if number < RESOLVED_THIS_YEAR + 5:
            dispute.start_mediation(rng.choice(mediators), by=fallback_user, at=_moment(found, 15))
        if number < RESOLVED_THIS_YEAR:
            resolved = min(today, found + datetime.timedelta(days=rng.randint(1, 10)))
            dispute.resolve("经网格调解，双方达成一致", by=fallback_user, on=resolved, at=_moment(resolved, 17),
                            follow_up_on=resolved + datetime.timedelta(days=30))
        elif number == RESOLVED_THIS_YEAR + 4:
            dispute.refer("县司法局人民调解委员会", by=fallback_user, note="涉及金额较大，移交上级调解",
                          at=_moment(found + datetime.timedelta(days=3), 10))


@transaction.atomic
def run(rng, out, context):
    seed_disputes(rng, timezone.localdate(), office_user())
    out(f"disputes: {Dispute.objects.count()}, {Dispute.objects.resolved_in_community().count()} resolved in the "
        "community this year")
