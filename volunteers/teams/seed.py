"""Seed the seven-colour volunteer teams with members drawn from the community's party members."""

from django.db import transaction

from grid.people.models import Person
from grid.people.seed import person
from volunteers.teams.models import Team, TeamMember

TEAMS = [
    ("red", "红色志愿服务队", "志愿服务：关爱空巢老人、农民工及其子女、残障人士，开展便民服务。", "便民服务"),
    ("orange", "橙色文化演出队", "文化演出：组织文艺演出、文化惠民和全民健身活动。", "文艺"),
    ("gold", "金色政策宣讲队", "政策宣讲：进小区、进楼栋宣讲党的政策和惠民政策。", "宣讲"),
    ("blue", "蓝色法律援助队", "法律援助：提供法律咨询，参与矛盾纠纷调解。", "法律"),
    ("purple", "紫色河道管护队", "河道管护：巡查河道，劝阻乱倒乱排，保护水环境。", "巡河"),
    ("green", "绿色环境监督队", "环境监督：监督环境卫生，开展垃圾分类宣传和清扫。", "环保"),
    ("white", "白色医疗服务队", "医疗服务：义诊、健康讲座和上门医疗服务。", "医疗"),
]


@transaction.atomic
def run(rng, out, context):
    book = context["names"]
    party_members = list(Person.objects.filter(political_status=Person.PoliticalStatus.PARTY_MEMBER).order_by("pk"))
    for colour, name, mission, skill in TEAMS:
        team, created = Team.objects.get_or_create(colour=colour, defaults={"name": name, "mission": mission})
        if not created:
            continue
        chosen = rng.sample(party_members, k=min(len(party_members), rng.randint(5, 9)))
        chosen += [person(book, rng, party=True) for _ in range(rng.randint(2, 4))]
        for index, member in enumerate(chosen):
            TeamMember.objects.get_or_create(team=team, person=member,
                                             defaults={"skills": skill, "is_leader": index == 0})
    out(f"volunteers: {Team.objects.count()} teams, {TeamMember.objects.count()} members")
