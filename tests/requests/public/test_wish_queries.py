"""The wish POST makes the statements its integrity needs and no more: the throttle's counts in one query, the
category and the micro-grid looked up once each, the submission key once, the request, its reference and first
transition, the throttle's hits (expired ones forgotten) in one transaction."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nanjie.models import ThrottleHit
from requests.models import Request
from tests.requests.public_helpers import community, wish_post

pytestmark = pytest.mark.django_db
# Eleven statements and two transactions (the request, the throttle's hits): SAVEPOINT/RELEASE inside the test's
# transaction, BEGIN/COMMIT on a server (22 before). Two of them are the roll-ups' (requests/statistics/rollups.py:
# the new request read back as the counts see it, and one upsert of its micro-grid's month).
STATEMENTS = 15


def sent(client, category, **fields):
    with CaptureQueriesContext(connection) as queries:
        response = client.post("/wish/", wish_post(category, **fields), REMOTE_ADDR="10.1.2.3")
    return response, [query["sql"].split()[0] for query in queries.captured_queries]


def test_a_wish_sent_costs_fifteen_statements(client):
    response, statements = sent(client, community()[0])
    assert response.status_code == 302
    assert len(statements) == STATEMENTS


def test_the_throttle_counts_both_scopes_in_one_query_and_writes_its_hits_in_one_insert(client):
    _response, statements = sent(client, community()[0])
    assert statements.count("INSERT") == 4  # the request, its transition, its roll-up count, the throttle's two hits
    assert statements.count("DELETE") == 1


def test_a_new_wish_counts_as_a_wish_and_as_a_post(client):
    sent(client, community()[0])
    assert sorted(ThrottleHit.objects.values_list("scope", flat=True)) == ["wish", "wish-post"]


def test_a_resent_wish_counts_as_a_post_only(client):
    category = community()[0]
    form = wish_post(category)
    client.post("/wish/", form, REMOTE_ADDR="10.1.2.3")
    client.post("/wish/", form, REMOTE_ADDR="10.1.2.3")
    assert Request.objects.count() == 1
    assert sorted(ThrottleHit.objects.values_list("scope", flat=True)) == ["wish", "wish-post", "wish-post"]


def test_a_refused_wish_counts_as_a_post(client):
    response, _statements = sent(client, community()[0], text="  ")
    assert response.status_code == 200
    assert list(ThrottleHit.objects.values_list("scope", flat=True)) == ["wish-post"]


def test_a_micro_grid_of_another_community_is_refused(client):
    from tests.factories import make_tree

    category = community()[0]
    make_tree(grids=1, micro_per_grid=1, prefix="XY")
    sent(client, category, code="XY-01-01")
    assert not Request.objects.exists()
