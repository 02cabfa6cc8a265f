"""Factories of the three lists: plain functions with setdefault, on the tests' small tree (tests/factories.py)."""

from grid.models import GridNode
from partners.models import Claim, Need, Project
from tests.factories import make_category, make_unit


def make_need(**fields):
    fields.setdefault("title", "楼道灯维修")
    fields.setdefault("category", make_category())
    fields.setdefault("grid", GridNode.objects.get(code="NJ-01"))
    return Need.raise_need(**fields)


def make_project(**fields):
    grids = fields.pop("grids", [GridNode.objects.get(code="NJ-01")])
    fields.setdefault("title", "老旧小区楼道灯改造")
    fields.setdefault("goal", "更换节能楼道灯")
    fields.setdefault("lead_unit", make_unit())
    project = Project.objects.create(**fields)
    project.grids.set(grids)
    return project


def claimed(item, unit=None, quantity=1, by=None):
    return Claim.make(item, unit or make_unit(), quantity, by=by)


def delivered(item, unit=None, quantity=1):
    claim = claimed(item, unit, quantity)
    claim.deliver("已完成", by=None)
    return claim


def verified(item, unit=None, quantity=1):
    claim = delivered(item, unit, quantity)
    claim.verify(by=None)
    return claim
