"""Login lockouts (issue 17 hole 9): Retry-After on the lockout page, a cap per account across addresses, and
the branch's page to unlock an account (nanjie/lockouts.py)."""

import pytest
from django.test import Client, override_settings

from tests.factories import make_branch_admin, make_user

pytestmark = [pytest.mark.django_db,
              pytest.mark.usefixtures("fast_hashing")]
LOGIN = "/accounts/login/"
GOOD = "correct-horse-battery"


@pytest.fixture
def fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def wrong(username="worker09", address="10.1.1.1"):
    return Client(REMOTE_ADDR=address).post(LOGIN, {"username": username, "password": "not-the-password"})


def right(username="worker09", address="10.9.9.9"):
    return Client(REMOTE_ADDR=address).post(LOGIN, {"username": username, "password": GOOD})


def test_the_lockout_page_says_when_to_try_again():
    make_user("worker09")
    for _ in range(5):
        wrong()
    response = wrong()
    assert (response.status_code, response["Retry-After"]) == (429, "3600")


@override_settings(ACCOUNT_FAILURE_LIMIT=8)
def test_too_many_wrong_passwords_from_many_addresses_lock_the_account():
    make_user("worker09")
    for n in range(8):
        wrong(address=f"10.0.0.{n}")
    assert right().status_code == 429


@override_settings(ACCOUNT_FAILURE_LIMIT=8)
def test_fewer_than_the_account_cap_from_many_addresses_do_not_lock_it():
    make_user("worker09")
    for n in range(7):
        wrong(address=f"10.0.0.{n}")
    assert right().status_code == 302


def test_the_account_cap_is_well_above_the_per_address_limit():
    from django.conf import settings

    assert settings.ACCOUNT_FAILURE_LIMIT >= 4 * settings.AXES_FAILURE_LIMIT


@pytest.fixture
def locked():
    make_user("worker09")
    for _ in range(6):
        wrong()
    return "worker09"


def branch_client():
    client = Client()
    client.force_login(make_branch_admin())
    return client


def test_the_branch_sees_a_locked_account(locked):
    body = branch_client().get("/accounts/lockouts/").content.decode()
    assert "worker09" in body
    assert "已锁定" in body


def test_the_branch_unlocks_an_account_and_its_owner_logs_in(locked):
    branch_client().post("/accounts/lockouts/unlock/", {"username": locked})
    assert right(address="10.1.1.1").status_code == 302


def test_unlocking_an_account_without_failures_is_404(locked):
    make_user("worker10")
    assert branch_client().post("/accounts/lockouts/unlock/", {"username": "worker10"}).status_code == 404


def test_a_grid_worker_may_not_see_the_lockouts(locked):
    client = Client()
    client.force_login(make_user("worker11", roles=["grid_worker"]))
    assert client.get("/accounts/lockouts/").status_code == 403


def test_a_grid_worker_may_not_unlock(locked):
    client = Client()
    client.force_login(make_user("worker11", roles=["grid_worker"]))
    client.post("/accounts/lockouts/unlock/", {"username": locked})
    assert right(address="10.1.1.1").status_code == 429


def test_attempts_on_names_that_are_no_account_are_not_listed():
    wrong(username="admin123")
    assert "admin123" not in branch_client().get("/accounts/lockouts/").content.decode()


def test_the_list_filters_by_login_name(locked):
    make_user("worker12")
    wrong(username="worker12")
    body = branch_client().get("/accounts/lockouts/?username=12").content.decode()
    assert "worker12" in body
    assert "worker09" not in body


def _queries_for_lockouts(accounts):
    from axes.models import AccessAttempt
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    for n in range(accounts):
        user = make_user(f"many{accounts}x{n}")
        AccessAttempt.objects.create(username=user.username, ip_address="10.1.1.1", failures_since_start=6,
                                     attempt_time=timezone.now(), get_data="", post_data="")
    client = branch_client()
    client.get("/accounts/lockouts/")  # warm the session and the permission caches
    with CaptureQueriesContext(connection) as queries:
        client.get("/accounts/lockouts/")
    return len(queries)


def test_the_lockout_page_costs_the_same_queries_for_1_and_20_accounts():
    assert _queries_for_lockouts(1) == _queries_for_lockouts(20)
