"""Seed a year of activity day: a plan for every month of this year, each with its items for a third of the grids in
turn (the other grids give the rotation as their reason), published and claimed by the teams; the past items held
with sign-ups, waiting lists, sign-in with the code and confirmed hours, and their beneficiaries; two ordinary
activities; demo logins of a team leader and a volunteer. Everything through the model methods."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from grid.people.seed import login_for
from nanjie import signin_codes
from volunteers.activities.models import Activity, ActivityDay, community_grids
from volunteers.activities.signups import SignUp
from volunteers.teams.models import Team, TeamMember

ITEMS = {  # colour: (title, content, place)
    "red": ("关爱空巢老人上门服务", "上门打扫卫生、陪伴聊天、代购生活用品", "各网格空巢老人家中"),
    "orange": ("文艺进小区演出", "歌舞、花灯表演和全民健身展示", "南街社区广场"),
    "gold": ("惠民政策宣讲", "医保参保、养老保险和就业政策宣讲", "党群服务中心会议室"),
    "blue": ("法律咨询进网格", "法律咨询、矛盾纠纷调解、普法宣传", "网格服务点"),
    "purple": ("河道巡查清理", "巡查河道、清理漂浮物、劝阻乱倒乱排", "栋川河南街段"),
    "green": ("垃圾分类宣传与清扫", "入户宣传垃圾分类,清扫楼道和背街小巷", "各小区"),
    "white": ("义诊和健康讲座", "量血压、测血糖、健康咨询和讲座", "党群服务中心"),
}
COLOURS = list(ITEMS)


def _at(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _branch():
    return get_user_model().objects.filter(username="branch").first()


def _logins(context):
    """Each team's leader and one red-team volunteer can log in (the demo: claim, sign up, a certificate)."""
    for leader in TeamMember.objects.filter(is_leader=True).select_related("person", "team").order_by("pk"):
        if leader.person.user_id is None:
            login_for(f"team{leader.team.colour}", leader.person, [], password=context["password"])
    member = (TeamMember.objects.filter(team__colour="red", is_leader=False, person__user__isnull=True)
              .select_related("person").order_by("pk").first())
    if member:
        login_for("volunteer", member.person, [], password=context["password"])
    context["logins"] += [("teamred", "leader of the red team (teamorange, teamgold… likewise)"),
                          ("volunteer", "a red-team volunteer")]


def _item(plan, colour, grids, starts, ends, capacity, branch, team=None):
    """An item of a plan (claimed later), or an ordinary activity run by `team` from the start."""
    title, needs, place = ITEMS[colour]
    activity = Activity(plan=plan, title=title, needs=needs, colour=colour, capacity=capacity, starts=starts,
                        ends=ends, place=place, organiser=getattr(branch, "person", None), created_by=branch,
                        team=team)
    activity.full_clean(exclude=["token"])
    activity.save()
    activity.grids.set(grids)
    return activity


def _serve(activity, team, rng, branch, held):
    """Sign-ups (more than the places: a waiting list), one cancellation; if held, attendance and hours."""
    members = list(TeamMember.objects.filter(team=team).select_related("person").order_by("pk"))
    others = list(TeamMember.objects.exclude(team=team).select_related("person").order_by("pk"))
    people = [member.person for member in members] + [member.person for member in rng.sample(others, k=2)]
    before = activity.starts - datetime.timedelta(days=3)
    signups = []
    for index, person in enumerate(dict.fromkeys(people)):
        try:
            signups.append(SignUp.sign_up(activity, person, by=person.user, show_name=index % 2 == 0,
                                          now=before + datetime.timedelta(minutes=index)))
        except ValidationError:  # a clash with another activity of theirs: they just do not sign up
            continue
    if len(signups) > 3:  # the third cancels (the first two are the leader and the demo volunteer): one moves up
        signups[2].cancel(by=branch, now=before + datetime.timedelta(hours=5))
    if not held:
        return
    leader = TeamMember.objects.filter(team=team, is_leader=True, person__user__isnull=False).first()
    for signup in SignUp.objects.filter(activity=activity, state=SignUp.State.ACTIVE).order_by("pk"):
        arrived = activity.starts + datetime.timedelta(minutes=rng.choice((-10, 0, 5, 20)))
        left = activity.ends - datetime.timedelta(minutes=rng.choice((0, 0, 15, 40)))
        if leader and rng.random() < 0.15:  # forgot to sign in: the team leader enters the hours, the branch approves
            signup.enter_late(activity.length_minutes - 30, "手机没电,未能签到,现场负责人确认在岗",
                              by=leader.person.user, now=activity.ends)
            signup.approve_late(by=branch, now=activity.ends + datetime.timedelta(days=1))
            continue
        signup.sign_in(signin_codes.current_code(activity.subject, activity.starts, activity.ends, arrived),
                       by=signup.person.user, now=arrived)
        signup.sign_out(signin_codes.current_code(activity.subject, activity.starts, activity.ends, left),
                        by=signup.person.user, now=left)
        signup.confirm(by=branch, evaluation=rng.choice(list(SignUp.Evaluation.values)), now=activity.ends)
    activity.record(rng.randint(150, 260), f"{activity.needs}。", by=branch, now=activity.ends)


@transaction.atomic
def run(rng, out, context):
    grids = list(community_grids())
    teams = {team.colour: team for team in Team.objects.all()}
    branch = _branch()
    if not grids or len(teams) < len(COLOURS) or branch is None:
        out("volunteers: no activities (run the grid, people and teams steps first)")
        return
    _logins(context)
    today = timezone.localdate()
    now = timezone.now()
    thirds = [grids[index::3] for index in range(3)]
    for month in range(1, 13):
        plan = ActivityDay.for_month(datetime.date(today.year, month, 1))
        if plan.items.exists():
            continue
        served = thirds[(month - 1) % 3]
        colour = COLOURS[(month - 1) % len(COLOURS)]
        item = _item(plan, colour, served, _at(plan.held_on, 9), _at(plan.held_on, 11, 30), 10, branch)
        for grid in grids:
            if grid not in served:
                plan.give_reason(grid, "本月由轮值网格开展,下月轮到本网格", by=branch)
        plan.publish(by=branch)
        item.claim(teams[colour], by=branch)
        _serve(item, teams[colour], rng, branch, held=item.ends < now)
    if not Activity.objects.filter(plan__isnull=True).exists():
        patrol_day = today - datetime.timedelta(days=40)
        patrol = _item(None, "purple", thirds[0][:2], _at(patrol_day, 20), _at(patrol_day + datetime.timedelta(
            days=1), 0, 30), 6, branch, team=teams["purple"])  # an evening river patrol, across midnight
        _serve(patrol, teams["purple"], rng, branch, held=True)
        clinic_day = today + datetime.timedelta(days=10)
        clinic = _item(None, "white", thirds[1][:3], _at(clinic_day, 14), _at(clinic_day, 17), 5, branch,
                       team=teams["white"])
        _serve(clinic, teams["white"], rng, branch, held=False)
    held = Activity.objects.held_in(today.year)
    out(f"volunteers: {ActivityDay.objects.count()} activity-day plans, {Activity.objects.count()} activities "
        f"({held.count()} held this year, {held.people_benefited()} people benefited), "
        f"{SignUp.objects.filter(state=SignUp.State.WAITING).count()} waiting, "
        f"{SignUp.objects.confirmed().count()} hours records confirmed")
