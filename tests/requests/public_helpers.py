"""Helpers for the resident-side tests: a small community, a wish ordered through the model, photo bytes."""

import uuid

from grid.models import GridNode, Person
from nanjie.roles import JOINT_MEETING, UNIT_PARTY_MEMBER
from partners.models import UnitMembership
from requests.models import Request
from tests.factories import make_branch_admin, make_category, make_person, make_tree, make_unit, make_user
from tests.photos import jpeg_bytes, upload  # noqa: F401 (the resident-side tests import them from here)


def community():
    """Two grids of two micro-grids (NJ-01-01 …), a category and a unit handling it."""
    make_tree(grids=2, micro_per_grid=2)
    category = make_category(code="env", name="环境卫生")
    unit = make_unit(name="县人民医院", duties=[category])
    return category, unit


def micro(code="NJ-01-01"):
    return GridNode.objects.get(code=code)


def order(category, code="NJ-01-01", **fields):
    fields.setdefault("text", "楼道灯坏了")
    fields.setdefault("channel", Request.Channel.ONLINE)
    return Request.order(category=category, micro_grid=micro(code), **fields)


def _once(username, make):
    """The same staff login for every call in a test: password hashing is slow, and tests make many wishes."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(username=username).first() or make(username)


def _member(unit, name):
    membership = UnitMembership.objects.filter(unit=unit, person__name=name).select_related("person").first()
    if membership:
        return membership.person
    person = make_person(name=name, political_status=Person.PoliticalStatus.PARTY_MEMBER)
    UnitMembership.objects.create(unit=unit, person=person)
    make_user(roles=[UNIT_PARTY_MEMBER], person=person)
    return person


def close(wish, unit, note="已更换楼道灯", name="王建国"):
    """Take a request through the staff transitions up to closed (from ordered, or again after a reopen)."""
    if wish.state == Request.State.ORDERED:
        wish.dispatch(unit, by=_once("helper-dispatcher", lambda name: make_user(name, roles=[JOINT_MEETING])))
        person = _member(unit, name)
        wish.accept(person, by=person.user)
    wish.close(note, by=wish.acceptor.user)
    return wish


def publicise(wish, unit, note="已更换楼道灯", name="王建国", summary=None):
    """Closed with `note`, then publicised with `summary` (the note itself when none is given)."""
    close(wish, unit, note, name)
    wish.publicise(note if summary is None else summary, by=_once("helper-branch", make_branch_admin))
    return wish


def wish_post(category, code="NJ-01-01", **fields):
    data = {
        "category": category.pk, "text": "楼道灯坏了，晚上看不见", "micro_grid": code,
        "resident_name": "", "resident_phone": "", "submission": str(uuid.uuid4()),
    }
    data.update(fields)
    return data
