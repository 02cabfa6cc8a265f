"""Seed the 14 co-building units and 6 "two new" organisations, the categories of matters they handle, their
party members (and the demo logins of three of them), and the "dual report" team: each unit's party members
report to one or two grids.

Deterministic and idempotent: every object is looked up by a natural key before it is created.
"""

from django.db import transaction

from grid.people.seed import login_for, person
from grid.teams.models import GridTeamMember, TeamKind
from grid.territory.models import GridNode
from nanjie.roles import UNIT_PARTY_MEMBER
from partners.units.models import Category, Unit, UnitMembership

# (code, name, default deadline in days)
CATEGORIES = [
    ("sanitation", "环境卫生", 5), ("facilities", "公共设施维修", 10), ("mediation", "矛盾调解", 15),
    ("employment", "就业帮扶", 30), ("health", "医疗健康", 7), ("legal", "法律咨询", 10),
    ("policy", "政策咨询", 5), ("hardship", "生活困难", 10), ("other", "其他", 15),
]
# (name, short name, kind, duties)
UNITS = [
    ("县人民医院党总支", "县人民医院", "co_building", ["health"]),
    ("县中医医院党支部", "县中医医院", "co_building", ["health"]),
    ("栋川中学党支部", "栋川中学", "co_building", ["policy", "other"]),
    ("南街小学党支部", "南街小学", "co_building", ["policy", "other"]),
    ("栋川派出所党支部", "栋川派出所", "co_building", ["mediation", "other"]),
    ("县司法局栋川司法所党支部", "栋川司法所", "co_building", ["legal", "mediation"]),
    ("县住房和城乡建设局党支部", "县住建局", "co_building", ["facilities"]),
    ("县人力资源和社会保障局党支部", "县人社局", "co_building", ["employment", "policy"]),
    ("县民政局党支部", "县民政局", "co_building", ["hardship", "policy"]),
    ("县市场监督管理局党支部", "县市场监管局", "co_building", ["other", "policy"]),
    ("县城市管理综合执法大队党支部", "城管执法大队", "co_building", ["sanitation", "facilities"]),
    ("县供电分公司党支部", "县供电公司", "co_building", ["facilities"]),
    ("县自来水公司党支部", "县自来水公司", "co_building", ["facilities"]),
    ("县生态环境分局党支部", "县生态环境分局", "co_building", ["sanitation"]),
    ("南街商贸有限公司党支部", "南街商贸公司", "new_economic", ["employment"]),
    ("栋川物业服务有限公司党支部", "栋川物业", "new_economic", ["facilities", "sanitation"]),
    ("姚安惠民超市党支部", "惠民超市", "new_economic", ["hardship", "employment"]),
    ("南街社会工作服务中心党支部", "南街社工站", "new_social", ["hardship", "mediation"]),
    ("栋川镇志愿者协会党支部", "志愿者协会", "new_social", ["other", "hardship"]),
    ("南街老年协会党支部", "老年协会", "new_social", ["health", "hardship"]),
]


def seed_units(book, rng):
    categories = {}
    for position, (code, name, days) in enumerate(CATEGORIES):
        categories[code], _created = Category.objects.get_or_create(
            code=code, defaults={"name": name, "default_deadline_days": days, "position": position}
        )
    for name, short, kind, duties in UNITS:
        unit, created = Unit.objects.get_or_create(name=name, defaults={"short_name": short, "kind": kind})
        if not created:
            continue
        contact = person(book, rng, party=True)
        unit.contact_name, unit.contact_phone = contact.name, contact.phone
        unit.save(update_fields=["contact_name", "contact_phone"])
        unit.duties.set([categories[code] for code in duties])
        UnitMembership.objects.create(unit=unit, person=contact, duty="党支部书记")
        for _ in range(rng.randint(2, 4)):
            UnitMembership.objects.create(unit=unit, person=person(book, rng, party=True), duty="党员")


def seed_dual_report():
    """Two of the units' party members report to each grid (双报到); the county hospital's demo logins to grid 3,
    where worker03 serves."""
    if GridTeamMember.objects.filter(team=TeamKind.DUAL_REPORT).exists():
        return
    party_members = list(UnitMembership.objects.order_by("pk").values_list("person_id", flat=True))
    rows = [GridTeamMember(team=TeamKind.DUAL_REPORT, grid=grid,
                           person_id=party_members[(2 * index + offset) % len(party_members)])
            for index, grid in enumerate(GridNode.objects.filter(kind=GridNode.Kind.GRID).order_by("code"))
            for offset in range(2)]
    grid3 = GridNode.objects.get(code="NJ-03")
    rows += [GridTeamMember(team=TeamKind.DUAL_REPORT, grid=grid3, person=membership.person)
             for membership in UnitMembership.objects.filter(person__user__username__in=["hospital1", "hospital2"])
             .select_related("person")]
    GridTeamMember.objects.bulk_create(rows, ignore_conflicts=True)


@transaction.atomic
def run(rng, out, context):
    book, groups, password = context["names"], context["groups"], context["password"]
    seed_units(book, rng)
    for username, short in (("hospital1", "县人民医院"), ("hospital2", "县人民医院"), ("housing1", "县住建局")):
        unit = Unit.objects.get(short_name=short)
        index = int(username[-1]) - 1
        membership = unit.memberships.order_by("pk")[index]
        login_for(username, membership.person, [groups[UNIT_PARTY_MEMBER]], password=password)
    seed_dual_report()
    context["logins"] += [
        ("hospital1", "party member, county hospital"), ("hospital2", "party member, county hospital"),
        ("housing1", "party member, housing bureau"),
    ]
    out(f"partners: {Unit.objects.count()} units, {Category.objects.count()} categories, "
        f"{UnitMembership.objects.count()} party members")
