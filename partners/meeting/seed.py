"""Seed the joint meeting: 6 part-time committee members, this year's on-duty chairman rota, two demo logins;
then (after the requests) this year's monthly meetings.

Deterministic and idempotent: members are counted, rota months looked up, before anything is created.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from grid.people.seed import login_for, person
from nanjie.roles import JOINT_MEETING
from partners.meeting.models import CommitteeMember, Decision, DutyRota, Meeting
from partners.units.models import Unit

COMMITTEE_TITLES = [
    "社区党总支书记", "社区居委会主任", "县人民医院党总支书记", "栋川派出所所长", "栋川司法所所长", "县住建局副局长",
]


def seed_joint_meeting(book, rng):
    if CommitteeMember.objects.count() < len(COMMITTEE_TITLES):
        for title in COMMITTEE_TITLES[CommitteeMember.objects.count():]:
            CommitteeMember.objects.create(person=person(book, rng, party=True), title=title)
    members = list(CommitteeMember.objects.order_by("pk")[: len(COMMITTEE_TITLES)])
    year = timezone.localdate().year
    for month in range(1, 13):
        DutyRota.objects.get_or_create(
            month=timezone.datetime(year, month, 1).date(), defaults={"member": members[(month - 1) % len(members)]}
        )
    return members


@transaction.atomic
def run(rng, out, context):
    book, groups, password = context["names"], context["groups"], context["password"]
    members = seed_joint_meeting(book, rng)
    chairman = DutyRota.chairman_for() or members[0]
    login_for("chairman", chairman.person, [groups[JOINT_MEETING]], password=password)
    other = next(member for member in members if member.pk != chairman.pk)
    login_for("meeting2", other.person, [groups[JOINT_MEETING]], password=password)
    context["logins"] += [("chairman", "this month's on-duty chairman"), ("meeting2", "joint-meeting member")]
    out(f"joint meeting: {CommitteeMember.objects.count()} committee members, {DutyRota.objects.count()} rota months")


# --- this year's meetings: monthly, on the 15th, through the same methods as the pages ------------------------

MEETING_DAY = 15
PLACE = "南街社区党群服务中心三楼会议室"
TOPICS = [
    ("老旧小区楼道照明改造推进情况", "由县住建局牵头完成楼道照明改造方案并报联席会议"),
    ("背街小巷环境卫生整治", "组织环境卫生集中整治一次，清理卫生死角"),
    ("独居老人定期探访安排", "落实独居老人每月探访，建立探访台账"),
    ("社区活动日服务项目认领", "认领本月社区活动日服务项目并报送服务清单"),
    ("矛盾纠纷排查化解", "对排查出的邻里纠纷开展上门调解"),
    ("河道管护巡查", "组织河道巡查两次，清理河道垃圾"),
    ("困难家庭医保代缴", "为困难家庭上门办理城乡居民医保缴费"),
    ("防汛安全隐患排查", "排查低洼院落排水隐患并整改"),
    ("电动车飞线充电整治", "入户宣传并劝导整改飞线充电"),
    ("便民驿站物资补充", "补充红色便民驿站急救药箱和饮用水"),
]


def _minutes_text(meeting):
    attended = meeting.attendance.filter(present=True).select_related("member__person")
    present = "、".join(str(a.member.person.name) for a in attended)
    lines = [f"时间：{meeting.held_on:%Y年%m月%d日}", f"地点：{meeting.place}", f"出席：{present}", "议题及决定："]
    for number, item in enumerate(meeting.items.filter(dropped=False).order_by("position", "pk"), 1):
        lines.append(f"{number}. {item.title}")
        lines += [f"   决定：{d.text}（责任单位：{d.unit}，{d.deadline:%m月%d日}前）" for d in item.decisions.all()]
    return "\n".join(lines)


def _seed_month(meeting, rng, units, chairman_user, pressed):
    """Attendance (always a quorum), the agenda built and two topics added, a decision on each new item."""
    members = list(meeting.roster())
    present = rng.sample(members, rng.randint(len(members) // 2 + 1, len(members)))
    meeting.record_attendance([member.pk for member in present], by=chairman_user)
    meeting.build_agenda(by=chairman_user)
    for title, _decision_text in rng.sample(TOPICS, 2):
        meeting.add_item(title, by=chairman_user)
    made = []
    for item in meeting.items.filter(dropped=False, decisions__isnull=True).order_by("position", "pk"):
        if item.source == "partners.meeting.open_decisions":
            continue  # 回头看: heard, not decided again
        if item.key.startswith("request:"):
            if pressed.get(meeting.pk) or item.key in pressed.values():
                continue  # the meeting presses one overdue request it has not pressed before; the rest wait
            pressed[meeting.pk] = item.key
        follow_up = (item.follows_up.text if item.follows_up
                     else f"督办逾期诉求{item.key.removeprefix('request:')}，限期办结")
        topic = dict(TOPICS).get(item.title) or follow_up
        made.append(Decision.decide(item, text=topic, unit=rng.choice(units), by=chairman_user, today=meeting.held_on,
                                    deadline=meeting.held_on + datetime.timedelta(days=rng.randint(10, 40))))
    return made


def _fate(decision, rng, today):
    """What becomes of a decision: carried to the next meeting, left open, or done (on time or late) on a day."""
    roll = rng.random()
    if roll < 0.2:
        return "carry", None
    if roll < 0.42:
        return "open", None
    late = roll > 0.85
    on = decision.deadline + datetime.timedelta(days=rng.randint(1, 6) if late else -rng.randint(0, 5))
    on = max(on, decision.item.meeting.held_on + datetime.timedelta(days=1))
    return ("late", on) if late and on <= today else ("on_time", on) if on <= today else ("open", None)


def _report_done_before(day, fates, users):
    """Report done what was done before `day` (the seed moves through the year as the units did)."""
    for decision, (fate, on) in list(fates.items()):
        if fate in ("late", "on_time") and on < day:
            note = "已落实，超期完成" if fate == "late" else "已按期落实"
            decision.mark_done(note, by=users[decision.item.meeting.chairman.pk], on=on)
            del fates[decision]


@transaction.atomic
def run_meetings(rng, out, context):
    """Meetings on the 15th of each month of this year up to the next one; the held ones with attendance, agenda,
    decisions and confirmed minutes (but the last); decisions done on time, late, still open, or carried over."""
    today = timezone.localdate()
    users = _committee_logins(context)
    units = list(Unit.objects.filter(active=True).order_by("pk"))
    branch = get_user_model().objects.filter(username="branch").first()
    held, fates, pressed = [], {}, {}
    for month in range(1, 13):
        day = datetime.date(today.year, month, MEETING_DAY)
        if Meeting.objects.filter(held_on=day).exists():
            continue
        _report_done_before(day, fates, users)
        meeting = Meeting.plan(held_on=day, place=PLACE, invited_units=rng.sample(units, 2), by=branch)
        chairman_user = users[meeting.chairman.pk]
        for decision in [d for d, (fate, _on) in fates.items() if fate == "carry"]:
            decision.carry_to(meeting, by=chairman_user, note="本月未完成，转下次会议")
            del fates[decision]
        if day > today:
            meeting.build_agenda(by=chairman_user)  # the next meeting: its agenda proposes what is overdue
            break
        for decision in _seed_month(meeting, rng, units, chairman_user, pressed):
            fates[decision] = _fate(decision, rng, today)
        held.append(meeting)
    _report_done_before(today + datetime.timedelta(days=1), fates, users)
    for meeting in held:
        meeting.write_minutes(_minutes_text(meeting), by=users[meeting.chairman.pk])
        if meeting is not held[-1]:
            meeting.confirm_minutes(by=users[meeting.chairman.pk], at=timezone.make_aware(
                datetime.datetime.combine(meeting.held_on + datetime.timedelta(days=2), datetime.time(10))))
    out(f"joint meetings: {Meeting.objects.count()} meetings, {Decision.objects.count()} decisions "
        f"({Decision.objects.overdue().count()} overdue, {Decision.objects.filter(state='carried').count()} carried)")


def _committee_logins(context):
    """Every committee member chairs some months and confirms those minutes: each gets a login."""
    groups, password = context["groups"], context["password"]
    users = {}
    for number, member in enumerate(CommitteeMember.objects.order_by("pk")[: len(COMMITTEE_TITLES)], 1):
        user = member.person.user or login_for(f"committee{number}", member.person, [groups[JOINT_MEETING]],
                                              password=password)
        users[member.pk] = user
    context["logins"].append(("committee1…6", "the other committee members (each chairs their months' meetings)"))
    return users
