"""Plain factories for the service positions: a centre position, a red station in a micro-grid, a fixed-day rule."""

import datetime
import itertools

from grid.territory.models import GridNode
from tests.factories import make_unit
from volunteers.models import Position, ServiceRule

_serial = itertools.count(1)
T = datetime.time


def make_position(**fields):
    fields.setdefault("kind", Position.Kind.CENTRE)
    fields.setdefault("name", f"阵地{next(_serial)}")
    fields.setdefault("opens_at", T(8, 30))
    fields.setdefault("closes_at", T(17, 30))
    position = Position(**fields)
    position.full_clean()
    position.save()
    return position


def make_station(micro_code="NJ-01-01", **fields):
    fields.setdefault("name", f"红色驿站{next(_serial)}")
    fields.setdefault("compound", "栋川花园")
    fields.setdefault("location", "小区北门")
    return make_position(kind=Position.Kind.RED_STATION, micro_grid=GridNode.objects.get(code=micro_code), **fields)


def make_rule(position, **fields):
    """A weekly Wednesday-morning service with 20-minute slots, from 2026-01-01 (override what a test needs)."""
    if "team" not in fields:
        fields.setdefault("unit", make_unit(name=f"县司法局{next(_serial)}"))
    fields.setdefault("kind", ServiceRule.Kind.LEGAL)
    fields.setdefault("title", "律师坐班")
    fields.setdefault("frequency", ServiceRule.Frequency.WEEKLY)
    fields.setdefault("weekday", 2)
    fields.setdefault("starts_at", T(9))
    fields.setdefault("ends_at", T(10))
    fields.setdefault("starts_on", datetime.date(2026, 1, 1))
    fields.setdefault("slot_minutes", 20)
    rule = ServiceRule(position=position, **fields)
    rule.full_clean()
    rule.save()
    return rule


def session_on(rule, day):
    """The rule's session on `day`, made if the rule has not got that far yet."""
    rule.schedule_through(day)
    return rule.sessions.get(on=day)
