"""Which pages `make bench` measures, as whom, and how many SQL queries each costs (in-process).

Run by bench/harness.py once per scale, in a subprocess whose environment is the benchmark server's (same
database, same secret key, so the session cookies made here are valid there):

    python bench/pages.py OUT.json

It writes one entry per page: label, path, method, cookie, wish-form fields for the POST, and the number of
queries the page made on its second request (the first one warms caches), counted with CaptureQueriesContext.
A page whose view has not landed, or that finds nothing to show, is written with a `missing` reason instead,
so the harness measures whatever exists.
"""

import json
import os
import sys
import uuid
from importlib import import_module
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nanjie.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.middleware.csrf import _get_new_csrf_string  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import NoReverseMatch, get_resolver, reverse  # noqa: E402

# Wishes the benchmark posts start with this, so `cleanup` can remove them after the run.
MARK = "【基准测试】"
# The staff each staff page is measured as: the same logins at both scales, so their scopes compare.
BRANCH, LEADER, WORKER, UNIT_MEMBER, CHAIRMAN = "branch", "leader03", "worker03", "hospital1", "chairman"


def session_for(username):
    """A logged-in session made directly (no login form, so django-axes and password hashing stay out)."""
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        return None
    # The configured engine's store: with REDIS_URL the server reads sessions from Redis, not the database.
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return store.session_key


