"""Seed field work: households with special groups, a year of visits, 100 assistance pairs with contacts,
three-ways records, disputes (26 resolved in the community this year), the four teams and a few whistles.

Deterministic (its own seeded rng; dates relative to today) and idempotent: each part is skipped when its
records exist. Households and visits go in with bulk_create (thousands of rows); everything with a state
goes through the model methods.
"""

import datetime
from collections import defaultdict

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from grid.models import (
    AssistancePair,
    Dispute,
    GridNode,
    GridPost,
    GridTeamMember,
    Household,
    HouseholdTag,
    Person,
    ServiceRecord,
    SpecialGroup,
    TeamKind,
    Visit,
    Whistle,
)
from grid.seed import COMPOUNDS, GIVEN, SURNAMES, fictional_phone, person

HOUSEHOLDS_PER_MICRO_GRID = (16, 32)
PAIRS = 100
RESOLVED_THIS_YEAR = 26
WALKED = ["楼道整洁，消防通道畅通", "楼道堆放杂物，已提醒清理", "单元门禁损坏", "路灯不亮", "绿化带有垃圾", ""]
LOOKED = ["家中整洁，生活正常", "电线老化，存在隐患", "老人行动不便", "燃气软管老化", "房屋漏水", "无异常"]
ASKED = ["询问医保缴费情况", "询问就业需求", "询问子女上学情况", "询问身体状况和用药", "询问低保办理进度", ""]
LISTENED = ["希望增加健身器材", "反映小区停车难", "反映噪音扰民", "对社区服务表示满意", "希望开展义诊活动", ""]
OPINIONS = ["", "", "", "建议在小区增设休息座椅", "希望楼道加装扶手", "建议整治小区周边摊贩"]
SERVICES = [("proxy", "代缴城乡居民医疗保险"), ("proxy", "代办高龄津贴认证"), ("accompany", "陪同办理残疾证"),
            ("accompany", "领着办理低保申请"), ("doorstep", "上门办理养老资格认证"), ("doorstep", "上门代量血压、送药"),
            ("proxy", "代办居住证"), ("doorstep", "上门办理医保卡激活")]
DISPUTES = [("neighbours", "楼上漏水殃及楼下，双方就维修费用发生争执"), ("neighbours", "楼道堆物引发邻里口角"),
            ("family", "赡养老人费用分担矛盾"), ("property", "物业费与服务质量纠纷"), ("land", "宅基地边界争议"),
            ("wages", "装修工人工资拖欠"), ("other", "停车位占用纠纷")]
TAG_WEIGHTS = [(SpecialGroup.ELDERLY_ALONE, 6), (SpecialGroup.DISABLED, 3), (SpecialGroup.HARDSHIP_FAMILY, 3),
               (SpecialGroup.HARDSHIP_PARTY_MEMBER, 1), (SpecialGroup.MIGRANT_WORKER, 3),
               (SpecialGroup.DISASTER_HIT, 1)]


def _name(rng):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def seed_households(rng):
    micro_grids = list(GridNode.objects.filter(kind=GridNode.Kind.MICRO_GRID).select_related("parent").order_by("code"))
    done = set(Household.objects.values_list("micro_grid_id", flat=True).distinct())
    created, tags = [], []
    for node in micro_grids:
        if node.pk in done:
            continue
        grid_number, micro_number = (int(part) for part in node.code.split("-")[1:3])
        compound = COMPOUNDS[(grid_number - 1) % len(COMPOUNDS)]
        building = str((micro_number - 1) % 12 + 1 + (12 if micro_number > 12 else 0))
        rooms = [(str(unit), f"{floor}0{door}") for unit in (1, 2, 3) for floor in range(1, 7) for door in (1, 2)]
        for unit, room in sorted(rng.sample(rooms, rng.randint(*HOUSEHOLDS_PER_MICRO_GRID))):
            created.append(Household(micro_grid=node, compound=compound, building=building, unit_number=unit,
                                     room=room, people=rng.choice((1, 2, 2, 3, 3, 4, 5)), contact_name=_name(rng),
                                     contact_phone=fictional_phone(rng)))
            tags.append([group for group, weight in TAG_WEIGHTS if rng.random() < weight / 100])
    Household.objects.bulk_create(created, batch_size=500)
    if created:
        by_key = {(h.micro_grid_id, h.unit_number, h.room): h.pk for h in
                  Household.objects.filter(micro_grid__in=[h.micro_grid_id for h in created])}
        HouseholdTag.objects.bulk_create(
            [HouseholdTag(household_id=by_key[(h.micro_grid_id, h.unit_number, h.room)], group=group)
             for h, groups in zip(created, tags, strict=True) for group in groups], batch_size=1000)
    return len(created)


