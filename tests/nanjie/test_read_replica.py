"""The read replica: GET pages read from it; writes, transactions and read-after-write stay on the primary.

In tests the replica is a TEST MIRROR of default (the same database through a second connection), so which
connection ran a query tells where the router sent it. Transactional tests: a second connection sees only
committed rows, as a real standby does.
"""

import pytest
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.test.utils import CaptureQueriesContext

from nanjie import db_router
from nanjie.db_router import PIN_COOKIE, PrimaryReplicaRouter, Routing
from nanjie.models import ThrottleHit
from requests.models import Request
from tests.factories import make_branch_admin
from tests.requests.public_helpers import community, order, wish_post

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])


class Queries:
    """Counts the queries each connection ran while the block ran."""

    def __enter__(self):
        self.primary = CaptureQueriesContext(connections["default"]).__enter__()
        self.replica = CaptureQueriesContext(connections["replica"]).__enter__()
        return self

    def __exit__(self, *exc):
        self.replica.__exit__(*exc)
        self.primary.__exit__(*exc)


@pytest.fixture
def category(replica):
    return community()[0]


def test_a_public_page_reads_from_the_replica(client, category):
    order(category)
    with Queries() as queries:
        assert client.get("/board/").status_code == 200
    assert len(queries.replica) > 0
    assert len(queries.primary) == 0


def test_a_wish_post_reads_and_writes_on_the_primary(client, category):
    with Queries() as queries:
        response = client.post("/wish/", wish_post(category))
    assert response.status_code == 302
    assert len(queries.replica) == 0


def test_the_tracking_page_right_after_the_wish_reads_from_the_primary(client, category):
    response = client.post("/wish/", wish_post(category))
    with Queries() as queries:
        page = client.get(response["Location"])
    assert page.status_code == 200
    assert len(queries.replica) == 0


def test_a_write_pins_the_browser_to_the_primary_for_the_configured_seconds(client, category, settings):
    settings.DATABASE_REPLICA_PIN_SECONDS = 7
    cookie = client.post("/wish/", wish_post(category)).cookies[PIN_COOKIE]
    assert (cookie["max-age"], cookie["httponly"], cookie["samesite"]) == (7, True, "Lax")


def test_once_the_pin_has_expired_the_tracking_page_reads_from_the_replica(client, category):
    location = client.post("/wish/", wish_post(category))["Location"]
    del client.cookies[PIN_COOKIE]
    with Queries() as queries:
        assert client.get(location).status_code == 200
    assert len(queries.replica) > 0


def test_a_page_that_only_reads_sets_no_pin(client, category):
    assert PIN_COOKIE not in client.get("/board/").cookies


def test_a_streamed_export_reads_its_rows_from_the_replica(client, category):
    order(category)
    client.force_login(make_branch_admin())
    with Queries() as queries:
        response = client.get("/requests/queue/all/export.csv")
        body = b"".join(response.streaming_content)
    assert response.status_code == 200
    assert len(body) > 0
    assert any("requests_request" in query["sql"] for query in queries.replica)


def test_sessions_lockouts_and_address_limits_read_from_the_primary():
    router, token = PrimaryReplicaRouter(), db_router._current.set(Routing(primary=False))
    try:
        from axes.models import AccessAttempt
        from django.contrib.sessions.models import Session

        chosen = {router.db_for_read(model) for model in (Session, AccessAttempt, ThrottleHit)}
    finally:
        db_router._current.reset(token)
    assert chosen == {DEFAULT_DB_ALIAS}


def test_reads_inside_a_transaction_go_to_the_primary():
    router, token = PrimaryReplicaRouter(), db_router._current.set(Routing(primary=False))
    try:
        with transaction.atomic():
            inside = router.db_for_read(Request)
        outside = router.db_for_read(Request)
    finally:
        db_router._current.reset(token)
    assert (inside, outside) == (DEFAULT_DB_ALIAS, "replica")


def test_after_a_write_the_same_request_reads_from_the_primary():
    router, token = PrimaryReplicaRouter(), db_router._current.set(Routing(primary=False))
    try:
        router.db_for_write(Request)
        chosen = router.db_for_read(Request)
    finally:
        db_router._current.reset(token)
    assert chosen == DEFAULT_DB_ALIAS


def test_outside_a_request_everything_reads_from_the_primary():
    assert PrimaryReplicaRouter().db_for_read(Request) == DEFAULT_DB_ALIAS


def test_nothing_is_migrated_on_the_replica():
    router = PrimaryReplicaRouter()
    assert (router.allow_migrate("replica", "requests"), router.allow_migrate("default", "requests")) == (False, True)
