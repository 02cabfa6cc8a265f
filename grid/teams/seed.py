"""Seed the four teams of every grid and a few whistles: one closed after the rain, two open.

Deterministic and idempotent (each part is skipped when its records exist); whistles go through
Whistle.report_in() and Whistle.close().
"""

import datetime

from django.db import transaction
from django.utils import timezone

from grid.households.seed import office_user
from grid.people.models import GridPost
from grid.people.seed import person
from grid.teams.models import GridTeamMember, TeamKind, Whistle
from grid.territory.models import GridNode


def seed_teams(rng, book):
    """Community workers (the grid's staff), two homeowners' committee members and two or three party members
    for every grid; the units' "dual report" party members are added by the partners' seed."""
    if GridTeamMember.objects.exclude(team=TeamKind.DUAL_REPORT).exists():
        return
    rows = []
    for grid in GridNode.objects.filter(kind=GridNode.Kind.GRID).order_by("code"):
        staff = GridPost.objects.filter(node=grid, role__in=[GridPost.Role.LEADER, GridPost.Role.MICRO_WORKER])
        rows += [GridTeamMember(team=TeamKind.COMMUNITY_WORKER, grid=grid, person_id=person_id)
                 for person_id in staff.values_list("person_id", flat=True).distinct()]
        rows += [GridTeamMember(team=TeamKind.HOMEOWNERS, grid=grid, person=person(book, rng)) for _ in range(2)]
        rows += [GridTeamMember(team=TeamKind.PARTY_MEMBER, grid=grid, person=person(book, rng, party=True))
                 for _ in range(rng.randint(2, 3))]
    GridTeamMember.objects.bulk_create(rows, ignore_conflicts=True)


def seed_whistles(rng, fallback_user):
    if Whistle.objects.exists():
        return
    now = timezone.now().replace(second=0, microsecond=0)
    grid3, grid5 = GridNode.objects.get(code="NJ-03"), GridNode.objects.get(code="NJ-05")
    closed = Whistle.objects.create(grid=grid5, what="暴雨后小区积水，需疏通排水沟", where="荷花苑3幢后侧",
                                    when=now - datetime.timedelta(days=20), urgency=Whistle.Urgency.URGENT,
                                    blown_by=fallback_user)
    # Blown when the rain came, not when the seed ran: the report-ins follow it (auto_now_add set "now").
    Whistle.objects.filter(pk=closed.pk).update(blown_at=closed.when - datetime.timedelta(minutes=30))
    for member in GridTeamMember.objects.filter(grid=grid5).select_related("person").order_by("pk")[:4]:
        closed.report_in(member.person, "已到场参与疏通", at=now - datetime.timedelta(days=20, hours=-1))
    closed.close("排水沟已疏通，积水排净", by=fallback_user)
    Whistle.objects.create(grid=grid3, what="独居老人家中燃气泄漏隐患排查", where="文化路小区5幢",
                           when=now + datetime.timedelta(hours=3), urgency=Whistle.Urgency.URGENT,
                           blown_by=fallback_user)
    Whistle.objects.create(grid=GridNode.objects.get(code="NJ-12"), what="社区活动日环境整治", where="阳光新城广场",
                           when=now + datetime.timedelta(days=2), blown_by=fallback_user)


@transaction.atomic
def run(rng, out, context):
    seed_teams(rng, context["names"])
    seed_whistles(rng, office_user())
    out(f"teams: {GridTeamMember.objects.count()} four-teams members, {Whistle.objects.count()} whistles")
