"""Login throttling behind our TLS proxy: attempts are counted by the address the proxy saw, not by its own.

Every request reaches Django from the proxy (REMOTE_ADDR 127.0.0.1); the proxy appends the client's address
to X-Forwarded-For. Whatever the client wrote there before it is forged and must not count.
"""

import pytest
from django.test import Client

from tests.factories import make_user

PROXY = "127.0.0.1"


@pytest.fixture(autouse=True)
def _behind_the_proxy(settings, db):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Logins here are about counting attempts, not about the hash.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    make_user("worker09")


def via_proxy(forwarded_for):
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for, HTTP_X_FORWARDED_PROTO="https")


def log_in(client, password):
    return client.post("/accounts/login/", {"username": "worker09", "password": password})


def test_six_misses_from_one_client_lock_that_client():
    client = via_proxy("203.0.113.7")
    responses = [log_in(client, "not-the-password").status_code for _ in range(6)]
    assert responses == [200] * 5 + [429]


def test_another_client_with_the_right_password_still_logs_in():
    for _ in range(6):
        log_in(via_proxy("203.0.113.7"), "not-the-password")
    assert log_in(via_proxy("198.51.100.9"), "correct-horse-battery").status_code == 302


def test_a_forged_forwarded_for_prefix_does_not_escape_the_count():
    # Each attempt claims a different origin; the proxy's entry (the last) is the same, so the 6th is refused.
    responses = [log_in(via_proxy(f"10.9.9.{n}, 203.0.113.7"), "not-the-password").status_code for n in range(6)]
    assert responses[-1] == 429


def test_a_forged_prefix_naming_another_client_does_not_lock_it():
    for _ in range(6):
        log_in(via_proxy("198.51.100.9, 203.0.113.7"), "not-the-password")
    assert log_in(via_proxy("198.51.100.9"), "correct-horse-battery").status_code == 302
