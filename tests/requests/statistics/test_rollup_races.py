"""The roll-ups raced on PostgreSQL, real threads, one connection each: eight requests of one micro-grid moving at
once add to the same cells (no lost update, no deadlock), and eight presses on one request count it once."""

import pytest

from requests.models import Request
from requests.statistics import rollups
from tests.conftest import requires_postgres
from tests.races import together
from tests.requests.staff_world import bring_to, fast_passwords, order, world  # noqa: F401 (fixture)

pytestmark = [requires_postgres, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
ACTORS = 8


def counts_equal_a_recount():
    return rollups.mismatches(rollups.recount(), rollups.maintained()) == []


def test_eight_requests_of_one_micro_grid_closing_at_once_count_every_one():
    w = world()
    wishes = [bring_to(w, Request.State.ACCEPTED) for _ in range(ACTORS)]
    results, refused = together([lambda wish=wish: Request.objects.get(pk=wish.pk).close("已处理", by=w.nurse)
                                 for wish in wishes])
    assert (len(results), refused) == (ACTORS, [])
    assert counts_equal_a_recount()


def test_eight_ratings_of_one_request_at_once_count_one():
    w = world()
    wish = bring_to(w, Request.State.CLOSED)
    together([lambda: Request.objects.get(pk=wish.pk).rate(Request.Rating.SATISFIED) for _ in range(ACTORS)])
    assert counts_equal_a_recount()


def test_eight_wishes_at_once_are_each_received():
    w = world()
    together([lambda: order(w) for _ in range(ACTORS)])
    assert sum(cell["received"] for cell in rollups.maintained().values()) == ACTORS
