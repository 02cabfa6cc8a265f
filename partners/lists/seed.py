"""Seed the three lists for a realistic year: every unit with resources, ~40 needs (15 fulfilled this year),
8 livelihood projects with milestones, and claims in every state, all through the model methods.

Deterministic (rng, dates relative to today) and idempotent: skipped when needs exist.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from grid.territory.models import GridNode
from grid.visits.models import Visit
from partners.lists.claims import Claim
from partners.lists.models import Milestone, Need, Project, Resource
from partners.units.models import Category, Unit

RESOURCES = {  # duty category → (kind, title, quantity, measure, when)
    "health": ("service", "义诊和健康讲座", 12, "场", "每月第二个周六上午"),
    "policy": ("people", "政策宣讲志愿者", 10, "人", "工作日下午"),
    "other": ("venue", "会议室和活动场地", 4, "场", "周末"),
    "mediation": ("people", "调解员和民警进网格", 8, "人次", "每周三"),
    "legal": ("service", "法律咨询", 24, "人次", "每周三下午"),
    "facilities": ("people", "维修人员上门", 20, "人次", "工作日"),
    "employment": ("service", "招聘岗位和就业培训", 60, "个", "每季度"),
    "hardship": ("goods", "米油等慰问物资", 100, "份", "节假日前"),
    "sanitation": ("people", "环境整治人员", 15, "人次", "每月社区活动日"),
}
NEEDS = [  # (category, title, quantity, measure)
    ("facilities", "楼道灯维修", 6, "处"), ("facilities", "单元门禁更换", 2, "套"),
    ("health", "老人上门体检", 30, "人"), ("health", "慢性病用药指导", 1, "场"),
    ("hardship", "困难家庭节日慰问", 20, "份"), ("employment", "就业技能培训", 1, "期"),
    ("sanitation", "绿化带垃圾清理", 2, "次"), ("legal", "房屋继承法律咨询", 3, "人次"),
    ("policy", "医保缴费政策讲解", 1, "场"), ("mediation", "停车纠纷调解", 1, "次"),
    ("other", "休息座椅增设", 4, "张"), ("facilities", "楼道扶手加装", 3, "处"),
]
PROJECTS = [
    ("老旧小区楼道灯改造", "为老旧小区更换节能楼道灯，解决夜间出行照明问题。", 48000),
    ("小区健身器材更新", "更新破损健身器材，方便居民锻炼。", 36000),
    ("居家养老助餐点", "为高龄、独居老人提供助餐服务。", 80000),
    ("雨污分流管网改造", "改造小区雨污管网，解决雨季积水。", 260000),
    ("社区四点半课堂", "放学后为双职工家庭孩子提供看护和辅导。", 20000),
    ("河道沿岸绿化提升", "补植河道沿岸绿化，设置护栏和警示牌。", 120000),
    ("无障碍通道建设", "在单元入口建设无障碍坡道。", 54000),
    ("小区停车位规划", "重新施划停车位，缓解停车难。", 30000),
]


def seed_resources(units, grids, rng):
    for unit in units:
        for code in unit.duty_codes:
            kind, title, quantity, measure, when = RESOURCES[code]
            resource = Resource.objects.create(unit=unit, kind=kind, title=title, quantity=quantity, measure=measure,
                                               available=when)
            resource.grids.set(rng.sample(grids, 3))


def _claim_through(claim, stage, rng, when, branch):
    """Move a fresh claim along: 0 claimed, 1 delivered, 2 verified, -1 withdrawn."""
    if stage == -1:
        claim.withdraw("本单位人手调整，暂无法承接", by=None)
    if stage >= 1:
        claim.deliver("已按时完成，居民满意", by=None, on=min(when.date() + datetime.timedelta(days=rng.randint(3, 12)),
                                                     timezone.localdate()))
    if stage >= 2:
        claim.verify(by=branch, at=min(when + datetime.timedelta(days=rng.randint(14, 20)), timezone.now()))


def seed_needs(units, grids, rng, now, branch):
    by_code = {code: [u for u in units if code in u.duty_codes] for code in RESOURCES}
    categories = {c.code: c for c in Category.objects.all()}
    # Stages: 15 fulfilled this year, then delivered, claimed, withdrawn and never claimed.
    stages = [2] * 15 + [1] * 6 + [0] * 8 + [-1] * 3 + [None] * 8
    for number, stage in enumerate(stages):
        code, title, quantity, measure = NEEDS[number % len(NEEDS)]
        micro = rng.choice(grids).get_children()[0] if rng.random() < 0.5 else None
        grid = micro or rng.choice(grids)
        created = now - datetime.timedelta(days=330 - 8 * number + rng.randint(0, 4))
        need = Need.raise_need(title=title, category=categories[code], grid=grid, quantity=quantity, measure=measure,
                               urgency=rng.choice(list(Need.Urgency.values)), asked_count=rng.randint(1, 9),
                               description=f"{grid.name}居民反映：{title}。")
        Need.objects.filter(pk=need.pk).update(created_at=created, created_by=branch)
        if rng.random() < 0.4:  # raised from opinions heard on visits in its grid
            need.visits.set(Visit.objects.filter(household__micro_grid__in=GridNode.objects.subtree_of([grid]))
                            .order_by("-visited_on", "pk")[:2])
        if stage is None:
            continue
        unit = rng.choice(by_code[code] or units)
        resource = unit.resources.filter(kind=RESOURCES[code][0]).first()
        claim = Claim.make(need, unit, quantity, by=branch, resource=resource,
                           at=created + datetime.timedelta(days=rng.randint(1, 5)))
        _claim_through(claim, stage, rng, claim.claimed_at, branch)


def seed_projects(units, grids, rng, today, branch):
    for number, (title, goal, budget) in enumerate(PROJECTS):
        lead = units[(3 * number) % len(units)]
        approved = today - datetime.timedelta(days=300 - 30 * number)
        project = Project.objects.create(title=title, goal=goal, budget=budget, lead_unit=lead, approved_on=approved,
                                         quantity=2, measure="家单位", created_by=branch)
        project.grids.set(rng.sample(grids, 2))
        for step, name in enumerate(["方案设计", "施工", "验收"]):
            due = approved + datetime.timedelta(days=60 * (step + 1))
            milestone = Milestone.objects.create(project=project, title=name, due_on=due)
            # Most are on time; every third project is behind: its next milestone is past and not done.
            if due < today and (number % 3 or step == 0):
                milestone.mark_done(due, by=branch)
        partner = units[(3 * number + 7) % len(units)]
        claim = Claim.make(project, partner, 1, by=branch,
                           at=timezone.make_aware(datetime.datetime.combine(approved, datetime.time(10))))
        _claim_through(claim, [2, 1, 0, -1][number % 4], rng, claim.claimed_at, branch)


@transaction.atomic
def run(rng, out, context):
    if Need.objects.exists():
        out(f"three lists: {Need.objects.count()} needs already there, nothing added")
        return
    now, today = timezone.now(), timezone.localdate()
    branch = get_user_model().objects.filter(username="branch").first()
    units = list(Unit.objects.filter(active=True).prefetch_related("duties").order_by("pk"))
    for unit in units:
        unit.duty_codes = [duty.code for duty in unit.duties.all() if duty.code in RESOURCES] or ["other"]
    grids = list(GridNode.objects.of_community().filter(kind=GridNode.Kind.GRID).order_by("code"))
    seed_resources(units, grids, rng)
    seed_needs(units, grids, rng, now, branch)
    seed_projects(units, grids, rng, today, branch)
    out(f"three lists: {Resource.objects.count()} resources, {Need.objects.count()} needs "
        f"({Need.objects.fulfilled_in().count()} fulfilled this year), {Project.objects.count()} projects "
        f"({Project.objects.behind_schedule().count()} behind schedule), {Claim.objects.count()} claims")
