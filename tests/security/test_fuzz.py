"""Bad input, fuzzed: arbitrary text, numbers, dates, codes and files in every public form and in every query
parameter of every list. Zero 500s; every refusal is a page with a message (200 with an error list, 400, 404,
429), and a refused wish leaves nothing behind.

Hypothesis runs derandomised (the same examples every run, so CI does not flake) with small max_examples, so
the whole file stays under a minute; raise FUZZ_EXAMPLES locally for a longer hunt.
"""

import os
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from requests.models import Request
from tests.security.html_forms import query_fields
from tests.security.world import build_world, jpeg_bytes

SCALE = int(os.environ.get("FUZZ_EXAMPLES", "1"))
FUZZ = settings(max_examples=15 * SCALE, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# --- what a careless or hostile visitor types ----------------------------------------------------------------

NASTY = st.sampled_from([
    "", " ", "\x00", "a\x00b", "0", "-1", "1e309", "NaN", "9" * 40, "-9" * 20, "1.5", "０１２",
    "2026-02-30", "2026-13-01", "0000-00-00", "9999-12-31", "1900-01-01", "2026/11/28", "昨天",
    "NJ", "NJ-01", "NJ-01-01", "NJ-99-99", "nj-01-01", "NJ-2026-000001", "../../etc/passwd", "%00", "%",
    "<script>alert(1)</script>", "' OR 1=1 --", "\u202e", "🙂" * 30, "ｒｅｄ", "null", "None", "[]", "{}",
    "x" * 5000, "张" * 2000, "13812345678", "+86 138 1234 5678",
])
TEXT = st.one_of(NASTY, st.text(max_size=60), st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
NUMBER = st.one_of(st.integers(min_value=-(2**70), max_value=2**70).map(str), st.floats().map(str))
DATE = st.one_of(st.dates().map(lambda day: day.isoformat()), st.datetimes().map(lambda at: at.isoformat()))
VALUE = st.one_of(TEXT, NUMBER, DATE)
PARAM_VALUES = st.one_of(VALUE, st.lists(VALUE, min_size=2, max_size=3))


@st.composite
def upload(draw):
    content = draw(st.one_of(st.binary(max_size=2000), st.just(jpeg_bytes()),
                             st.just(b"GIF89a" + b"\x00" * 20), st.just(jpeg_bytes()[:40])))
    name = draw(st.one_of(st.just("photo.jpg"), st.text(min_size=1, max_size=40).map(lambda text: text + ".jpg"),
                          st.just("evil.php.jpg"), st.just("x.svg")))
    kind = draw(st.sampled_from(["image/jpeg", "image/png", "text/html", "application/octet-stream", "image/svg+xml"]))
    return SimpleUploadedFile(name.replace("/", "_").replace("\x00", "_") or "x", content, content_type=kind)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), override_settings(
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        with transaction.atomic():
            yield build_world()
            transaction.set_rollback(True)


def assert_refused_politely(response):
    """Never a 500; anything refused is a page that says why."""
    assert response.status_code < 500
    if response.status_code >= 400:
        body = response.content.decode(errors="replace")
        assert "<h1" in body or 'class="errorlist' in body, (response.status_code, body[:300])


# --- the public forms -------------------------------------------------------------------------------------------

def wish_data(world, draw):
    category = world.objects["request"].category
    return {
        "category": draw(st.one_of(st.just(str(category.pk)), VALUE)),
        "text": draw(st.one_of(st.just("楼道灯坏了"), TEXT)),
        "micro_grid": draw(st.one_of(st.just("NJ-01-01"), st.just("NJ-01"), VALUE)),
        "resident_name": draw(st.one_of(st.just("李春华"), TEXT)),
        "resident_phone": draw(st.one_of(st.just("13800001111"), TEXT, NUMBER)),
        "submission": draw(st.one_of(st.uuids().map(str), VALUE)),
        "from_wall": draw(st.one_of(st.just("on"), VALUE)),
    }


@pytest.mark.parametrize("persona", ["anonymous", "worker"])
def test_the_wish_form_survives_anything_and_saves_all_or_nothing(world, db, persona):
    @FUZZ
    @given(data=st.data(), photos=st.lists(upload(), max_size=4))
    def check(data, photos):
        fields = wish_data(world, data.draw)
        before = Request.objects.count()
        response = world.client(persona).post(reverse("requests:wish"), {**fields, "photos": photos})
        assert_refused_politely(response)
        if response.status_code == 302:
            saved = Request.objects.get(idempotency_key=uuid.UUID(fields["submission"]))
            assert response["Location"].startswith(reverse("requests:track", args=[saved.token]))
            assert saved.transitions.count() == 1
        else:
            assert Request.objects.count() == before

    check()


def test_the_rating_form_survives_anything(world, db):
    token = world.objects["closed_request"].token

    @FUZZ
    @given(rating=st.one_of(st.sampled_from(["satisfied", "basically", "unsatisfied"]), VALUE), comment=TEXT)
    def check(rating, comment):
        response = world.client("resident").post(reverse("requests:rate", args=[token]),
                                                 {"rating": rating, "comment": comment})
        assert_refused_politely(response)

    check()


def test_a_rating_with_a_garbage_token_is_a_404_page(world, db):
    @FUZZ
    @given(token=st.text(alphabet=st.characters(codec="utf-8", exclude_characters="/?#"), min_size=1, max_size=80))
    def check(token):
        response = world.client("resident").post(f"/track/{token}/rate/", {"rating": "satisfied"})
        assert_refused_politely(response)

    check()


def test_the_login_form_survives_anything(world, db):
    @FUZZ
    @given(username=st.one_of(st.just("sec_worker"), TEXT), password=TEXT, next_url=st.one_of(st.just(""), TEXT))
    def check(username, password, next_url):
        response = world.client("anonymous").post(reverse("login"), {
            "username": username, "password": password, "next": next_url})
        assert_refused_politely(response)
        assert response.status_code in (200, 400, 429)  # 400: a NUL (grid/middleware.py)

    check()


# --- every query parameter of every list ---------------------------------------------------------------------------

LISTS = [
    ("requests:board", {}, "anonymous"),
    ("requests:board_feed", {}, "anonymous"),
    ("requests:home", {}, "anonymous"),
    ("requests:stats", {}, "anonymous"),
    ("requests:wish", {}, "anonymous"),
    ("partners:units", {}, "anonymous"),
    ("volunteers:teams", {}, "anonymous"),
    ("volunteers:team", {"colour": "red"}, "anonymous"),
    ("requests:queues", {}, "branch"),
    ("requests:queue", {"name": "all"}, "branch"),
    ("requests:queue", {"name": "dispatch"}, "chairman"),
    ("requests:queue", {"name": "accept"}, "member"),
    ("requests:queue", {"name": "overdue"}, "worker"),
    ("requests:record", {}, "worker"),
    ("requests:posters", {}, "branch"),
    ("grid:overview", {}, "worker"),
    ("grid:node", {"code": "NJ-01"}, "worker"),
    ("me", {}, "worker"),
    ("field:households", {}, "worker"),
    ("field:households", {}, "branch"),
    ("field:visits", {}, "worker"),
    ("field:visit_start", {}, "worker"),
    ("field:coverage", {}, "worker"),
    ("field:pairs", {}, "member"),
    ("field:services", {}, "chairman"),
    ("field:disputes", {}, "worker"),
    ("field:whistles", {}, "branch"),
    ("field:household_export", {}, "worker"),
]
# Names lists commonly read even when no form on the page shows them.
COMMON_PARAMS = ["page", "q", "grid", "category", "state", "year", "month", "sort", "o", "visit", "household",
                 "new", "t", "format"]


@pytest.mark.parametrize(("name", "kwargs", "persona"), LISTS, ids=[f"{n}-{p}" for n, _k, p in LISTS])
def test_no_query_parameter_of_a_list_gives_a_500(world, db, name, kwargs, persona):
    url = reverse(name, kwargs=kwargs or None)
    client = world.client(persona)
    first = client.get(url)
    assert first.status_code == 200
    names = query_fields(first.content.decode(errors="replace")) if "html" in first["Content-Type"] else []
    names = list(dict.fromkeys(names + COMMON_PARAMS))

    @FUZZ
    @given(params=st.dictionaries(st.sampled_from(names), PARAM_VALUES, min_size=1, max_size=len(names)))
    def check(params):
        assert_refused_politely(world.client(persona).get(url, params))

    check()


# --- NUL: PostgreSQL cannot compare text containing it, so it must never reach a query -------------------------

@pytest.mark.parametrize(("persona", "method", "url", "data"), [
    ("anonymous", "get", "/track/abc%00def/", None),
    ("anonymous", "post", "/track/abc%00def/rate/", {"rating": "satisfied"}),
    ("anonymous", "get", "/wish/?grid=NJ-01-01%00", None),
    ("anonymous", "get", "/board/?grid=%00", None),
    ("anonymous", "post", "/wish/", {"text": "a\x00b", "micro_grid": "NJ-01-01"}),
    ("anonymous", "post", "/accounts/login/", {"username": "sec\x00worker", "password": "x"}),
    ("worker", "get", "/grid/NJ-01%00/", None),
    ("worker", "get", "/requests/new/?household=1%00", None),
    ("branch", "get", "/requests/posters/NJ%00/", None),
])
def test_a_nul_character_anywhere_is_a_400_page(world, db, persona, method, url, data):
    response = getattr(world.client(persona), method)(url, data)
    assert response.status_code == 400 and "<h1" in response.content.decode()


# --- admin: an object id that is not a number (a typo, a truncated link) ---------------------------------------

def admin_object_urls():
    from django.contrib import admin

    urls = []
    for model in admin.site._registry:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls += [pytest.param(f"{prefix}_{view}", id=f"{prefix}_{view}") for view in ("change", "history", "delete")]
    return urls


@pytest.mark.parametrize("name", admin_object_urls())
def test_an_admin_page_for_an_id_that_is_not_a_number_is_no_500(world, db, name):
    from django.urls import NoReverseMatch

    try:
        url = reverse(name, args=["abc"])
    except NoReverseMatch:
        pytest.skip(f"{name} has no such page")
    assert world.client("superuser").get(url).status_code < 500


def history_record_urls():
    from django.contrib import admin
    from simple_history.admin import SimpleHistoryAdmin

    return [f"admin:{model._meta.app_label}_{model._meta.model_name}_simple_history"
            for model, model_admin in admin.site._registry.items() if isinstance(model_admin, SimpleHistoryAdmin)]


@pytest.mark.parametrize("name", history_record_urls())
def test_an_admin_history_record_for_an_id_that_is_not_a_number_goes_back_to_the_index(world, db, name):
    response = world.client("superuser").get(reverse(name, args=["abc", "1"]))
    assert response.status_code == 302 and response["Location"] == reverse("admin:index")


def test_an_admin_history_record_for_a_version_that_is_not_a_number_goes_back_to_the_index(world, db):
    from grid.models import GridNode

    url = reverse("admin:grid_gridnode_simple_history", args=[GridNode.objects.first().pk, "x1"])
    assert world.client("superuser").get(url).status_code == 302
