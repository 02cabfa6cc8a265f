"""Seed a year of visits (一走、一看、一问、一听): each household by the worker covering its micro-grid.

Deterministic (dates relative to today) and idempotent: skipped when visits exist. Bulk-created.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from grid.households.models import Household
from grid.households.seed import office_user
from grid.people.models import GridPost
from grid.visits.models import Visit

WALKED = ["楼道整洁，消防通道畅通", "楼道堆放杂物，已提醒清理", "单元门禁损坏", "路灯不亮", "绿化带有垃圾", ""]
LOOKED = ["家中整洁，生活正常", "电线老化，存在隐患", "老人行动不便", "燃气软管老化", "房屋漏水", "无异常"]
ASKED = ["询问医保缴费情况", "询问就业需求", "询问子女上学情况", "询问身体状况和用药", "询问低保办理进度", ""]
LISTENED = ["希望增加健身器材", "反映小区停车难", "反映噪音扰民", "对社区服务表示满意", "希望开展义诊活动", ""]
OPINIONS = ["", "", "", "建议在小区增设休息座椅", "希望楼道加装扶手", "建议整治小区周边摊贩"]


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


@transaction.atomic
def run(rng, out, context):
    added = seed_visits(rng, timezone.localdate(), office_user())
    out(f"visits: {Visit.objects.count()} (+{added})")
