"""Plain factory functions with setdefault, and the named personas the tests speak of."""

import itertools

from django.contrib.auth import get_user_model

from grid.models import GridNode, GridPost, Person
from nanjie.roles import BRANCH_ADMIN, GRID_WORKER, JOINT_MEETING, UNIT_PARTY_MEMBER, ensure_groups
from partners.models import Category, CommitteeMember, DutyRota, Unit, UnitMembership

_serial = itertools.count(1)


def make_node(**fields):
    fields.setdefault("kind", GridNode.Kind.TOTAL_GRID)
    fields.setdefault("code", f"T{next(_serial)}")
    fields.setdefault("name", f"node {fields['code']}")
    node = GridNode(**fields)
    node.save()
    return node


def make_tree(grids=4, micro_per_grid=2, prefix="NJ"):
    """A total grid with `grids` grids of `micro_per_grid` micro-grids: codes NJ, NJ-01, NJ-01-01…"""
    total = make_node(code=prefix, kind=GridNode.Kind.TOTAL_GRID, name="南街社区总网格")
    for number in range(1, grids + 1):
        grid = make_node(code=f"{prefix}-{number:02d}", kind=GridNode.Kind.GRID, parent=total, name=f"第{number}网格")
        for micro in range(1, micro_per_grid + 1):
            make_node(code=f"{prefix}-{number:02d}-{micro:02d}", kind=GridNode.Kind.MICRO_GRID, parent=grid,
                      name=f"第{number}网格第{micro}微网格")
    return total


def make_person(**fields):
    fields.setdefault("name", f"测试{next(_serial)}")
    return Person.objects.create(**fields)


def make_user(username=None, *, roles=(), person=None, **fields):
    username = username or f"user{next(_serial)}"
    user = get_user_model().objects.create_user(username=username, password="correct-horse-battery", **fields)
    groups = ensure_groups()
    user.groups.add(*(groups[role] for role in roles))
    if person is not None:
        person.user = user
        person.save(update_fields=["user"])
    return user


def make_grid_worker(grid_code, username=None, role=GridPost.Role.MICRO_WORKER):
    """A worker posted to one grid (covering all its micro-grids), with a login in the grid-worker group."""
    grid = GridNode.objects.get(code=grid_code)
    person = make_person()
    post = GridPost.objects.create(node=grid, person=person, role=role)
    if role == GridPost.Role.MICRO_WORKER:
        post.micro_grids.set(grid.get_children())
    return make_user(username, roles=[GRID_WORKER], person=person)


def make_category(**fields):
    fields.setdefault("code", f"cat{next(_serial)}")
    fields.setdefault("name", f"类别{fields['code']}")
    return Category.objects.create(**fields)


def make_unit(**fields):
    duties = fields.pop("duties", [])
    fields.setdefault("name", f"单位{next(_serial)}")
    fields.setdefault("kind", Unit.Kind.CO_BUILDING)
    unit = Unit.objects.create(**fields)
    unit.duties.set(duties)
    return unit


def make_unit_member(unit, username=None):
    person = make_person(political_status=Person.PoliticalStatus.PARTY_MEMBER)
    UnitMembership.objects.create(unit=unit, person=person)
    return make_user(username, roles=[UNIT_PARTY_MEMBER], person=person)


def make_chairman(username=None, month=None):
    """A joint-meeting member on duty this month."""
    from django.utils import timezone

    person = make_person(political_status=Person.PoliticalStatus.PARTY_MEMBER)
    member = CommitteeMember.objects.create(person=person, title="值班主席")
    DutyRota.objects.create(month=(month or timezone.localdate()).replace(day=1), member=member)
    return make_user(username, roles=[JOINT_MEETING], person=person)


def make_branch_admin(username=None):
    return make_user(username, roles=[BRANCH_ADMIN], person=make_person(), is_staff=True)
