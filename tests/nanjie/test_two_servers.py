"""Two app servers behind one balancer agree: on a session, a throttle count, a one-time token, a cached figure.

A "server" here is a thread of its own: Django gives each thread its own database connection and its own cache
clients (its own Redis connection pool), as two gunicorn processes have. Sessions and the cache are in Redis
(REDIS_URL: those tests skip without it); the per-address limits, the login lockouts and the one-time
submission keys are rows in the shared database, committed before the other server looks, so they need no Redis.
"""

import threading
import uuid

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connections
from django.test import Client

from nanjie import throttle
from requests.models import Request
from requests.statistics import figures as stats
from tests.factories import make_branch_admin, make_unit, make_user
from tests.requests.public_helpers import community, wish_post

pytestmark = pytest.mark.django_db(transaction=True)
RESIDENT = "10.7.0.21"


def on_server(work):
    """Run work() as another server would: in its own thread, with its own connections, then hang up."""
    result = {}

    def serve():
        try:
            result["value"] = work()
        except BaseException as error:  # re-raised in the test's thread
            result["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=serve)
    thread.start()
    thread.join(60)
    if "error" in result:
        raise result["error"]
    return result["value"]


@pytest.fixture
def category():
    return community()[0]


def test_a_login_on_one_server_is_a_session_on_the_other(redis_settings, category):
    user = make_branch_admin()

    def log_in():
        client = Client()
        client.force_login(user)
        return client.cookies["sessionid"].value

    session = on_server(log_in)

    def open_me():
        client = Client()
        client.cookies["sessionid"] = session
        return client.get("/me/").status_code

    status = on_server(open_me)
    assert status == 200
    assert Session.objects.count() == 0  # in Redis, not in the database


def test_wishes_counted_on_one_server_count_on_the_other(category):
    def post_wishes(count):
        client = Client(REMOTE_ADDR=RESIDENT)
        return [client.post("/wish/", wish_post(category)).status_code for _ in range(count)]

    limit = throttle.LIMITS["wish"][0]
    on_server(lambda: post_wishes(limit))
    assert on_server(lambda: post_wishes(1)) == [429]


def test_one_form_sent_to_both_servers_is_one_wish(category):
    form = wish_post(category, submission=str(uuid.uuid4()))
    first = on_server(lambda: Client(REMOTE_ADDR=RESIDENT).post("/wish/", form)["Location"])
    again = on_server(lambda: Client(REMOTE_ADDR=RESIDENT).post("/wish/", form)["Location"])
    assert first == again
    assert Request.objects.count() == 1


def test_wrong_passwords_on_both_servers_add_up_to_one_lockout(category):
    make_user("worker07")  # password: correct-horse-battery

    def wrong_passwords(count):
        client = Client(REMOTE_ADDR=RESIDENT)
        return [client.post("/accounts/login/", {"username": "worker07", "password": "wrong"}).status_code
                for _ in range(count)]

    on_server(lambda: wrong_passwords(5))
    assert on_server(lambda: wrong_passwords(1)) == [429]


def test_a_figure_cached_on_one_server_is_the_figure_on_the_other(redis_settings, category):
    first = on_server(stats.structure)
    make_unit(name="县自然资源局")  # the cached figure stays until it expires or is dropped, on every server
    assert on_server(stats.structure) == first


def test_a_figure_dropped_on_one_server_is_recomputed_on_the_other(redis_settings, category):
    first = on_server(stats.structure)
    make_unit(name="县自然资源局")
    on_server(lambda: cache.delete(f"stats:structure:{settings.COMMUNITY_CODE}"))  # the default community's
    assert on_server(stats.structure) != first
