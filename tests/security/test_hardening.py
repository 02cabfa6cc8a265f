"""What production promises about every response: CSP, HSTS, cookies, no-store, passwords, login throttling.

The production values are read in a subprocess with production's environment (DEBUG off, a real secret key),
because the test process itself runs with DEBUG's development defaults.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.test import Client
from django.urls import ResolverMatch

from nanjie.middleware import StaffNoStoreMiddleware
from tests.factories import make_branch_admin, make_tree, make_user

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "False",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "nanjie.example.org",
}


def run_with_production_env(*args):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(PRODUCTION_ENV, DJANGO_SETTINGS_MODULE="nanjie.settings")
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def production():
    script = (
        "import json, django; django.setup(); from django.conf import settings as s; print(json.dumps({k: "
        "getattr(s, k) for k in ['SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_SSL_REDIRECT',"
        " 'SESSION_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', 'SESSION_COOKIE_SAMESITE', 'CSRF_COOKIE_SECURE',"
        " 'CSRF_COOKIE_HTTPONLY', 'CSRF_COOKIE_SAMESITE', 'X_FRAME_OPTIONS', 'SECURE_CONTENT_TYPE_NOSNIFF',"
        " 'LANGUAGE_COOKIE_SECURE', 'LANGUAGE_COOKIE_HTTPONLY', 'LANGUAGE_COOKIE_SAMESITE']}))"
    )
    result = run_with_production_env("-c", script)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Logins here are about counting attempts, not about the hash: a fast hasher keeps the file quick.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def csp_of(response):
    header = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.fixture
def staff_client(db):
    make_tree(grids=1, micro_per_grid=1)
    client = Client()
    client.force_login(make_branch_admin())
    return client


# --- Content-Security-Policy -------------------------------------------------------------------------------

PUBLIC_PAGES = ["/", "/accounts/login/", "/admin/login/", "/no-such-page/", "/partners/units/", "/volunteers/"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_every_public_response_carries_the_strict_policy(client, path):
    policy = csp_of(client.get(path))
    assert {key: policy.get(key) for key in ("default-src", "object-src", "base-uri", "frame-ancestors")} == {
        "default-src": ["'self'"], "object-src": ["'none'"], "base-uri": ["'none'"], "frame-ancestors": ["'none'"],
    }


@pytest.mark.parametrize("path", ["/me/", "/grid/", "/admin/", "/admin/grid/gridnode/"])
def test_every_staff_response_carries_the_strict_policy(staff_client, path):
    response = staff_client.get(path)
    assert csp_of(response)["default-src"] == ["'self'"], response.status_code


@pytest.mark.django_db
def test_the_policy_allows_no_inline_script_or_style(client):
    header = client.get("/").headers["Content-Security-Policy"]
    assert "unsafe-inline" not in header
    assert "unsafe-eval" not in header


@pytest.mark.django_db
def test_the_policy_is_exactly_the_strict_one_with_nothing_loosened(client):
    assert csp_of(client.get("/")) == {
        "default-src": ["'self'"], "object-src": ["'none'"], "base-uri": ["'none'"], "frame-ancestors": ["'none'"],
        "form-action": ["'self'"]}


# --- Cache-Control -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/me/", "/grid/", "/grid/NJ/", "/admin/", "/no-such-page/"])
def test_no_staff_page_may_be_stored(staff_client, path):
    assert "no-store" in staff_client.get(path).headers.get("Cache-Control", "")


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/accounts/login/", "/admin/login/"])
def test_no_login_page_may_be_stored(client, path):
    assert "no-store" in client.get(path).headers.get("Cache-Control", "")


@pytest.mark.django_db
def test_the_answer_to_a_submission_may_not_be_stored(client):
    response = client.post("/accounts/login/", {"username": "nobody", "password": "wrong-password"})
    assert "no-store" in response.headers.get("Cache-Control", "")


def test_a_page_reached_by_a_tracking_token_may_not_be_stored(rf):
    request = rf.get("/t/abc/")
    request.resolver_match = ResolverMatch(lambda request: None, (), {"token": "abc"}, url_name="track")
    request.user = AnonymousUser()
    response = StaffNoStoreMiddleware(lambda request: HttpResponse("ok"))(request)
    assert "no-store" in response.headers["Cache-Control"]


def test_a_photo_opened_with_its_token_may_not_be_stored(rf):
    request = rf.get("/requests/photo/1/", {"t": "secret"})
    request.user = AnonymousUser()
    response = StaffNoStoreMiddleware(lambda request: HttpResponse("jpeg"))(request)
    assert "no-store" in response.headers["Cache-Control"]


# --- Production settings -------------------------------------------------------------------------------------

def test_production_sends_hsts_for_a_year_with_subdomains(production):
    assert (production["SECURE_HSTS_SECONDS"], production["SECURE_HSTS_INCLUDE_SUBDOMAINS"]) == (31536000, True)


def test_production_cookies_are_secure_httponly_and_same_site(production):
    cookies = {key: value for key, value in production.items() if "COOKIE" in key}
    assert cookies == {
        "SESSION_COOKIE_SECURE": True, "SESSION_COOKIE_HTTPONLY": True, "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_SECURE": True, "CSRF_COOKIE_HTTPONLY": True, "CSRF_COOKIE_SAMESITE": "Lax",
        "LANGUAGE_COOKIE_SECURE": True, "LANGUAGE_COOKIE_HTTPONLY": True, "LANGUAGE_COOKIE_SAMESITE": "Lax",
    }


def test_production_redirects_to_https_and_forbids_framing(production):
    assert (production["SECURE_SSL_REDIRECT"], production["X_FRAME_OPTIONS"]) == (True, "DENY")


def test_deploy_check_has_nothing_to_say_under_production_values():
    result = run_with_production_env("manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert (result.returncode, result.stdout.strip()) == (0, "System check identified no issues (0 silenced)."), \
        result.stderr


def test_hsts_header_is_sent_on_https(client, settings, db):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get("/", secure=True)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000; includeSubDomains")


# --- Passwords -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("password", ["12345678901", "password123", "nanjie", "zhangsan2026"])
def test_weak_passwords_are_refused(password, db):
    user = make_user("zhangsan2026")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_long_unusual_password_is_accepted(db):
    assert validate_password("stairwell-lantern-47", make_user()) is None


# --- Login throttling (django-axes) --------------------------------------------------------------------------

def post_wrong_password(client, username="worker09"):
    return client.post("/accounts/login/", {"username": username, "password": "not-the-password"})


@pytest.mark.django_db
def test_five_wrong_passwords_still_get_the_login_form():
    make_user("worker09")
    client = Client(REMOTE_ADDR="10.1.1.1")
    assert [post_wrong_password(client).status_code for _ in range(5)] == [200] * 5


@pytest.mark.django_db
def test_the_sixth_wrong_password_is_refused_with_429_in_chinese():
    make_user("worker09")
    client = Client(REMOTE_ADDR="10.1.1.1", HTTP_ACCEPT_LANGUAGE="zh-hans")
    for _ in range(5):
        post_wrong_password(client)
    response = post_wrong_password(client)
    assert (response.status_code, "登录失败次数过多" in response.content.decode()) == (429, True)


@pytest.mark.django_db
def test_a_locked_out_user_is_refused_even_with_the_right_password():
    make_user("worker09")
    client = Client(REMOTE_ADDR="10.1.1.1")
    for _ in range(6):
        post_wrong_password(client)
    response = client.post("/accounts/login/", {"username": "worker09", "password": "correct-horse-battery"})
    assert response.status_code == 429


@pytest.mark.django_db
def test_the_lockout_holds_one_username_from_one_address_only():
    make_user("worker09")
    for _ in range(6):
        post_wrong_password(Client(REMOTE_ADDR="10.1.1.1"))
    elsewhere = Client(REMOTE_ADDR="10.2.2.2").post(
        "/accounts/login/", {"username": "worker09", "password": "correct-horse-battery"})
    assert elsewhere.status_code == 302


@pytest.mark.django_db
def test_a_username_longer_than_any_account_is_counted_not_a_500():
    client = Client(REMOTE_ADDR="10.3.3.3")
    responses = [post_wrong_password(client, username="x" * 5000).status_code for _ in range(6)]
    assert responses == [200] * 5 + [429]
