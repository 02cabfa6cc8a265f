"""/requests/ (the queue index, the same page as /me/) counts each of the user's queues once, though both its
queue list and the /me/ panel show the counts; the household list of that page asks no join over all visits."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests.lifecycle.queues import queues_for
from tests.requests.staff_world import S, bring_to, fast_passwords, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
COUNT = 'SELECT COUNT(*) FROM (SELECT "requests_request"'


def counts_on(client, user, path):
    client.force_login(user)
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return sum(query["sql"].startswith(COUNT) for query in queries.captured_queries)


@pytest.mark.parametrize("who", ["branch", "chairman", "doctor"])
def test_each_queue_is_counted_once(client, who):
    w = world()
    bring_to(w, S.CLOSED)
    user = getattr(w, who)
    assert counts_on(client, user, "/requests/") == len(queues_for(user))


def test_the_counts_are_the_same_on_both_lists(client):
    w = world()
    bring_to(w, S.CLOSED)
    client.force_login(w.branch)
    page = client.get("/requests/")
    listed = {queue["name"]: queue["count"] for queue in page.context["queues"]}
    assert listed["publicise"] == 1