def url(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def queue_names():
    """The staff work queues, read from the URLconf: every `requests:queue` pattern's known queue names."""
    for dotted in ("requests.lifecycle.queues", "requests.views_staff", "requests.queues"):
        try:
            module = import_module(dotted)
        except ImportError:
            continue
        for attr in ("QUEUES", "queues"):
            found = getattr(module, attr, None)
            if isinstance(found, dict):
                return list(found)
            if isinstance(found, (list, tuple)):
                return [q[0] if isinstance(q, (list, tuple)) else getattr(q, "name", q) for q in found]
    return []


# Who works each queue; a queue not listed here is measured as the branch admin (who sees everything).
QUEUE_USERS = {"dispatch": CHAIRMAN, "accept": UNIT_MEMBER, "mine": UNIT_MEMBER, "publicise": BRANCH,
               "overdue": BRANCH, "all": BRANCH}


def queue_user(name):
    return QUEUE_USERS.get(name, BRANCH)


def build():
    from grid.models import GridNode, Household
    from partners.models import Category
    from requests.models import Request

    pages = []
    nanjie = Request.objects.filter(reference__startswith=f"{settings.COMMUNITY_CODE}-")

    def add(label, path, user=None, method="GET", missing=None, **extra):
        entry = {"label": label, "path": path, "user": user, "method": method, **extra}
        if path is None and missing is None:
            missing = "no such route yet"
        if missing:
            entry["missing"] = missing
        pages.append(entry)

    add("floor (base.html, no queries)", url("bench_floor"))
    add("home", url("requests:home"))
    add("wish form", url("requests:wish"))
    category = Category.objects.filter(active=True).order_by("pk").first()
    micro = GridNode.objects.filter(code=f"{settings.COMMUNITY_CODE}-03-01").first() or GridNode.objects.filter(
        kind=GridNode.Kind.MICRO_GRID).order_by("pk").first()
    if url("requests:wish") and category and micro:
        add("wish POST", url("requests:wish"), method="POST",
            form={"category": str(category.pk), "text": MARK + "楼道灯坏了,晚上看不见,请帮忙修一下。",
                  "micro_grid": micro.code, "resident_name": "", "resident_phone": ""})
    else:
        add("wish POST", None, missing="no wish route, category or micro-grid")
    # The same seeded request at both scales (`seed` runs first in both databases, so the pks agree): the
    # query counts then compare one page on more data, not two different requests.
    pinned = nanjie.filter(state=Request.State.PUBLICISED).order_by("pk").first() or nanjie.order_by("pk").first()
    tracked = pinned
    add("tracking page", url("requests:track", tracked.token) if tracked else None,
        missing=None if tracked else "no request to track")
    add("closure board", url("requests:board"))
    add("grid overview", url("grid:overview"), BRANCH)
    add("grid page", url("grid:node", f"{settings.COMMUNITY_CODE}-03"), LEADER)
    for name in queue_names():
        add(f"queue: {name}", url("requests:queue", name), queue_user(name))
    if queue_names():
        add("queue: all, as grid leader 3", url("requests:queue", "all"), LEADER)
        add("queue index (counts)", url("requests:queues"), BRANCH)
    else:
        add("staff queues", None, missing="no requests:queue route or QUEUES yet")
    add("record a request (staff form)", url("requests:record"), CHAIRMAN)
    detail = pinned
    add("request detail", url("requests:detail", detail.reference) if detail else None, BRANCH,
        missing=None if detail else "no request")
    home = Household.objects.filter(micro_grid__code__startswith=f"{settings.COMMUNITY_CODE}-03-").order_by(
        "pk").first()
    add("visit form", url("field:visit_new", home.pk) if home else None, WORKER,
        missing=None if home else "no household in grid 3")
    add("staff home /me/", url("me"), LEADER)
    positions_pages(add)
    statistics_pages(add)
    meeting_pages(add)
    lists_pages(add)
    return pages


def statistics_pages(add):
    """requests/statistics: the public figures and rates (cached five minutes: the harness's repeated GETs
    measure the cache), the branch's uncached view of the same page, a drill-down and the monthly report."""
    add("statistics (public, this year)", url("requests:stats"))
    add("statistics, as the branch (uncached)", url("requests:stats"), BRANCH)
    add("the three rates (public)", url("requests:rates"))
    add("units ranked by their rates", url("requests:rates_units"), BRANCH)
    add("figure drill-down: needs fulfilled", url("requests:figure", "requests.fulfilled"), BRANCH)
    add("open-data bundle (ZIP)", url("requests:stats_bundle"))
    area_pages(add)


def area_pages(add):
    """The roll-ups (requests/statistics/area.py, from the counts table): the community's total grid and, where the
    tree holds them (county scale), the first town and the county; anonymous, as the public reads them."""
    from grid.models import GridNode

    add("roll-up: the community", url("requests:area", settings.COMMUNITY_CODE))
    for kind, label in ((GridNode.Kind.TOWN, "roll-up: a town"), (GridNode.Kind.COUNTY, "roll-up: the county")):
        node = GridNode.objects.filter(kind=kind).order_by("tree_id", "lft").first()
        add(label, url("requests:area", node.code) if node else None, missing=None if node else "no such node")


def meeting_pages(add):
    """The joint meeting (partners/meeting): this year's first seeded meeting (the same row at both scales), its
    printable minutes, the decisions list and the chairman's /me/ panel."""
    from partners.models import Meeting, Unit

    first = Meeting.objects.order_by("held_on", "pk").first()
    unit = Unit.objects.order_by("pk").first()
    add("joint meetings", url("partners:meetings"), CHAIRMAN)
    add("joint meeting page", url("partners:meeting", first.pk) if first else None, CHAIRMAN,
        missing=None if first else "no seeded meeting")
    add("minutes on A4", url("partners:meeting_print", first.pk) if first else None, CHAIRMAN,
        missing=None if first else "no seeded meeting")
    add("decisions, overdue", (url("partners:decisions") or "") + "?overdue=true" if url("partners:decisions")
        else None, CHAIRMAN)
    add("unit scorecard", url("partners:scorecard", unit.pk) if unit else None, BRANCH,
        missing=None if unit else "no unit")
    add("chairman's /me/", url("me"), CHAIRMAN)
    from partners.meeting.models import Decision

    open_decision = Decision.objects.filter(state=Decision.State.OPEN, need__isnull=True).order_by("pk").first()
    add("a need from a decision (form)", url("partners:need_from_decision", open_decision.pk) if open_decision
        else None, CHAIRMAN, missing=None if open_decision else "no open decision")


def lists_pages(add):
    """The three lists (partners/lists): the public needs list, the staff lists, a need's page, the rates."""
    from partners.models import Need

    need = Need.objects.filter(request_links__isnull=False).order_by("pk").first() or Need.objects.order_by(
        "pk").first()
    add("public needs list", url("partners:public_needs"))
    add("public project list", url("partners:public_projects"))
    add("needs list (staff), as grid leader 3", url("partners:needs_manage"), LEADER)
    add("needs list (staff), as a unit's party member", url("partners:needs_manage"), UNIT_MEMBER)
    add("need page", url("partners:need", need.pk) if need else None, BRANCH,
        missing=None if need else "no seeded need")
    add("claim and fulfilment rates", url("partners:rates"), BRANCH)
    add("promote requests to a need, as grid worker 3", url("requests:promote"), WORKER)


def positions_pages(add):
    """The service positions (volunteers/positions, services, sessions, bookings): the same seeded rows at both
    scales (the seed runs first in both databases)."""
    from django.utils import timezone

    from volunteers.models import Position, Session

    station = Position.objects.filter(name="栋川花园红色驿站").first()
    bookable = (Session.objects.filter(on__gt=timezone.localdate(), state="planned", rule__slot_minutes__isnull=False)
                .order_by("on", "pk").first())
    add("services in the next 7 days", url("volunteers:services"))
    add("services near a micro-grid (clinics)", (url("volunteers:services") or "") + f"?near="
        f"{settings.COMMUNITY_CODE}-03-02&kind=clinic" if url("volunteers:services") else None)
    add("service positions", url("volunteers:positions"))
    add("position page (red station)", url("volunteers:position", station.pk) if station else None,
        missing=None if station else "no seeded station")
    add("community calendar (.ics)", url("volunteers:calendar"))
    add("booking form", url("volunteers:book", bookable.pk) if bookable else None,
        missing=None if bookable else "no bookable session")
    add("service sessions (staff), as grid leader 3", url("volunteers:sessions"), LEADER)
    add("stations and inspections (staff)", url("volunteers:manage_positions"), BRANCH)


def count_queries(pages):
    client = Client(HTTP_HOST="127.0.0.1")
    for page in pages:
        if page.get("missing"):
            continue
        cookie = session_for(page["user"]) if page["user"] else None
        if page["user"] and cookie is None:
            page["missing"] = f"no login {page['user']}"
            continue
        page["cookie"] = f"{settings.SESSION_COOKIE_NAME}={cookie}" if cookie else ""
        client.cookies.clear()
        if cookie:
            client.cookies[settings.SESSION_COOKIE_NAME] = cookie
        for attempt in range(2):
            # A fresh address each time: the bench server trusts X-Forwarded-For (DJANGO_BEHIND_TLS_PROXY).
            forwarded = {"HTTP_X_FORWARDED_FOR": f"10.{attempt}.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"}
            with CaptureQueriesContext(connection) as queries:
                if page["method"] == "POST":
                    response = client.post(page["path"], {**page["form"], "submission": str(uuid.uuid4())},
                                           **forwarded)
                else:
                    response = client.get(page["path"], **forwarded)
        page["queries"] = len(queries)
        page["status"] = response.status_code
        page["bytes"] = len(response.content)
    secret = _get_new_csrf_string()
    for page in pages:
        if page["method"] == "POST":
            page["csrf"] = secret  # the same 32-character secret in the cookie and the form is accepted


def cleanup():
    """Remove the wishes the benchmark posted (they would otherwise pile up in the dispatch queue)."""
    from requests.models import Request

    deleted, _by_model = Request.objects.filter(text__startswith=MARK).delete()
    return deleted


def main(out):
    # Every URL the resolver knows, for the report: a route missing from the page list shows up there.
    pages = build()
    count_queries(pages)
    known = sorted({str(p.pattern) for p in get_resolver().url_patterns})
    Path(out).write_text(json.dumps({"pages": pages, "routes": known}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    if sys.argv[1] == "--cleanup":
        print(f"removed {cleanup()} rows of benchmark wishes")
    else:
        main(sys.argv[1])
