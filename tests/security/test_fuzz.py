"""Bad input, fuzzed: arbitrary text, numbers, dates, codes and files in every public form and in every query
parameter of every page found in the URLconf. Zero 500s; every refusal is a page with a message (200 with an
error list, 400, 404, 429), and a refused wish leaves nothing behind.

Hypothesis runs derandomised (the same examples every run, so CI does not flake) with small max_examples, so
the whole file stays under a minute; raise FUZZ_EXAMPLES locally for a longer hunt.
"""

import os
import re
import uuid
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import override_settings
from django.urls import URLResolver, get_resolver, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nanjie.models import ThrottleHit
from requests.lifecycle.queues import QUEUES
from requests.models import Request
from tests.security.html_forms import query_fields
from tests.security.world import build_world, jpeg_bytes

SCALE = int(os.environ.get("FUZZ_EXAMPLES", "1"))
FUZZ = settings(max_examples=15 * SCALE, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
# The query strings of every page (some 330 pages, two personas each) get fewer examples per page: over the
# whole URLconf that is still thousands of requests, and CI stays under 15 minutes. FUZZ_EXAMPLES raises both.
PAGE_FUZZ = settings(FUZZ, max_examples=5 * SCALE)

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


@pytest.mark.parametrize("persona", ["anonymous", "branch"])
def test_the_booking_form_survives_anything_and_books_all_or_nothing(world, db, persona):
    session = world.objects["station_session"]

    @FUZZ
    @given(data=st.data())
    def check(data):
        from volunteers.models import Booking

        fields = {
            "slot": data.draw(st.one_of(st.sampled_from(["09:20", "09:40", "09:00", "25:00"]), VALUE)),
            "resident_name": data.draw(st.one_of(st.just("李春华"), TEXT)),
            "resident_phone": data.draw(st.one_of(st.just("13800001111"), TEXT, NUMBER)),
            "topic": data.draw(TEXT),
            "submission": data.draw(st.one_of(st.uuids().map(str), VALUE)),
        }
        before = Booking.objects.count()
        response = world.client(persona).post(reverse("volunteers:book", args=[session.pk]), fields)
        assert_refused_politely(response)
        if response.status_code == 302:
            booking = Booking.objects.get(submission=uuid.UUID(fields["submission"]))
            assert booking.events.count() == 1
            assert booking.cancel() is None
        else:
            assert Booking.objects.count() == before

    check()


def test_the_session_record_form_survives_anything(world, db):
    session = world.objects["station_session"]

    @FUZZ
    @given(count=st.one_of(st.just("12"), NUMBER, TEXT), summary=TEXT, servers=st.lists(VALUE, max_size=3),
           households=st.lists(VALUE, max_size=3), other=TEXT)
    def check(count, summary, servers, households, other):
        response = world.client("branch").post(reverse("volunteers:session_record", args=[session.pk]), {
            "served_count": count, "summary": summary, "servers": servers, "households": households,
            "other_servers": other})
        assert_refused_politely(response)

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


def test_the_public_summary_form_survives_anything(world, db):
    """The branch admin's summary: whatever is typed, the notice is revised or the page says why (never a 500)."""
    url = reverse("requests:act", args=[world.objects["public_request"].reference, "revise"])

    @FUZZ
    @given(summary=st.one_of(TEXT, st.just("电话139/1234/5678"), st.just("住3栋2单元401室")))
    def check(summary):
        response = world.client("branch").post(url, {"revise-summary": summary})
        assert_refused_politely(response)
        assert response.status_code in (200, 302, 400)  # 400: a NUL (grid/middleware.py)

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


# --- every query parameter of every page ---------------------------------------------------------------------------

# Every named page of the URLconf is fuzzed, as the least and the most privileged persona who can open it; a new
# page without URL arguments is picked up on its own. A page with arguments needs a value in ARGUMENTS (or a
# reason in NOT_FUZZED): test_every_page_is_fuzzed_or_excused fails until it has one.
REACH = ("anonymous", "worker", "member", "chairman", "branch", "superuser")


def fixed(**kwargs):
    return lambda world: (kwargs, {})


def pk_of(key, kwarg="pk"):
    return lambda world: ({kwarg: world.objects[key].pk}, {})


def recorded_by_the_worker(world):
    """The slip opens only for whoever recorded the request, until dispatch (issue 17): one the worker recorded."""
    own = world.objects["own_request"]
    wish = Request.order(category=own.category, text="代居民登记的诉求", micro_grid=own.micro_grid,
                         channel=Request.Channel.GRID_VISIT, received_by=world.users["worker"])
    return {"reference": wish.reference}, {}


def photo_with_token(world):
    photo = world.ensure_photo_file()
    return {"pk": photo.pk}, {"t": photo.request.token}


def file_of(key, field):
    return lambda world: ({"pk": world.ensure_file(key, field).pk}, {})


# name -> {id: world -> (URL kwargs, the query string a real link carries)}
ARGUMENTS = {
    "volunteers:team": {"red": fixed(colour="red")},
    "volunteers:position": {"foreign": pk_of("station")},
    "volunteers:position_calendar": {"foreign": pk_of("station")},
    "volunteers:book": {"foreign": pk_of("station_session")},
    "volunteers:booking": {"token": lambda world: ({"token": world.objects["booking"].token}, {"new": "1"})},
    "volunteers:manage_position": {"foreign": pk_of("station")},
    "volunteers:inspect": {"foreign": pk_of("station")},
    "volunteers:session": {"foreign": pk_of("station_session")},
    "volunteers:session_extra": {"foreign": pk_of("rule")},
    "volunteers:week": {"foreign": pk_of("station")},
    "grid:node": {"NJ-01": fixed(code="NJ-01")},
    "requests:area": {"NJ": fixed(code="NJ"), "NJ-02": fixed(code="NJ-02")},
    "requests:queue": {name: fixed(name=name) for name in QUEUES},
    "requests:queue_export": {"all": fixed(name="all")},
    "requests:grid_posters": {"NJ-01": fixed(code="NJ-01")},
    "requests:poster": {"NJ-01-01": fixed(code="NJ-01-01")},
    "requests:track": {"new": lambda world: ({"token": world.own_token}, {"new": "1"})},
    "requests:photo": {"token": photo_with_token},
    "requests:detail": {"foreign": lambda world: ({"reference": world.objects["request"].reference}, {})},
    "requests:slip": {"recorded": recorded_by_the_worker},
    "field:household": {"foreign": pk_of("household")},
    "field:household_edit": {"foreign": pk_of("household")},
    "field:visit_new": {"foreign": pk_of("household", "household_pk")},
    "field:service_new": {"foreign": pk_of("household", "household_pk")},
    "field:visit": {"foreign": pk_of("visit")},
    "field:visit_photo": {"foreign": file_of("visit", "photo")},
    "partners:claim_photo": {"foreign": file_of("claim", "delivery_photo")},
    "field:pair": {"foreign": pk_of("pair")},
    "field:dispute": {"foreign": pk_of("dispute")},
    "field:whistle": {"foreign": pk_of("whistle")},
    "field:visit_worksheet": {"NJ-01": fixed(code="NJ-01")},
    "volunteers:study_session": {"foreign": pk_of("study_session"), "held": pk_of("held_study_session")},
    "volunteers:mobile_member": {"foreign": pk_of("mobile_member")},
    # requests/statistics: a drill-down and the monthly report (the period's query parameters are fuzzed)
    "requests:figure": {name: fixed(name=name) for name in ("grid.disputes", "requests.received")},
    "requests:monthly_report": {"2026-11": fixed(year=2026, month=11)},
    # the joint meeting (partners/meeting)
    "partners:meeting": {"today": pk_of("meeting")},
    "partners:meeting_print": {"today": pk_of("meeting")},
    "partners:decision_done": {"foreign": pk_of("decision")},
    "partners:decision_carry": {"foreign": pk_of("decision")},
    "partners:scorecard": {"unit_b": pk_of("unit_b")},
    "requests:from_decision": {"foreign": pk_of("decision")},
    "partners:need_from_decision": {"foreign": pk_of("decision")},
    "partners:project_from_decision": {"foreign": pk_of("decision")},
    "volunteers:plan": {"foreign": pk_of("plan")},
    "volunteers:activity": {"foreign": pk_of("activity")},
    "volunteers:certificate": {"foreign": pk_of("certificate")},
    "partners:need": {"foreign": pk_of("need")},
    "partners:project": {"foreign": pk_of("project")},
    "partners:unit_record": {"foreign": pk_of("unit_b")},
    # grid/people/logins: the branch's page of the foreign worker's login; a bad set-password link
    "logins:detail": {"foreign": lambda world: ({"pk": world.objects["their_worker"].person.pk}, {})},
    "password_reset_confirm": {"bad": fixed(uidb64="MQ", token="not-a-real-token")},
}
NOT_FUZZED = {
    "set_language": "POST only",
    "logout": "POST only",
    "requests:rate": "POST only; its form is fuzzed above",
    "requests:act": "POST only",
    "grid:edit_description": "POST only",
    "field:pair_contact": "POST only",
    "field:dispute_move": "POST only",
    "field:whistle_report": "POST only",
    "field:whistle_close": "POST only",
    "volunteers:booking_cancel": "POST only",
    "volunteers:booking_staff_cancel": "POST only",
    "volunteers:inspection_fixed": "POST only",
    "volunteers:session_record": "POST only; its form is fuzzed below",
    "volunteers:session_cancel": "POST only",
    # Answers are JSON or XML error lists, not pages: fuzzed at the end with the spec's parameters.
    "requests:open311_services": "fuzzed below (Open311)",
    "requests:open311_requests": "fuzzed below (Open311)",
    "requests:open311_request": "fuzzed below (Open311)",
    "volunteers:study_sign_in": "POST only; its form is fuzzed below",
    "volunteers:study_tick": "POST only; its form is fuzzed below",
    "volunteers:study_close": "POST only",
    "volunteers:study_cancel": "POST only",
    "volunteers:study_file": "a download with no parameters; the world's sessions have no file (a 404 for all)",
    "volunteers:mobile_contact": "POST only; its form is fuzzed below",
    "volunteers:mobile_came_back": "POST only; its form is fuzzed below",
    "lockouts_unlock": "POST only; its form is fuzzed at the end",
    # the joint meeting (partners/meeting): POST only, the forms are fuzzed at the end of this file
    **{name: "POST only; fuzzed below" for name in (
        "partners:meeting_attendance", "partners:meeting_build_agenda", "partners:meeting_add_item",
        "partners:meeting_minutes", "partners:meeting_confirm", "partners:meeting_amend",
        "partners:meeting_drop_item", "partners:meeting_decide")},
    "volunteers:plan_new": "POST only",
    "volunteers:plan_reason": "POST only",
    "volunteers:plan_publish": "POST only",
    "volunteers:activity_claim": "POST only",
    "volunteers:activity_signup": "POST only",
    "volunteers:signup_cancel": "POST only",
    "volunteers:sign_in": "POST only; its code is fuzzed below",
    "volunteers:sign_out": "POST only",
    "volunteers:activity_record": "POST only",
    "volunteers:activity_add_volunteer": "POST only",
    "volunteers:signup_confirm": "POST only",
    "volunteers:signup_late": "POST only; its form is fuzzed below",
    "volunteers:signup_approve": "POST only",
    "volunteers:certificate_issue": "POST only",
    "partners:need_claim": "POST only; its form is fuzzed below",
    "partners:project_claim": "POST only",
    "partners:claim_act": "POST only; the delivery form is fuzzed below",
    "partners:milestone_new": "POST only",
    "partners:milestone_done": "POST only",
    "elderly_mode": "POST only; fuzzed below",
    **{f"logins:{action}": "POST only; the forms are fuzzed in test_fuzz_staff.py"
       for action in ("create", "roles", "post", "reset", "deactivate", "reactivate")},
}
# Names lists commonly read even when no form or link on the page shows them.
COMMON_PARAMS = ["page", "q", "grid", "category", "state", "year", "month", "sort", "o", "visit", "household",
                 "new", "t", "format", "near", "kind", "week", "when", "flag"]
# The changelist's own parameters (page, show all, error flag, popup, facets, to-field).
ADMIN_PARAMS = ["p", "all", "e", "_popup", "_facets", "_to_field", "_changelist_filters"]


def named_pages(resolver=None, namespace=""):
    """(name, number of URL arguments) of every named pattern, namespaces included."""
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            yield from named_pages(entry, f"{namespace}{entry.namespace}:" if entry.namespace else namespace)
        elif entry.name:
            yield f"{namespace}{entry.name}", entry.pattern.regex.groups


def is_admin_changelist(name):
    return name.startswith("admin:") and name.endswith("_changelist")


def fuzzed_pages():
    pages = []
    for name, arguments in dict(named_pages()).items():
        if name in NOT_FUZZED or (name.startswith("admin:") and not is_admin_changelist(name)):
            continue  # the admin's object pages are fuzzed by id below
        for variant, arguments_of in ARGUMENTS.get(name, {} if arguments else {"": fixed()}).items():
            pages.append(pytest.param(name, arguments_of, id=f"{name}-{variant}" if variant else name))
    return pages


def date_hierarchy_params(name):
    from django.contrib import admin

    for model, model_admin in admin.site._registry.items():
        if name == f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist" and model_admin.date_hierarchy:
            return [f"{model_admin.date_hierarchy}__{part}" for part in ("year", "month", "day")]
    return []


def link_params(html):
    """The query parameters of the page's own links (filters, sorting, pages): href="?state=…&o=2"."""
    return [key for query in re.findall(r'href="[^"?]*\?([^"#]*)', html)
            for key, _value in parse_qsl(unescape(query), keep_blank_values=True)]


def test_every_page_is_fuzzed_or_excused():
    fuzzed = {param.values[0] for param in fuzzed_pages()}
    pages = [name for name, _arguments in named_pages() if not name.startswith("admin:")]
    assert [name for name in pages if name not in fuzzed and name not in NOT_FUZZED] == []


def let_go(response):
    """Close a streamed answer (a photo's file) as the test client does once it is read.

    Not response.close(): that sends request_finished, whose close_old_connections closes the connection
    inside the module's transaction on PostgreSQL ("the connection is closed" for every test after it).
    """
    if response.streaming:
        b"".join(response.streaming_content)


@pytest.mark.parametrize(("name", "arguments_of"), fuzzed_pages())
def test_no_query_parameter_of_a_page_gives_a_500(world, db, name, arguments_of):
    kwargs, query = arguments_of(world)
    url = reverse(name, kwargs=kwargs or None)
    answers = {persona: world.client(persona).get(url, query) for persona in REACH}
    for answer in answers.values():
        let_go(answer)
    assert all(answer.status_code < 500 for answer in answers.values())
    reach = [persona for persona, answer in answers.items() if answer.status_code == 200]
    assert reach, f"nobody can open {name}: give it ARGUMENTS that open it, or a reason in NOT_FUZZED"
    for persona in dict.fromkeys([reach[0], reach[-1]]):
        first = answers[persona]
        html = first.content.decode(errors="replace") if "html" in first.get("Content-Type", "") else ""
        names = query_fields(html) + link_params(html) + COMMON_PARAMS + list(query)
        if name.startswith("admin:"):
            names += ADMIN_PARAMS + date_hierarchy_params(name)
        fuzz_query(world, persona, url, query, list(dict.fromkeys(names)))


def fuzz_query(world, persona, url, query, names):
    @PAGE_FUZZ
    @given(params=st.dictionaries(st.sampled_from(names), PARAM_VALUES, min_size=1, max_size=len(names)))
    def check(params):
        response = world.client(persona).get(url, {**query, **params})
        assert_refused_politely(response)
        let_go(response)  # a photo is a FileResponse: let go of its file

    check()


# --- admin date hierarchy: a date at or past the calendar's edge is the changelist's "invalid lookup" answer ------

def date_hierarchy_changelists():
    from django.contrib import admin

    return [pytest.param(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist",
                         model_admin.date_hierarchy, id=model._meta.label)
            for model, model_admin in admin.site._registry.items() if model_admin.date_hierarchy]


EDGE_OF_CALENDAR = {
    "huge-year": {"year": "9" * 23},
    "huge-month": {"year": "2026", "month": "9" * 23},
    "last-year": {"year": "9999"},
    "last-december": {"year": "9999", "month": "12"},
    "last-day": {"year": "9999", "month": "12", "day": "31"},
    "first-year": {"year": "1"},
}


@pytest.mark.parametrize("date", EDGE_OF_CALENDAR.values(), ids=EDGE_OF_CALENDAR.keys())
@pytest.mark.parametrize(("name", "field"), date_hierarchy_changelists())
def test_an_admin_date_at_the_calendars_edge_goes_back_to_the_list_with_the_error_flag(world, db, name, field, date):
    url = reverse(name)
    response = world.client("superuser").get(url, {f"{field}__{part}": value for part, value in date.items()})
    assert (response.status_code, response.get("Location")) == (302, f"{url}?e=1")


@pytest.mark.parametrize(("name", "field"), date_hierarchy_changelists())
def test_an_admin_date_in_the_calendar_still_filters_the_list(world, db, name, field):
    response = world.client("superuser").get(reverse(name), {f"{field}__year": "2026", f"{field}__month": "2"})
    assert response.status_code == 200


# --- NUL: PostgreSQL cannot compare text containing it, so it must never reach a query -------------------------

@pytest.mark.parametrize(("persona", "method", "url", "data"), [
    ("anonymous", "get", "/track/abc%00def/", None),
    ("anonymous", "post", "/track/abc%00def/rate/", {"rating": "satisfied"}),
    ("anonymous", "get", "/wish/?grid=NJ-01-01%00", None),
    ("anonymous", "get", "/board/?grid=%00", None),
    ("anonymous", "get", "/volunteers/services/?q=%00", None),
    ("anonymous", "get", "/volunteers/bookings/abc%00def/", None),
    ("anonymous", "post", "/wish/", {"text": "a\x00b", "micro_grid": "NJ-01-01"}),
    ("anonymous", "post", "/accounts/login/", {"username": "sec\x00worker", "password": "x"}),
    ("worker", "get", "/grid/NJ-01%00/", None),
    ("worker", "get", "/requests/new/?household=1%00", None),
    ("branch", "get", "/requests/posters/NJ%00/", None),
])
def test_a_nul_character_anywhere_is_a_400_page(world, db, persona, method, url, data):
    response = getattr(world.client(persona), method)(url, data)
    assert response.status_code == 400
    assert "<h1" in response.content.decode()


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
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_an_admin_history_record_for_a_version_that_is_not_a_number_goes_back_to_the_index(world, db):
    from grid.models import GridNode

    url = reverse("admin:grid_gridnode_simple_history", args=[GridNode.objects.first().pk, "x1"])
    assert world.client("superuser").get(url).status_code == 302


# --- Open311 (requests/open311): every answer is 200 with rows, or the spec's error list with 400/404 ------------

OPEN311_PARAMS = ["service_request_id", "service_code", "start_date", "end_date", "status", "page", "page_size",
                  "jurisdiction_id", *COMMON_PARAMS]
W3C_ISH = st.one_of(st.datetimes(timezones=st.timezones()).map(lambda at: at.isoformat()),
                    st.datetimes().map(lambda at: at.isoformat() + "Z"),
                    st.sampled_from(["2026-01-01T00:00:00Z", "2026-12-31T23:59:59+08:00", "0001-01-01T00:00:00Z",
                                     "9999-12-31T23:59:59Z", "2026-02-30T00:00:00Z", "2026-01-01T24:00:00Z"]))
OPEN311_VALUE = st.one_of(VALUE, W3C_ISH, st.sampled_from(["open", "closed", "open,closed", "json", "xml", "NJ"]))


def assert_open311_answer(response, fmt):
    import json
    import xml.etree.ElementTree as ElementTree

    assert response.status_code in (200, 400, 404), response.status_code
    if response.status_code == 400 and "html" in response.get("Content-Type", ""):
        assert_refused_politely(response)  # a NUL anywhere: nanjie.middleware.RejectNulMiddleware's page, first
        return
    parsed = json.loads(response.content) if fmt == "json" else ElementTree.fromstring(response.content)
    if response.status_code != 200:
        errors = parsed if fmt == "json" else [{child.tag: child.text for child in error} for error in parsed]
        assert errors
        assert all(set(error) == {"code", "description"} for error in errors)


@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize("name", ["requests:open311_services", "requests:open311_requests"])
def test_no_open311_query_gives_a_500(world, db, name, fmt):
    url = reverse(name, kwargs={"format": fmt})

    @FUZZ
    @given(params=st.dictionaries(st.sampled_from(OPEN311_PARAMS), st.one_of(OPEN311_VALUE, st.lists(
        OPEN311_VALUE, min_size=2, max_size=3)), min_size=1, max_size=6))
    def check(params):
        assert_open311_answer(world.client("anonymous").get(url, params), fmt)
# --- volunteers/study: planning a session, ticking, the member's sign-in code, a tutor's contact ------------------

def test_the_study_session_form_survives_anything_and_plans_all_or_nothing(world, db):
    from volunteers.models import StudySession

    station, organiser = world.objects["station"], world.objects["study_session"].organiser

    @FUZZ
    @given(data=st.data())
    def check(data):
        fields = {
            "kind": data.draw(st.one_of(st.sampled_from(["secretary_led", "mutual"]), VALUE)),
            "topic": data.draw(st.one_of(st.just("学习全会精神"), TEXT)),
            "position": data.draw(st.one_of(st.just(str(station.pk)), VALUE)),
            "day": data.draw(st.one_of(st.just("2026-12-20"), DATE, TEXT)),
            "starts": data.draw(st.one_of(st.just("14:30"), VALUE)),
            "ends": data.draw(st.one_of(st.just("16:00"), st.just("13:00"), VALUE)),
            "organiser": data.draw(st.one_of(st.just(str(organiser.pk)), VALUE)),
            "makes_up": data.draw(st.one_of(st.just(""), st.just(str(world.objects["held_study_session"].pk)), VALUE)),
            "materials": data.draw(TEXT), "token": data.draw(st.one_of(st.uuids().map(str), VALUE)),
            "materials_file": data.draw(upload()),
        }
        before = StudySession.objects.count()
        response = world.client("branch").post(reverse("volunteers:study_new"), fields)
        assert_refused_politely(response)
        if response.status_code != 302:
            assert StudySession.objects.count() == before
# --- the joint meeting's forms (partners/meeting) --------------------------------------------------------------

def test_the_meeting_forms_survive_anything(world, db):
    meeting, item = world.objects["later_meeting"], world.objects["agenda_item"]
    urls = [reverse("partners:meeting_attendance", args=[meeting.pk]),
            reverse("partners:meeting_add_item", args=[meeting.pk]),
            reverse("partners:meeting_minutes", args=[meeting.pk]),
            reverse("partners:meeting_amend", args=[meeting.pk]),
            reverse("partners:meeting_decide", args=[item.meeting_id, item.pk]),
            reverse("partners:meeting_new")]

    @FUZZ
    @given(url=st.sampled_from(urls), present=st.lists(VALUE, max_size=3), title=TEXT, text=TEXT, unit=VALUE,
           deadline=st.one_of(DATE, TEXT), held_on=st.one_of(DATE, TEXT))
    def check(url, present, title, text, unit, deadline, held_on):
        response = world.client("chairman").post(url, {
            "present": present, "title": title, "minutes": text, "text": text, "unit": unit, "deadline": deadline,
            "held_on": held_on, "place": title})
        assert_refused_politely(response)

    check()


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_no_open311_request_id_gives_a_500(world, db, fmt):
    from urllib.parse import quote

    @FUZZ
    @given(identifier=st.one_of(TEXT, NUMBER).filter(lambda text: text.strip("/") and "/" not in text))
    def check(identifier):
        response = world.client("anonymous").get(f"/open311/v2/requests/{quote(identifier, safe='')}.{fmt}")
        if response.status_code == 404 and "html" in response.get("Content-Type", ""):
            return  # no route matched at all (the id ends in a dot and a format, or is empty): the portal's 404
        assert_open311_answer(response, fmt)
def test_the_tick_and_sign_in_forms_survive_anything(world, db):
    session = world.objects["study_session"]

    @FUZZ
    @given(people=st.lists(VALUE, max_size=3), code=st.one_of(st.just("123456"), VALUE))
    def check(people, code):
        ticked = world.client("branch").post(reverse("volunteers:study_tick", args=[session.pk]), {"people": people})
        signed = world.client("chairman").post(reverse("volunteers:study_sign_in", args=[session.pk]), {"code": code})
        assert_refused_politely(ticked)
        assert_refused_politely(signed)

    check()


def test_the_tutor_contact_form_survives_anything(world, db):
    member = world.objects["mobile_member"]

    @FUZZ
    @given(on=st.one_of(DATE, TEXT), how=st.one_of(st.sampled_from(["phone", "video"]), VALUE), studied=TEXT,
           token=st.one_of(st.uuids().map(str), VALUE))
    def check(on, how, studied, token):
        response = world.client("branch").post(reverse("volunteers:mobile_contact", args=[member.pk]), {
            "on": on, "how": how, "studied": studied, "token": token})
        assert_refused_politely(response)
        came_back = world.client("worker").post(reverse("volunteers:mobile_came_back", args=[member.pk]), {"on": on})
        assert_refused_politely(came_back)
# --- harden (issue 17): the branch's unlock form -----------------------------------------------------------------

def test_the_unlock_form_survives_anything_and_unlocks_nothing_it_was_not_asked_to(world, db):
    from axes.models import AccessAttempt
    from django.utils import timezone

    AccessAttempt.objects.create(username=world.users["worker"].username, ip_address="10.1.1.1",
                                 failures_since_start=6, attempt_time=timezone.now(), get_data="", post_data="")

    @FUZZ
    @given(username=st.one_of(TEXT, VALUE))
    def check(username):
        response = world.client("branch").post(reverse("lockouts_unlock"), {"username": username})
        assert_refused_politely(response)
        assert AccessAttempt.objects.filter(username=world.users["worker"].username).exists() or \
            username == world.users["worker"].username
def test_the_decision_forms_survive_anything(world, db):
    decision = world.objects["decision"]
    urls = [reverse("partners:decision_done", args=[decision.pk]),
            reverse("partners:decision_carry", args=[decision.pk]),
            reverse("requests:from_decision", args=[decision.pk])]

    @FUZZ
    @given(url=st.sampled_from(urls), note=TEXT, meeting=VALUE, category=VALUE, micro_grid=VALUE,
           deadline=st.one_of(DATE, TEXT))
    def check(url, note, meeting, category, micro_grid, deadline):
        response = world.client("branch").post(url, {
            "note": note, "meeting": meeting, "category": category, "micro_grid": micro_grid, "text": note,
            "deadline": deadline, "idempotency_key": str(uuid.uuid4())})
        assert_refused_politely(response)

    check()


def test_the_need_and_project_from_a_decision_forms_survive_anything_and_make_one_at_most(world, db):
    from partners.models import Milestone, Need, Project

    decision = world.objects["decision"]
    urls = [reverse("partners:need_from_decision", args=[decision.pk]),
            reverse("partners:project_from_decision", args=[decision.pk])]

    @FUZZ
    @given(url=st.sampled_from(urls), title=st.one_of(st.just("楼道照明改造"), TEXT), text=TEXT,
           category=VALUE, grid=st.one_of(st.just(str(decision.item.meeting.community_id)), VALUE),
           lead_unit=st.one_of(st.just(str(decision.unit_id)), VALUE), day=st.one_of(DATE, TEXT),
           quantity=st.one_of(st.just("1"), NUMBER, TEXT), budget=st.one_of(NUMBER, TEXT))
    def check(url, title, text, category, grid, lead_unit, day, quantity, budget):
        response = world.client("branch").post(url, {
            "title": title, "description": text, "goal": text, "category": category, "grid": grid, "grids": grid,
            "urgency": "normal", "wanted_by": day, "approved_on": day, "lead_unit": lead_unit, "budget": budget,
            "quantity": quantity, "measure": text[:20]})
        assert_refused_politely(response)
        assert Need.objects.filter(decision=decision).count() <= 1
        assert Milestone.objects.filter(project__decision=decision).count() == Project.objects.filter(
            decision=decision).count()

    check()


# --- volunteers/activities ------------------------------------------------------------------------------------------

def test_the_activity_form_survives_anything_and_adds_all_or_nothing(world, db):
    from volunteers.models import Activity

    @FUZZ
    @given(data=st.data())
    def check(data):
        fields = {
            "title": data.draw(st.one_of(st.just("河道巡查"), TEXT)), "needs": data.draw(TEXT),
            "colour": data.draw(st.one_of(st.just("red"), VALUE)),
            "grids": data.draw(st.lists(st.one_of(st.just(str(world.objects["plan"].reasons.get().grid_id)), VALUE),
                                        max_size=2)),
            "capacity": data.draw(st.one_of(st.just("5"), NUMBER, TEXT)),
            "on": data.draw(st.one_of(st.just("2026-12-07"), DATE, TEXT)),
            "starts_at": data.draw(st.one_of(st.just("20:00"), TEXT)),
            "ends_at": data.draw(st.one_of(st.just("00:30"), TEXT)),
            "place": data.draw(st.one_of(st.just("栋川河"), TEXT)),
            "position": data.draw(st.one_of(st.just(""), VALUE)),
            "token": data.draw(st.one_of(st.uuids().map(str), VALUE)),
        }
        before = Activity.objects.count()
        response = world.client("branch").post(reverse("volunteers:activity_new"), fields)
        assert_refused_politely(response)
        assert Activity.objects.count() == before + (1 if response.status_code == 302 else 0)

    check()


def test_the_late_entry_and_sign_in_forms_survive_anything(world, db):
    signup = world.objects["signup"]

    @FUZZ
    @given(minutes=st.one_of(st.just("60"), NUMBER, TEXT), reason=TEXT, evaluation=VALUE, code=VALUE)
    def check(minutes, reason, evaluation, code):
        response = world.client("branch").post(reverse("volunteers:signup_late", args=[signup.pk]), {
            "minutes": minutes, "reason": reason, "evaluation": evaluation})
        assert_refused_politely(response)
        response = world.client("worker").post(reverse("volunteers:sign_in", args=[signup.activity_id]),
                                               {"code": code})
        assert_refused_politely(response)

    check()


# --- partners/lists: the claim and delivery forms, and raising a need -------------------------------------------

def test_the_claim_form_survives_anything_and_claims_all_or_nothing(world, db):
    from partners.models import Claim

    need = world.objects["need"]

    @FUZZ
    @given(unit=st.one_of(st.just(str(world.objects["unit_b"].pk)), VALUE), quantity=st.one_of(st.just("1"), NUMBER,
                                                                                                  TEXT), resource=VALUE)
    def check(unit, quantity, resource):
        before = Claim.objects.count()
        response = world.client("branch").post(reverse("partners:need_claim", args=[need.pk]),
                                               {"unit": unit, "quantity": quantity, "resource": resource})
        assert_refused_politely(response)
        assert Claim.objects.count() == before  # unit B already holds the only slot

    check()


def test_the_delivery_form_survives_anything(world, db):
    claim = world.objects["claim"]
    prefix = f"c{claim.pk}"

    @FUZZ
    @given(note=TEXT, quantity=st.one_of(NUMBER, TEXT), day=st.one_of(DATE, TEXT),
           photo=st.one_of(st.none(), upload()))
    def check(note, quantity, day, photo):
        with transaction.atomic():
            response = world.client("branch").post(reverse("partners:claim_act", args=[claim.pk, "deliver"]), {
                f"{prefix}-note": note, f"{prefix}-quantity": quantity, f"{prefix}-delivered_on": day,
                **({f"{prefix}-photo": photo} if photo else {})})
            assert_refused_politely(response)
            transaction.set_rollback(True)

    check()


def test_the_need_form_survives_anything_and_saves_all_or_nothing(world, db):
    from partners.models import Need

    @FUZZ
    @given(data=st.data())
    def check(data):
        fields = {name: data.draw(VALUE) for name in ("title", "description", "category", "grid", "urgency",
                                                       "wanted_by", "quantity", "measure")}
        before = Need.objects.count()
        with transaction.atomic():
            response = world.client("worker").post(reverse("partners:need_new"), fields)
            assert_refused_politely(response)
            assert response.status_code == 302 or Need.objects.count() == before
            transaction.set_rollback(True)

    check()


def test_the_promote_form_survives_anything_and_saves_all_or_nothing(world, db):
    from partners.models import Need
    from requests.models import NeedLink

    own = world.objects["own_request"]

    @FUZZ
    @given(data=st.data())
    def check(data):
        fields = {f"need-{name}": data.draw(VALUE) for name in ("title", "description", "category", "grid", "urgency",
                                                                 "wanted_by", "quantity", "measure")}
        chosen = data.draw(st.lists(st.one_of(st.just(str(own.pk)), VALUE), max_size=3))
        before = (Need.objects.count(), NeedLink.objects.count())
        with transaction.atomic():
            response = world.client("worker").post(reverse("requests:promote"), {**fields, "chosen": chosen})
            assert_refused_politely(response)
            assert response.status_code == 302 or (Need.objects.count(), NeedLink.objects.count()) == before
            transaction.set_rollback(True)

    check()


# --- the residents' 查进度 form and the elderly-mode switch (issue 16) ------------------------------------------

@pytest.mark.parametrize("persona", ["anonymous", "worker"])
def test_the_lookup_form_survives_anything_and_opens_only_the_right_pair(world, db, persona):
    wish = world.objects["request"]

    @FUZZ
    @given(reference=st.one_of(st.just(wish.reference), TEXT), phone=st.one_of(TEXT, NUMBER))
    def check(reference, phone):
        ThrottleHit.objects.all().delete()  # the throttle's 429 would hide every answer after the tenth
        response = world.client(persona).post(reverse("requests:lookup"), {"reference": reference, "phone": phone})
        assert_refused_politely(response)
        if response.status_code == 302:
            assert response["Location"] == reverse("requests:track", args=[wish.token])

    check()


def test_the_elderly_switch_survives_anything_and_stays_on_the_site(world, db):
    @FUZZ
    @given(on=VALUE, next_url=st.one_of(TEXT, st.just("//evil.example/"), st.just("https://evil.example/x")))
    def check(on, next_url):
        response = world.client("anonymous").post(reverse("elderly_mode"), {"on": on, "next": next_url})
        assert_refused_politely(response)  # a NUL anywhere is the 400 page
        if response.status_code != 400:
            location = urlsplit(response["Location"].replace("\\", "/"))
            assert response.status_code == 302
            assert (location.scheme, location.netloc) == ("", "")

    check()
