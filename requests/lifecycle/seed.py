"""Seed a realistic year of micro-wishes through the model methods: every state and side path.

Each request is ordered with Request.order and moved only by the transition methods, with back-dated
times. `order` and `rate` stamp "now", so their timestamps (and the reference's year) are set back
afterwards with a plain UPDATE: the only writes here that bypass a method, and they change no state.
Skips entirely when requests exist, so a second run changes nothing.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

COUNT = 360
TEXTS = {
    "sanitation": ["{place}垃圾桶满了好几天没人清运，气味很大。", "{place}楼道里堆了很多杂物，影响通行。",
                   "{place}下水道堵塞，污水冒到路面上。", "{place}门口的绿化带里有人乱倒建筑垃圾。"],
    "facilities": ["{place}路灯坏了一个多星期，晚上出门很黑。", "{place}单元门的门禁坏了，关不上。",
                   "{place}健身器材松动，老人孩子用着不安全。", "{place}小区水管漏水，地面一直是湿的。"],
    "mediation": ["{place}楼上邻居晚上噪音大，沟通了几次没有改善。", "{place}两户人家因为停车位发生争执。",
                  "{place}邻居在公共区域养鸡，引起其他住户不满。"],
    "employment": ["家里孩子大学毕业半年还没找到工作，想了解招聘信息。", "本人下岗在家，想参加技能培训再就业。",
                   "想在{place}附近找一份能照顾家里的零工。"],
    "health": ["家中老人行动不便，希望有医生上门量血压。", "想了解慢性病门诊报销怎么办理。",
               "独居老人需要定期测血糖，希望社区帮忙联系。"],
    "legal": ["房屋租赁合同到期房东不退押金，想咨询怎么办。", "工地拖欠工资，想了解怎么维权。",
              "家里老人想立遗嘱，需要法律指导。"],
    "policy": ["想了解城乡居民医疗保险今年怎么缴费。", "孩子上学的入学政策想咨询一下。",
               "老年人高龄补贴怎么申请？"],
    "hardship": ["家里老人生病住院，生活比较困难，希望得到帮助。", "冬天到了，独居老人家里缺少取暖用品。",
                 "低保到期了，想咨询如何续办。"],
    "other": ["希望{place}能组织一次老年人防诈骗讲座。", "{place}想建一个读书角，希望有单位捐书。",
              "希望社区活动日能安排理发服务。"],
}
CLOSURES = {
    "sanitation": "已联系保洁人员清理完毕，并增加了清运频次。", "facilities": "已派人维修，现已恢复正常使用。",
    "mediation": "已组织双方当面调解，达成一致意见。", "employment": "已推荐参加技能培训并提供岗位信息。",
    "health": "已安排医生上门服务，并建立健康档案。", "legal": "律师已提供法律咨询，并指导准备相关材料。",
    "policy": "已上门讲解政策并协助办理。", "hardship": "已送去慰问物资，并协助申请临时救助。",
    "other": "已按居民需求协调安排完成。",
}
RETURN_REASONS = ["该事项不属于本单位职责，建议派给城管执法大队。", "该事项涉及供水管网，应由自来水公司处理。",
                  "本单位无法处理此类事项，请重新派单。"]
INVALID_REASONS = ["与前一条诉求重复，已合并处理。", "内容无法核实，多次联系居民未果。",
                   "属于个人商业纠纷，已告知居民走司法途径。"]
RATINGS = ["satisfied", "satisfied", "satisfied", "basically"]


def _people(context):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    found = {name: User.objects.filter(username=name).first() for name in
             ("chairman", "meeting2", "branch", "worker03", "worker04", "leader03")}
    return found


def _acceptor(unit, groups, cache):
    """A party member of the unit with a login (accepting needs one); the first member gets one if needed."""
    from grid.people.seed import login_for
    from nanjie.roles import UNIT_PARTY_MEMBER

    if unit.pk not in cache:
        membership = unit.memberships.filter(person__user__isnull=False).select_related("person__user").first()
        if membership is None:
            membership = unit.memberships.select_related("person").order_by("pk").first()
            login_for(f"unit{unit.pk:02d}", membership.person, [groups[UNIT_PARTY_MEMBER]], password=None)
            membership.person.refresh_from_db()
        cache[unit.pk] = membership.person
    return cache[unit.pk]


def _backdate(wish, at):
    """order() stamps now; set the request (and its reference year) back to when it was ordered."""
    from requests.lifecycle.models import Request

    reference = f"{settings.COMMUNITY_CODE}-{timezone.localtime(at).year}-{wish.pk:06d}"
    Request.objects.filter(pk=wish.pk).update(ordered_at=at, reference=reference)
    wish.transitions.filter(new_state=Request.State.ORDERED, old_state="").update(at=at)
    wish.refresh_from_db()


@transaction.atomic
def run(rng, out, context):
    from grid.territory.models import GridNode
    from nanjie.roles import ensure_groups
    from nanjie.seeding import fictional_phone
    from partners.units.models import Category, Unit
    from requests.lifecycle.models import Request

    if Request.objects.exists():
        out(f"requests: {Request.objects.count()} requests already there, skipped")
        return
    users = _people(context)
    if not users["chairman"] or not users["branch"]:
        out("requests: no chairman or branch login, skipped")
        return
    groups = context.get("groups") or ensure_groups()
    micro_grids = list(GridNode.objects.filter(kind=GridNode.Kind.MICRO_GRID).select_related("parent").order_by("code"))
    categories = list(Category.objects.filter(active=True).order_by("position", "pk"))
    units = list(Unit.objects.filter(active=True).prefetch_related("duties").order_by("pk"))
    by_category = {c.pk: [u for u in units if c in u.duties.all()] or units for c in categories}
    dispatchers = [u for u in (users["chairman"], users["meeting2"]) if u]
    field_workers = {u.person.posts.first().node_id: u for u in (users["worker03"], users["worker04"])
                     if u and hasattr(u, "person") and u.person.posts.exists()}
    # Each field worker's own micro-grids, once: asking per request cost a query per micro-grid (45 s a seed).
    worker_micro_grids = {worker.pk: [m for m in micro_grids if m.parent_id == node_id] or micro_grids
                          for node_id, worker in field_workers.items()}
    acceptors = {}
    now = timezone.now()
    # Skewed towards recent weeks, as a working queue is: about a quarter from the last month.
    starts = sorted(now - datetime.timedelta(days=0.5 + 364.5 * rng.random() ** 2, minutes=rng.randrange(600))
                    for _ in range(COUNT))
    tally = {}
    for ordered_at in starts:
        category = rng.choice(categories)
        micro = rng.choice(micro_grids)
        channel = rng.choices(["online", "wish_wall", "chairman", "grid_visit"], weights=[50, 15, 20, 15])[0]
        received_by = None
        if channel == "grid_visit":
            worker = field_workers.get(micro.parent_id) or next(iter(field_workers.values()), None)
            if worker is None:
                channel = "chairman"
            else:
                received_by = worker
                micro = rng.choice(worker_micro_grids[worker.pk])
        if channel in ("chairman", "wish_wall"):
            received_by = users["chairman"]
        text = rng.choice(TEXTS.get(category.code, TEXTS["other"])).format(place=micro.name)
        named = rng.random() < 0.7
        wish = Request.order(category=category, text=text, micro_grid=micro, channel=channel,
                             resident_name=context["names"].next() if named else "",
                             resident_phone=fictional_phone(rng) if named and rng.random() < 0.8 else "",
                             received_by=received_by)
        _backdate(wish, ordered_at)
        path = _play(wish, rng, now, users, dispatchers, by_category, groups, acceptors)
        tally[path] = tally.get(path, 0) + 1
    states = dict(Request.objects.order_by().values_list("state").annotate(n=Count("pk")))
    out(f"requests: {COUNT} requests, {Request.objects.overdue().count()} overdue; by state "
        + ", ".join(f"{state} {n}" for state, n in sorted(states.items()))
        + "; paths " + ", ".join(f"{path} {n}" for path, n in sorted(tally.items())))


def _play(wish, rng, now, users, dispatchers, by_category, groups, acceptors):
    """Move one request along a path chosen by its age; return the path's name for the summary."""
    age = (now - wish.ordered_at).days
    clock = [wish.ordered_at]

    def later(low_hours, high_hours):
        # Forward in time, never past now: at most halfway to now.
        step = datetime.timedelta(hours=rng.uniform(low_hours, high_hours))
        clock[0] = min(clock[0] + step, clock[0] + (now - clock[0]) / 2)
        return clock[0]

    roll = rng.random()
    # Young requests are still on their way; old ones have (nearly) all been closed and publicised.
    if age < 3 and roll < 0.5:
        return "ordered"
    if roll < 0.05:
        wish.mark_invalid(rng.choice(INVALID_REASONS), by=rng.choice(dispatchers), at=later(2, 48))
        return "invalid"
    units = by_category[wish.category_id]
    unit = rng.choice(units)
    wish.dispatch(unit, by=rng.choice(dispatchers), at=later(1, 30))
    if roll < 0.13:
        wish.return_to_ordered(rng.choice(RETURN_REASONS), by=_acceptor(unit, groups, acceptors).user,
                               at=later(2, 40))
        if age < 10:
            return "returned"
        unit = rng.choice([u for u in units if u.pk != unit.pk] or units)
        wish.dispatch(unit, by=rng.choice(dispatchers), at=later(1, 24))
    member = _acceptor(unit, groups, acceptors)
    overdue = age > wish.category.default_deadline_days + 3 and roll > 0.95
    if age < 6 and roll < 0.6 or overdue and roll > 0.975:
        return "overdue-dispatched" if wish.is_overdue else "dispatched"
    wish.accept(member, by=member.user, at=later(2, 48))
    if age < 10 and roll < 0.7 or overdue:
        return "overdue-accepted" if wish.is_overdue else "accepted"
    days = wish.category.default_deadline_days
    wish.close(CLOSURES.get(wish.category.code, CLOSURES["other"]), by=member.user,
               closed_at=later(24, 24 * max(1, days - 1)))
    if 0.13 <= roll < 0.18 and age > 20:
        wish.rate("unsatisfied", "问题还没有彻底解决，过几天又出现了。")
        _set_back(wish, later(24, 72), reopened=True)
        wish.close("已再次上门处理，并约定一周后回访，居民表示认可。", by=member.user, closed_at=later(24, 96))
        path = "reopened"
    else:
        path = "closed"
    if age < 14 and roll < 0.8:
        return path
    wish.publicise(wish.suggested_summary(), by=users["branch"], at=later(4, 72))
    if rng.random() < 0.4:
        wish.rate(rng.choice(RATINGS))
        _set_back(wish, later(24, 120))
    return path if path == "reopened" else "publicised"


def _set_back(wish, at, reopened=False):
    """rate() stamps now; set its time (and the reopening row and new deadline it may have written) back."""
    from requests.lifecycle.models import Request
    from requests.lifecycle.transitions import default_deadline

    fields = {"deadline": default_deadline(wish.category, at)} if reopened else {}
    Request.objects.filter(pk=wish.pk).update(rated_at=at, **fields)
    wish.transitions.filter(at__gt=at).update(at=at)
    wish.refresh_from_db()
