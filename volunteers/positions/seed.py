"""Seed the physical positions: the service centre's 13 (the article names four), eight red convenience stations
(six in compounds, two on streets) with their amenities (one first-aid kit past its date), duty rosters drawn
from the people already on the rosters, and a year of monthly inspections (this month's only as far as it has
gone). Deterministic and idempotent: positions by name, inspections by (station, month), through the models.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from grid.people.models import GridPost, Person
from grid.territory.models import GridNode
from partners.units.models import Unit, UnitMembership
from volunteers.positions.models import Amenity, DutyShift, Inspection, Position, month_start

T = datetime.time
# (name, host unit's short name or None, location, open weekdays, opens, closes, note, phone, what it offers)
CENTRE = [
    ("社区警务站", "栋川派出所", "党群服务中心一楼东侧", "0123456", T(8), T(18), "夜间报警请拨打110", "0878-5711101",
     "民警驻站，受理户籍咨询、治安报警、矛盾纠纷先期处置。"),
    ("司法行政服务站", "栋川司法所", "党群服务中心一楼西侧", "01234", T(8, 30), T(17, 30), "法定节假日休息",
     "0878-5711102", "法律咨询、法律援助申请、社区矫正报到和普法宣传。"),
    ("妇女儿童之家", "南街社工站", "党群服务中心二楼201室", "012345", T(8, 30), T(17, 30), "周六只开上午",
     "0878-5711103", "妇女维权、家庭教育指导、儿童托管和四点半课堂。"),
    ("社会组织孵化站", "南街社工站", "党群服务中心三楼", "01234", T(9), T(17), "", "0878-5711104",
     "为社区社会组织提供场地、登记指导和能力培训。"),
    ("人民调解室", "栋川司法所", "党群服务中心一楼调解室", "01234", T(8, 30), T(17, 30), "", "0878-5711105",
     "邻里、家庭、物业纠纷的调解，小事不出社区。"),
    ("退役军人服务站", "县民政局", "党群服务中心一楼大厅", "01234", T(8, 30), T(17, 30), "", "0878-5711106",
     "退役军人优待证办理、政策咨询、就业创业帮扶。"),
    ("新时代文明实践站", None, "党群服务中心二楼多功能厅", "0123456", T(8, 30), T(21), "晚间有文艺排练",
     "0878-5711107", "理论宣讲、文明实践和志愿服务活动的阵地。"),
    ("就业和社会保障服务站", "县人社局", "党群服务中心一楼便民服务大厅", "01234", T(8, 30), T(17, 30), "",
     "0878-5711108", "求职登记、岗位推荐、医保社保缴费和认证。"),
    ("心理健康服务室", "县人民医院", "党群服务中心二楼205室", "24", T(14, 30), T(17, 30), "需要时可电话预约",
     "0878-5711109", "心理咨询、情绪疏导和心理健康讲座。"),
    ("老年人日间照料中心", "老年协会", "党群服务中心一楼南侧", "0123456", T(8), T(18), "提供午餐，需提前一天登记",
     "0878-5711110", "助餐、休息、健康监测和文娱活动。"),
    ("残疾人之家", "县民政局", "党群服务中心一楼北侧", "01234", T(8, 30), T(17, 30), "", "0878-5711111",
     "康复训练、辅具借用和残疾人证办理咨询。"),
    ("党员活动室", None, "党群服务中心三楼", "01234", T(8, 30), T(17, 30), "", "0878-5711112",
     "党员学习、组织生活和“双报到”党员的报到登记。"),
    ("社区书屋", "南街小学", "党群服务中心二楼阅览室", "0123456", T(9), T(20), "", "0878-5711113",
     "图书借阅、报刊阅览，周末有亲子阅读。"),
]
# (name, micro-grid, compound or "" for a street, location, host unit's short name)
STATIONS = [
    ("南街小区红色驿站", "NJ-01-01", "南街小区", "小区活动广场东侧", "栋川物业"),
    ("文化路红色驿站", "NJ-02-03", "", "文化路与南街交叉口", "县供电公司"),
    ("栋川花园红色驿站", "NJ-03-02", "栋川花园", "小区北门物业用房", "栋川物业"),
    ("阳光新城红色驿站", "NJ-04-01", "阳光新城", "小区中心花园旁", "栋川物业"),
    ("龙华小区红色驿站", "NJ-05-02", "龙华小区", "小区门卫室旁", "县自来水公司"),
    ("光禄苑红色驿站", "NJ-06-01", "光禄苑", "小区老年活动室", "县中医医院"),
    ("南街农贸市场红色驿站", "NJ-08-01", "", "南街农贸市场入口", "惠民超市"),
    ("荷花苑红色驿站", "NJ-10-01", "荷花苑", "小区南门", "县市场监管局"),
]
EXPIRED_KIT = "南街农贸市场红色驿站"  # its first-aid kit ran out of date at the end of October
MISSING = ["雨伞少了3把", "饮水机滤芯需要更换", "一根充电线损坏", "急救箱里的创可贴用完了", "两把椅子松动"]


def seed_user():
    """Who the seed records inspections as: the branch admin's demo login, else a login nobody can use."""
    User = get_user_model()
    found = User.objects.filter(username="branch").first()
    if found is None:
        found, created = User.objects.get_or_create(username="positions_seed")
        if created:
            found.set_unusable_password()
            found.save(update_fields=["password"])
    return found


