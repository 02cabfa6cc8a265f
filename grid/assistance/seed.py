"""Seed 100 assistance pairs with their contacts, and the three-ways records of the year.

Deterministic (dates relative to today) and idempotent: each part is skipped when its records exist; contacts
go through AssistancePair.log_contact().
"""

import datetime
from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from grid.assistance.models import AssistancePair, ServiceRecord
from grid.households.models import Household
from grid.households.seed import office_user
from grid.people.models import GridPost, Person
from grid.people.seed import person
from grid.teams.models import GridTeamMember, TeamKind

PAIRS = 100
SERVICES = [("proxy", "代缴城乡居民医疗保险"), ("proxy", "代办高龄津贴认证"), ("accompany", "陪同办理残疾证"),
            ("accompany", "领着办理低保申请"), ("doorstep", "上门办理养老资格认证"), ("doorstep", "上门代量血压、送药"),
            ("proxy", "代办居住证"), ("doorstep", "上门办理医保卡激活")]


def seed_pairs(rng, today, book, fallback_user):
    if AssistancePair.objects.exists():
        return
    special = list(Household.objects.filter(tags__isnull=False).distinct().select_related("micro_grid__parent")
                   .order_by("pk"))
    rng.shuffle(special)
    by_grid = defaultdict(list)
    for post in GridPost.objects.select_related("person").order_by("pk"):
        by_grid[post.node_id].append(post)
    party = list(GridTeamMember.objects.filter(team=TeamKind.PARTY_MEMBER).select_related("person").order_by("pk"))
    grid3 = [h for h in special if h.micro_grid.parent.code == "NJ-03"][:4]
    chosen = grid3 + [h for h in special if h not in grid3][:PAIRS - len(grid3)]
    for number, household in enumerate(chosen):
        posts = by_grid[household.micro_grid.parent_id]
        workers = [p for p in posts if p.role == GridPost.Role.MICRO_WORKER and household.micro_grid in
                   p.micro_grids.all()] or posts
        kind = rng.choice(["staff", "staff", "party_member", "volunteer"])
        if household in grid3:
            helper, kind = workers[0].person, "staff"  # worker03's own pairs for the demo home page
        elif kind == "party_member":
            helper = party[number % len(party)].person
        elif kind == "volunteer":
            volunteers = [p.person for p in posts if p.role == GridPost.Role.VOLUNTEER]
            helper = volunteers[0] if volunteers else person(book, rng)
        else:
            helper = rng.choice(workers).person
        cadence = rng.choice((14, 30, 30, 30, 60))
        pair, created = AssistancePair.objects.get_or_create(
            helper=helper, household=household, member_name="",
            defaults={"helper_kind": kind, "cadence_days": cadence,
                      "started_on": today - datetime.timedelta(days=rng.randint(90, 330))})
        if not created:
            continue
        day = pair.started_on
        while True:
            day += datetime.timedelta(days=cadence + rng.randint(-5, 12 if number % 5 else 40))
            if day > today:
                break
            pair.log_contact(on=day, how=rng.choice(["visit", "visit", "phone", "service"]),
                             note=rng.choice(["身体状况良好", "帮助联系维修", "送去米油", "协助办理医保", "聊天谈心"]),
                             by=helper.user or fallback_user)


def seed_services(rng, today, fallback_user):
    if ServiceRecord.objects.exists():
        return
    households = list(Household.objects.filter(tags__isnull=False).distinct().order_by("pk")[:400])
    helpers = list(Person.objects.filter(posts__role=GridPost.Role.MICRO_WORKER).distinct().order_by("pk"))
    for _ in range(60):
        way, what = rng.choice(SERVICES)
        household = rng.choice(households)
        ServiceRecord.objects.create(way=way, what=what, household=household, person_name=household.contact_name,
                                     done_on=today - datetime.timedelta(days=rng.randrange(0, 300)),
                                     helper=rng.choice(helpers), recorded_by=fallback_user)


@transaction.atomic
def run(rng, out, context):
    today, office = timezone.localdate(), office_user()
    seed_pairs(rng, today, context["names"], office)
    seed_services(rng, today, office)
    out(f"assistance: {AssistancePair.objects.count()} pairs, {ServiceRecord.objects.count()} three-ways records")