def seed_visits(rng, today, fallback_user):
    if Visit.objects.exists():
        return 0
    workers = {}
    for post in GridPost.objects.filter(role=GridPost.Role.MICRO_WORKER).select_related("person").prefetch_related(
            "micro_grids").order_by("pk"):
        for micro in post.micro_grids.all():
            workers.setdefault(micro.pk, post.person)
    visits = []
    month_start = today.replace(day=1)
    for household_id, micro_id in Household.objects.order_by("pk").values_list("pk", "micro_grid_id"):
        worker = workers.get(micro_id)
        if worker is None or rng.random() < 0.04:
            continue  # a few households nobody has reached yet
        for months_back in range(12):
            # This month only as far as it has gone: on the 2nd, 45 % of households would be a week's work a day.
            chance = 0.45 * max(today.day, 3) / 30 if months_back == 0 else 0.3
            if rng.random() >= chance:
                continue
            start = (month_start - datetime.timedelta(days=1)).replace(day=1) if months_back else month_start
            for _ in range(months_back - 1):
                start = (start - datetime.timedelta(days=1)).replace(day=1)
            end = today if months_back == 0 else (start + datetime.timedelta(days=32)).replace(day=1) - \
                datetime.timedelta(days=1)
            day = start + datetime.timedelta(days=rng.randrange((end - start).days + 1))
            visits.append(Visit(household_id=household_id, worker=worker, visited_on=day,
                                walked=rng.choice(WALKED), looked=rng.choice(LOOKED), asked=rng.choice(ASKED),
                                listened=rng.choice(LISTENED), opinions=rng.choice(OPINIONS),
                                recorded_by_id=worker.user_id or fallback_user.pk))
    Visit.objects.bulk_create(visits, batch_size=1000)
    return len(visits)


def seed_teams(rng, book):
    if GridTeamMember.objects.exists():
        return
    from partners.models import UnitMembership

    party_members = list(UnitMembership.objects.order_by("pk").values_list("person_id", flat=True))
    rows = []
    for index, grid in enumerate(GridNode.objects.filter(kind=GridNode.Kind.GRID).order_by("code")):
        staff = GridPost.objects.filter(node=grid, role__in=[GridPost.Role.LEADER, GridPost.Role.MICRO_WORKER])
        rows += [GridTeamMember(team=TeamKind.COMMUNITY_WORKER, grid=grid, person_id=person_id)
                 for person_id in staff.values_list("person_id", flat=True).distinct()]
        for offset in range(2):  # each unit party member reports to one or two grids
            rows.append(GridTeamMember(team=TeamKind.DUAL_REPORT, grid=grid,
                                       person_id=party_members[(2 * index + offset) % len(party_members)]))
        rows += [GridTeamMember(team=TeamKind.HOMEOWNERS, grid=grid, person=person(book, rng)) for _ in range(2)]
        rows += [GridTeamMember(team=TeamKind.PARTY_MEMBER, grid=grid, person=person(book, rng, party=True))
                 for _ in range(rng.randint(2, 3))]
    # The demo logins of the county hospital report to grid 3, where worker03 serves.
    grid3 = GridNode.objects.get(code="NJ-03")
    for username in ("hospital1", "hospital2"):
        found = Person.objects.filter(user__username=username).first()
        if found:
            rows.append(GridTeamMember(team=TeamKind.DUAL_REPORT, grid=grid3, person=found))
    GridTeamMember.objects.bulk_create(rows, ignore_conflicts=True)


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
                                         parties=f"{_name(rng)}、{_name(rng)}", found_on=found,
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
    today = timezone.localdate()
    book = context["names"]
    office = get_user_model().objects.filter(username="branch").first() or \
        get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    households = seed_households(rng)
    visits = seed_visits(rng, today, office)
    seed_teams(rng, book)
    seed_pairs(rng, today, book, office)
    seed_services(rng, today, office)
    seed_disputes(rng, today, office)
    seed_whistles(rng, office)
    out(f"field work: {Household.objects.count()} households (+{households}), {Visit.objects.count()} visits "
        f"(+{visits}), {AssistancePair.objects.count()} pairs, {ServiceRecord.objects.count()} three-ways records, "
        f"{Dispute.objects.resolved_in_community().count()} disputes resolved this year, "
        f"{GridTeamMember.objects.count()} team members, {Whistle.objects.count()} whistles")
