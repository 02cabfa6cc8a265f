"""Seed the fixed-day services: legal consultations, business advice, free clinics and mental-health counselling
at the centre's positions and the red stations, provided by co-building units or seven-colour teams; a year of
their sessions recorded with who served and how many residents (a few cancelled, a few extra), and bookings of
the coming two weeks' slots. Through the model methods; each session draws from its own generator, so a second
run adds nothing.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from grid.households.models import Household
from nanjie.seeding import NameBook, fictional_phone
from partners.units.models import Unit
from volunteers.bookings.models import Booking
from volunteers.positions.models import Position
from volunteers.positions.seed import seed_user
from volunteers.services.models import HORIZON_DAYS, ServiceRule
from volunteers.sessions.forms import possible_servers
from volunteers.sessions.models import Session
from volunteers.teams.models import Team

T = datetime.time
W, D, N = "weekly", "monthly_day", "monthly_weekday"
# (position, title, kind, unit short name or team colour, frequency, weekday, every_weeks / day / week_of_month,
#  starts, ends, on a holiday, slot minutes, note)
RULES = [
    ("司法行政服务站", "律师坐班", "legal", "栋川司法所", W, 2, 1, T(9), T(11, 40), "next_workday", 20,
     "请带上合同、判决书等相关材料。"),
    ("人民调解室", "矛盾纠纷调解接待日", "legal", "栋川司法所", D, None, 15, T(14, 30), T(17), "next_workday", None,
     ""),
    ("心理健康服务室", "心理咨询", "mental_health", "县人民医院", W, 3, 1, T(14, 30), T(17, 30), "skip", 30,
     "一对一咨询，内容保密。"),
    ("就业和社会保障服务站", "创业就业咨询", "business", "县人社局", N, 0, 1, T(9), T(11, 30), "next_workday", 30, ""),
    ("就业和社会保障服务站", "个体工商户经营咨询", "business", "县市场监管局", D, None, 20, T(9), T(11, 30), "skip",
     None, "可现场办理营业执照年报。"),
    ("老年人日间照料中心", "中医义诊", "clinic", "县中医医院", W, 4, 1, T(9), T(11, 30), "skip", 15,
     "请带上医保卡和正在服用的药。"),
    ("妇女儿童之家", "家庭教育咨询", "mental_health", "南街社工站", W, 5, 2, T(9, 30), T(11, 30), "keep", None, ""),
    ("新时代文明实践站", "惠民政策宣讲", "policy", "gold", N, 4, -1, T(19, 30), T(21), "skip", None, ""),
    ("栋川花园红色驿站", "社区义诊", "clinic", "white", N, 5, 1, T(9), T(11, 20), "skip", 20,
     "测血压、测血糖、用药指导。"),
    ("阳光新城红色驿站", "法律咨询进小区", "legal", "blue", N, 1, 2, T(15), T(17), "next_workday", 20, ""),
    ("南街小区红色驿站", "免费测血压", "clinic", "white", W, 0, 1, T(8, 30), T(10, 30), "previous_workday", None, ""),
    ("南街农贸市场红色驿站", "经营户政策咨询", "business", "县市场监管局", D, None, 10, T(9), T(11), "next_workday",
     None, ""),
    ("龙华小区红色驿站", "心理疏导", "mental_health", "县人民医院", N, 2, 3, T(15), T(17), "skip", 30, ""),
    ("光禄苑红色驿站", "中医义诊", "clinic", "县中医医院", W, 3, 1, T(8, 30), T(11), "skip", 15, ""),
]
SERVED = {"legal": (3, 9), "business": (3, 10), "clinic": (15, 42), "mental_health": (2, 6), "policy": (20, 60)}
DONE = {
    "legal": "解答合同纠纷、劳动争议和婚姻家庭方面的法律问题，指导两位居民申请法律援助。",
    "business": "讲解小微企业税费优惠和创业担保贷款政策，现场指导办理年报。",
    "clinic": "测量血压血糖，提供用药指导，对三位高龄老人建议到医院复查。",
    "mental_health": "开展一对一心理疏导，对一位居民建议持续跟进。",
    "policy": "宣讲医保参保缴费和养老服务补贴政策，现场答疑。",
}
CANCELLED = ["值班律师临时出庭", "暴雨预警，暂停户外服务", "医生参加县里的突发公共卫生演练", "场地检修"]


def _provider(code, units, teams):
    return {"unit": units[code]} if code in units else {"team": teams[code]}


def seed_rules(today):
    units = {unit.short_name: unit for unit in Unit.objects.all()}
    teams = {team.colour: team for team in Team.objects.all()}
    positions = {position.name: position for position in Position.objects.all()}
    starts_on = today - datetime.timedelta(days=365)
    for (place, title, kind, provider, frequency, weekday, number, starts, ends, holiday, slots, note) in RULES:
        position = positions.get(place)
        if position is None or ServiceRule.objects.filter(position=position, title=title).exists():
            continue
        if provider not in units and provider not in teams:
            continue
        rule = ServiceRule(position=position, title=title, kind=kind, frequency=frequency, weekday=weekday,
                           every_weeks=number if frequency == W else 1,
                           day_of_month=number if frequency == D else None,
                           week_of_month=number if frequency == N else None, starts_at=starts, ends_at=ends,
                           on_holiday=holiday, starts_on=starts_on, slot_minutes=slots, note=note,
                           **_provider(provider, units, teams))
        rule.full_clean()
        rule.save()


def record_past(today, by):
    """Every past planned session: held with its head count (servers, a household or two to follow up at a
    station's clinic), or now and then cancelled."""
    past = (Session.objects.filter(on__lt=today, state=Session.State.PLANNED)
            .select_related("rule__position").order_by("on", "pk"))
    for session in past:
        rng = random.Random(f"{session.rule.title}-{session.rule.position_id}-{session.on}")
        if rng.random() < 0.04:
            session.cancel(rng.choice(CANCELLED), by=by)
            continue
        low, high = SERVED[session.rule.kind]
        people = list(possible_servers(session)[:8])
        households = []
        if session.rule.position.micro_grid_id and session.rule.kind == "clinic" and rng.random() < 0.5:
            households = list(Household.objects.filter(micro_grid_id=session.rule.position.micro_grid_id)
                              .order_by("pk")[:rng.randint(1, 2)])
        session.record(rng.randint(low, high), DONE[session.rule.kind], by=by,
                       servers=rng.sample(people, k=min(len(people), rng.randint(1, 3))), households=households)


def seed_extras(today, by):
    """Extra sessions: before the Spring Festival a second clinic day, and one in the coming weeks."""
    for title, offset, held in [("中医义诊", -300, True), ("律师坐班", -120, True), ("社区义诊", 10, False)]:
        rule = ServiceRule.objects.filter(title=title).order_by("pk").first()
        day = today + datetime.timedelta(days=offset)
        if rule is None or rule.sessions.filter(origin=Session.Origin.EXTRA).exists():
            continue
        day = day if not rule.sessions.filter(on=day, starts_at=T(14)).exists() else day + datetime.timedelta(days=1)
        session = rule.add_extra(day, by=by, starts_at=T(14), ends_at=T(16), note="加开一场")
        if held:
            session.record(12, DONE[rule.kind], by=by)


def book_coming(today, names):
    """Residents' bookings of the next two weeks' slots (names and phones fictional)."""
    coming = (Session.objects.filter(on__gte=today, on__lt=today + datetime.timedelta(days=14),
                                     state=Session.State.PLANNED, rule__slot_minutes__isnull=False)
              .select_related("rule").order_by("on", "pk"))
    for session in coming:
        if session.bookings.exists():
            continue
        rng = random.Random(f"bookings-{session.rule.title}-{session.rule.position_id}-{session.on}")
        slots = session.slot_times()
        now = timezone.make_aware(datetime.datetime.combine(session.on, slots[0])) - datetime.timedelta(days=3)
        for slot in rng.sample(slots, k=rng.randint(0, max(0, len(slots) - 2))):
            Booking.book(session, slot, name=names.next(), phone=fictional_phone(rng), now=now)


@transaction.atomic
def run(rng, out, context):
    today = timezone.localdate()
    by = seed_user()
    seed_rules(today)
    ServiceRule.objects.schedule_through(today + datetime.timedelta(days=HORIZON_DAYS))
    record_past(today, by)
    seed_extras(today, by)
    book_coming(today, NameBook(random.Random("nanjie-bookings")))
    held = Session.objects.held_in(today.year)
    out(f"volunteers: {ServiceRule.objects.count()} fixed-day services, {Session.objects.count()} sessions "
        f"({held.count()} held in {today.year}, {held.people_served()} residents served), "
        f"{Booking.objects.active().count()} bookings")
