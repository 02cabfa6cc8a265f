"""Seed the joint meeting: 6 part-time committee members, this year's on-duty chairman rota, two demo logins.

Deterministic and idempotent: members are counted, rota months looked up, before anything is created.
"""

from django.db import transaction
from django.utils import timezone

from grid.people.seed import login_for, person
from nanjie.roles import JOINT_MEETING
from partners.meeting.models import CommitteeMember, DutyRota

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
