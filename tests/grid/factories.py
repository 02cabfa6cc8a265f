"""Plain factories for field-work records, and a query counter for the pages' constant-query tests."""

import datetime
import itertools

from django.utils import timezone

from grid.models import GridNode, Household, Visit

_rooms = itertools.count(101)


def make_household(micro_code="NJ-03-01", groups=(), **fields):
    fields.setdefault("compound", "南街小区")
    fields.setdefault("building", "3")
    fields.setdefault("unit_number", "1")
    fields.setdefault("room", str(next(_rooms)))
    fields.setdefault("contact_name", "张秀英")
    household = Household.objects.create(micro_grid=GridNode.objects.get(code=micro_code), **fields)
    household.set_special_groups(groups)
    return household


def make_visit(household, user, days_ago=0, **fields):
    fields.setdefault("asked", "询问身体状况")
    return Visit.objects.create(household=household, worker=user.person, recorded_by=user,
                                visited_on=timezone.localdate() - datetime.timedelta(days=days_ago), **fields)


def queries_for(client, url, params=None):
    """How many SQL queries one GET of a page takes."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(captured)
