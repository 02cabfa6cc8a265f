import datetime

import pytest
from django.utils import timezone

from requests.models import Request
from tests.requests.staff_world import S, bring_to, fast_passwords, world  # noqa: F401 (fixture)


@pytest.fixture
def w(db):
    return world()


@pytest.fixture
def each_state(w):
    """One request in each state, ordered an hour ago: {state: request}."""
    return {state: bring_to(w, state) for state in S.values}


def ordered_days_ago(wish, days):
    at = timezone.now() - datetime.timedelta(days=days)
    Request.objects.filter(pk=wish.pk).update(ordered_at=at)
    wish.refresh_from_db()
    return wish
