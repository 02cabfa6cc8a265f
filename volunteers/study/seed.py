"""Seed theory empowerment: six mobile party members working away, each with a theory tutor and a year of
contacts (one not contacted for 45 days), then a study session every month of this year so far (secretary-led
at the centre's party-member room, mutual study at a red station), with attendance (members with a login sign
in with the code, the organiser ticks the rest), the misses of March made up in April, and next month's session
planned. Deterministic and idempotent (each part is skipped once it exists), through the models' methods.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from grid.households.seed import office_user
from grid.people.models import GridPost
from grid.teams.models import GridTeamMember, TeamKind
from nanjie import signin_codes
from nanjie.seeding import fictional_phone
from volunteers.positions.models import Position
from volunteers.study.models import MobileMember, StudyAttendance, StudySession, TutorContact, branch_members

TOPICS = ["学习党的二十届三中全会精神", "学习新修订的《中国共产党纪律处分条例》",
          "学习习近平总书记考察云南重要讲话精神", "学习《中华人民共和国民法典》婚姻家庭编",
          "学习基层治理“1234”网格工作法", "学习铸牢中华民族共同体意识",
          "学习全国两会精神", "学习党章第一章 党员", "学习《信访工作条例》", "学习安全生产和防灾减灾知识",
          "学习乡村振兴与城乡融合发展政策", "学习党的二十届四中全会精神"]
WORKPLACES = ["昆明市 · 呈贡区一家建筑公司", "楚雄市 · 开发区食品厂", "广东省东莞市 · 电子厂",
              "浙江省义乌市 · 物流公司", "上海市 · 餐饮连锁门店", "大理市 · 民宿"]
HOW = [TutorContact.How.PHONE, TutorContact.How.MESSAGE, TutorContact.How.VIDEO, TutorContact.How.MAIL]
OVERDUE_DAYS_AGO = 45


def _aware(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def seed_mobile(rng, by, today):
    """Six members from the grids' party-member teams; tutors are grid leaders (leader03 among them)."""
    if MobileMember.objects.exists():
        return
    candidates = list(branch_members().filter(user__isnull=True, team_assignments__team=TeamKind.PARTY_MEMBER)
                      .order_by("pk").distinct()[:60])
    chosen = candidates[::10][:len(WORKPLACES)]
    leader03 = GridPost.objects.filter(node__code="NJ-03", role=GridPost.Role.LEADER).select_related("person").first()
    other_tutors = list(GridPost.objects.filter(role=GridPost.Role.LEADER).exclude(node__code="NJ-03")
                        .select_related("person").order_by("node__code")[:3])
    tutors = [leader03.person if leader03 else None, *[post.person for post in other_tutors]]
    for index, person in enumerate(chosen):
        grid = GridTeamMember.objects.filter(person=person).order_by("pk").first().grid
        tutor = (tutors[0] if index % 2 == 0 else None) or tutors[1 + index // 2 % 3]
        member = MobileMember(person=person, grid=grid, works_in=WORKPLACES[index], phone=fictional_phone(rng),
                              other_contact=f"微信 nj{rng.randint(10000, 99999)}", tutor=tutor,
                              since=datetime.date(today.year - 1, 3 + index, 1))
        member.full_clean()
        member.save()
        writer = tutor.user if tutor.user_id else by
        # About one contact a month; the first member's last one was 45 days ago (flagged on leader03's /me/).
        last = today - datetime.timedelta(days=OVERDUE_DAYS_AGO if index == 0 else rng.randint(3, 20))
        day = last
        while day >= datetime.date(today.year, 1, 1):
            member.log_contact(on=day, how=rng.choice(HOW), studied=rng.choice(TOPICS), by=writer)
            day -= datetime.timedelta(days=rng.randint(24, 32))


def _attend(session, rng, by, logins):
    """Members with a login sign in with the code ten minutes in; the organiser ticks about four in five others."""
    at = session.starts_at + datetime.timedelta(minutes=10)
    code = signin_codes.current_code(session.subject, session.starts_at, session.ends_at, at)
    roster = list(session.roster().order_by("pk"))
    for person in roster:
        if person.user_id and person.user_id in logins:
            session.sign_in(person, code, by=logins[person.user_id], now=at)
    ticked = [person for person in roster if not person.user_id and rng.random() < 0.8]
    session.tick(ticked, by=by, now=session.ends_at)
    session.close(by=by, now=session.ends_at)


def seed_sessions(rng, by, today):
    if StudySession.objects.exists():
        return
    room = Position.objects.filter(name="党员活动室").first() or Position.objects.centre().order_by("pk").first()
    station = Position.objects.filter(name="栋川花园红色驿站").first() or Position.objects.stations().first()
    if room is None or station is None:
        return
    secretary = by.person if getattr(by, "person", None) else branch_members().order_by("pk").first()
    leader03 = GridPost.objects.filter(node__code="NJ-03", role=GridPost.Role.LEADER).select_related("person").first()
    mutual_organiser = leader03.person if leader03 else secretary
    logins = {person.user_id: person.user for person in branch_members().filter(user__isnull=False)
              .select_related("user")}
    march = None
    for month in range(1, 13):
        day = datetime.date(today.year, month, 10)
        mutual = month % 2 == 0
        session = StudySession.plan(
            by=by, kind=StudySession.Kind.MUTUAL if mutual else StudySession.Kind.SECRETARY_LED,
            topic=TOPICS[month - 1], position=station if mutual else room, organiser=mutual_organiser if mutual
            else secretary, starts_at=_aware(day, 14, 30), ends_at=_aware(day, 16),
            materials="学习材料：原文选读、解读文章，学后交流心得。")
        if day >= today:
            break  # this month's is still to come: planned
        _attend(session, rng, by, logins)
        if month == 3:
            march = session
    if march is not None and today > datetime.date(today.year, 4, 20):
        make_up = StudySession.plan(by=by, kind=StudySession.Kind.SECRETARY_LED, topic=f"补学：{march.topic}",
                                    position=room, organiser=secretary, makes_up=march,
                                    starts_at=_aware(datetime.date(today.year, 4, 17), 19),
                                    ends_at=_aware(datetime.date(today.year, 4, 17), 20, 30))
        missed = list(make_up.roster().order_by("pk"))
        make_up.tick(missed[::2], by=by, now=make_up.ends_at)
        make_up.close(by=by, now=make_up.ends_at)


@transaction.atomic
def run(rng, out, context):
    by = office_user()
    today = timezone.localdate()
    seed_mobile(rng, by, today)
    seed_sessions(rng, by, today)
    held = StudySession.objects.held()
    present = StudyAttendance.objects.filter(present=True, session__in=held).count()
    out(f"study: {held.count()} sessions held, {present} attendances, {MobileMember.objects.count()} mobile party "
        f"members ({MobileMember.objects.overdue().count()} not contacted for 30 days)")