def _position(community, name, **fields):
    found = Position.objects.filter(community=community, name=name).first()
    if found:
        return found, False
    position = Position(community=community, name=name, **fields)
    position.full_clean()
    position.save()
    return position, True


def _roster(position, people, rng, weekdays):
    for number, weekday in enumerate(int(day) for day in weekdays):
        person = people[number % len(people)]
        part = rng.choice([DutyShift.Part.ALL_DAY, DutyShift.Part.MORNING, DutyShift.Part.AFTERNOON])
        DutyShift.objects.get_or_create(position=position, weekday=weekday, part=part, person=person)


def _people_of(unit, grid=None):
    people = []
    if unit is not None:
        people += [m.person for m in UnitMembership.objects.filter(unit=unit).select_related("person").order_by("pk")]
    if grid is not None:
        people += [post.person for post in GridPost.objects.filter(node=grid).select_related("person").order_by("pk")]
    return people or list(Person.objects.order_by("pk")[:3])


def seed_centre(community, units, rng):
    for order, (name, host, location, days, opens, closes, note, phone, offers) in enumerate(CENTRE, start=1):
        position, created = _position(
            community, name, kind=Position.Kind.CENTRE, host_unit=units.get(host), location=location,
            open_weekdays=days, opens_at=opens, closes_at=closes, hours_note=note, phone=phone, description=offers,
            order=order)
        if created:
            _roster(position, _people_of(position.host_unit), rng, days[:5])


def seed_stations(community, units, rng, today):
    for order, (name, code, compound, location, host) in enumerate(STATIONS, start=1):
        micro = GridNode.objects.get(code=code)
        position, created = _position(
            community, name, kind=Position.Kind.RED_STATION, micro_grid=micro, compound=compound, location=location,
            host_unit=units.get(host), open_weekdays="0123456", opens_at=T(8), closes_at=T(20),
            hours_note="饮水、歇脚、充电全天免费", phone="", order=order,
            description="党员志愿者轮流值守：歇脚、喝水、充电、借伞，急救箱备有常用药品。")
        if not created:
            continue
        _roster(position, _people_of(None, micro.parent), rng, "0123456")
        kit_expires = (datetime.date(today.year, 10, 31) if name == EXPIRED_KIT
                       else today + datetime.timedelta(days=rng.randint(60, 400)))
        amenities = [(Amenity.Kind.SEATS, rng.choice([6, 8, 10, 12]), None), (Amenity.Kind.DRINKING_WATER, 1, None),
                     (Amenity.Kind.FIRST_AID_KIT, 1, kit_expires),
                     (Amenity.Kind.PHONE_CHARGER, rng.randint(2, 4), None),
                     (Amenity.Kind.UMBRELLA, rng.randint(5, 10), None)]
        amenities += rng.sample([(Amenity.Kind.READING_GLASSES, 3, None), (Amenity.Kind.BLOOD_PRESSURE, 1, None),
                                 (Amenity.Kind.MICROWAVE, 1, None), (Amenity.Kind.BOOKS, 30, None)], k=2)
        for kind, quantity, expires in amenities:
            Amenity.objects.create(position=position, kind=kind, quantity=quantity, expires_on=expires)


def seed_inspections(today, by):
    """A year of monthly inspections; this month only three stations so far (the others are flagged on /me/).
    Each (station, month) draws from its own generator, so a second run decides the same and adds nothing."""
    stations = list(Position.objects.stations().order_by("order", "pk"))
    first_month = month_start(today - datetime.timedelta(days=365))
    month = first_month
    while month <= month_start(today):
        this_month = month == month_start(today)
        for index, station in enumerate(stations):
            if Inspection.objects.filter(position=station, month=month).exists():
                continue
            rng = random.Random(f"{station.name}-{month:%Y-%m}")
            if (this_month and index >= 3) or (not this_month and rng.random() < 0.08):
                continue  # a month missed now and then
            day = month.replace(day=rng.randint(1, min(25, today.day) if this_month else 25))
            missing = rng.choice(MISSING) if rng.random() < 0.25 else ""
            inspection = Inspection.record(station, by=by, inspected_on=day, missing=missing,
                                           checked="座椅、饮水机、急救箱、充电设备、雨伞、卫生")
            fixed_on = day + datetime.timedelta(days=rng.randint(1, 6))
            if missing and fixed_on <= today and not this_month:
                inspection.mark_fixed(by=by, on=fixed_on, note="已补齐")
        month = (month + datetime.timedelta(days=32)).replace(day=1)


@transaction.atomic
def run(rng, out, context):
    community = GridNode.objects.community_root()
    if community is None:
        out("volunteers: no community (run the grid.territory step first)")
        return
    today = timezone.localdate()
    units = {unit.short_name: unit for unit in Unit.objects.all()}
    seed_centre(community, units, rng)
    seed_stations(community, units, rng, today)
    seed_inspections(today, seed_user())
    flagged = Position.objects.flagged(today).count()
    out(f"volunteers: {Position.objects.centre().count()} centre positions, {Position.objects.stations().count()} "
        f"red stations, {Amenity.objects.count()} amenities, {Inspection.objects.count()} inspections "
        f"({flagged} stations flagged)")
