"""Plain factories for study sessions and mobile party members."""

import datetime
import itertools

from django.utils import timezone

from grid.models import GridNode, Person
from tests.factories import make_person
from tests.volunteers.factories import make_position
from volunteers.models import MobileMember, StudySession

_serial = itertools.count(1)


def make_party_member(**fields):
    fields.setdefault("political_status", Person.PoliticalStatus.PARTY_MEMBER)
    return make_person(**fields)


def make_study(by, **fields):
    """A secretary-led session at a centre position that began ten minutes ago and lasts 90 minutes."""
    starts = fields.pop("starts_at", timezone.now() - datetime.timedelta(minutes=10))
    fields.setdefault("topic", f"学习专题{next(_serial)}")
    fields.setdefault("position", make_position())
    fields.setdefault("organiser", make_party_member(name="书记"))
    return StudySession.plan(by=by, starts_at=starts, ends_at=fields.pop("ends_at", starts + datetime.timedelta(
        minutes=90)), **fields)


def make_mobile(tutor, grid_code="NJ-01", **fields):
    fields.setdefault("person", make_party_member())
    fields.setdefault("works_in", "昆明市 · 建筑公司")
    fields.setdefault("phone", "13912345678")
    fields.setdefault("since", timezone.localdate() - datetime.timedelta(days=90))
    member = MobileMember(tutor=tutor, grid=GridNode.objects.get(code=grid_code), **fields)
    member.full_clean()
    member.save()
    return member
