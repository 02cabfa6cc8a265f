"""Access control, proven route by route: every URL × every persona × an object outside that persona's scope.

The routes come from the URLconf itself (tests/security/urlconf.py). EXPECTED holds, per URL name, how to build
the URL for a foreign object (grid NJ-02, unit B, someone else's token: tests/security/world.py) and what each
persona must get: 404 for what they cannot see (exactly as for what does not exist), 403 for what they see but
may not do, the login page for anonymous visitors on staff pages. A route without an entry fails
`test_every_route_has_an_entry`: whoever adds a route adds its line here. A route whose answer depends on a URL
argument (a queue's name, a request's action) has one entry per value: {value: Route}.

Beyond the status, list pages are searched for the foreign records' marker texts (they must not leak), every
POST without a CSRF token is refused with 403, and a GET on a state-changing route is a 405.
"""

import re
from dataclasses import dataclass, field

import pytest
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from nanjie.masking import mask_name
from requests.lifecycle.queues import QUEUES
from requests.lifecycle.transitions import PERMISSIONS
from tests.security.urlconf import route_keys, walk
from tests.security.world import FOREIGN_NAME, FOREIGN_PHONE, FOREIGN_TEXT, PERSONAS, build_world

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # the personas never type a password
LOGIN = "login"  # 302 to the staff login page
ADMIN_LOGIN = "admin-login"  # 302 to the admin login page
PASS = "pass"  # got past access control: 200, 400 (form errors) or a redirect that is not to a login page
ANY = "any"  # not asserted beyond "no 500" (a persona for whom the question does not arise)
STAFF = ("worker", "member", "chairman", "branch")


def staff(worker, member, chairman, branch):
    """A staff route: anonymous visitors and residents (who have no login) go to the login page."""
    return {"anonymous": LOGIN, "resident": LOGIN, "worker": worker, "member": member, "chairman": chairman,
            "branch": branch}


def everyone(outcome, **overrides):
    return {persona: overrides.get(persona, outcome) for persona in PERSONAS}


@dataclass(frozen=True)
class Route:
    expect: dict
    method: str = "GET"  # how the matrix calls it: POST for state-changing routes
    kwargs: object = None  # world -> URL kwargs of an object outside the personas' scope
    query: object = None  # (world, persona) -> query string
    accepts_post: bool = False  # a GET+POST form: also checked for CSRF
    hidden: tuple = ()  # marker texts (or world -> text) that must not appear for the personas in hidden_from
    hidden_from: tuple = ("anonymous", "resident", "worker", "member")
    known: dict = field(default_factory=dict)  # persona -> why the current behaviour is a known defect


def pk_of(name):
    return lambda world: {"pk": world.objects[name].pk}


def meeting_item(world):
    return {"pk": world.objects["meeting"].pk, "item_pk": world.objects["agenda_item"].pk}


def household_pk(world):
    return {"household_pk": world.objects["household"].pk}


def foreign_reference(world):
    return {"reference": world.objects["request"].reference}


def photo_pk(world):
    return {"pk": world.ensure_photo_file().pk}


def photo_of(key, field):
    return lambda world: {"pk": world.ensure_file(key, field).pk}


def their_worker_person(world):
    return {"pk": world.objects["their_worker"].person.pk}


def own_token_query(world, persona):
    return f"t={world.own_token}" if persona == "resident" else ""


def foreign_references(world):
    """The references of the foreign requests (dispatched, overdue, publicised): a staff list must not show them."""
    return [world.objects[name].reference for name in ("request", "overdue_request", "public_request")]


MARKERS = (FOREIGN_NAME, FOREIGN_TEXT, FOREIGN_PHONE)
PERSONAL = (FOREIGN_NAME, FOREIGN_PHONE)  # a person's name and phone: never on a public page (a service's title may be)
BAD_TOKEN = {"token": "not-a-real-token-but-long-enough-to-look-like-one-x"}

# Who holds each queue's permission (the grants in requests/apps.py): the worker records and views, the unit's
# party member accepts, the joint-meeting chairman dispatches, the branch admin dispatches and publicises.
QUEUE_ACCESS = {
    "dispatch": staff(403, 403, 200, 200),
    "accept": staff(403, 200, 403, 403),
    "mine": staff(403, 200, 403, 403),
    "publicise": staff(403, 403, 403, 200),
    "review": staff(403, 403, 403, 200),
    "overdue": staff(200, 200, 200, 200),
    "all": staff(200, 200, 200, 200),
    "no-such-queue": staff(404, 404, 404, 404),
}
# The foreign request is dispatched to unit B, outside the worker's grid and the member's unit: 404 for them,
# whatever the action. The chairman and the branch see it; they get past access control only with the action's
# permission, and then an empty POST re-renders the page (form errors, or the state refuses with a message).
ACT_ACCESS = {
    "dispatch": staff(404, 404, 200, 200),
    "invalid": staff(404, 404, 200, 200),
    "accept": staff(404, 404, 403, 403),
    "return": staff(404, 404, 403, 403),
    "close": staff(404, 404, 403, 403),
    "publicise": staff(404, 404, 403, 200),  # dispatched, not closed: refused with a message
    "rework": staff(404, 404, 403, 200),  # staffside: an empty reason re-renders the form
    "revise": staff(404, 404, 403, 200),  # not publicised: the empty summary re-renders the form
}


def queue_routes():
    hidden = (*MARKERS, foreign_references)
    return {name: (Route(expect, kwargs=lambda world, name=name: {"name": name}, hidden=hidden),
                   Route(expect, kwargs=lambda world, name=name: {"name": name}, hidden=hidden))
            for name, expect in QUEUE_ACCESS.items()}


def act_routes():
    return {action: Route(expect, method="POST",
                          kwargs=lambda world, action=action: foreign_reference(world) | {"action": action})
            for action, expect in ACT_ACCESS.items()}


QUEUE_ROUTES = queue_routes()  # name -> (page, CSV export): the export shares the page's scope and refusals
PUBLIC = PERSONAS  # the public pages mask for everyone, staff included
OPEN311_FORMATS = ("json", "xml")
LISTS_HIDDEN = ("anonymous", "resident", "worker")  # the units' party members see every list row: they claim anywhere

EXPECTED = {
    # --- public -------------------------------------------------------------------------------------------
    "healthz": Route(everyone(200)),
    "set_language": Route(everyone(PASS), accepts_post=True),  # a GET only redirects back, changing nothing
    "login": Route(everyone(200, **{persona: PASS for persona in STAFF}), accepts_post=True),
    "logout": Route(everyone(PASS), method="POST"),
    "requests:home": Route(everyone(200), hidden=MARKERS, hidden_from=PUBLIC),
    "requests:wish": Route(everyone(200), accepts_post=True),
    "requests:track": Route(everyone(404), kwargs=lambda world: BAD_TOKEN),
    "requests:rate": Route(everyone(404), method="POST", kwargs=lambda world: BAD_TOKEN),
    "requests:board": Route(everyone(200), hidden=MARKERS, hidden_from=PUBLIC),
    "requests:board_feed": Route(everyone(200), hidden=MARKERS, hidden_from=PUBLIC),
    "requests:board_export": Route(everyone(200), hidden=MARKERS, hidden_from=PUBLIC),
    "requests:stats": Route(everyone(200), hidden=MARKERS, hidden_from=PUBLIC),  # community-wide counts only
    "requests:photo": Route(staff(404, 404, 200, 200) | {"anonymous": 404, "resident": 404}, kwargs=photo_pk,
                            query=own_token_query),
    "partners:units": Route(everyone(200)),
    "volunteers:teams": Route(everyone(200)),
    # A volunteer's full name and phone are for staff; the public page masks the name and shows no phone.
    "volunteers:team": Route(everyone(200), kwargs=lambda world: {"colour": "red"},
                             hidden=(FOREIGN_NAME, FOREIGN_PHONE), hidden_from=("anonymous", "resident")),
    # --- service positions: public pages mask every name and show no phone of a person, for everyone ---------
    "volunteers:positions": Route(everyone(200), hidden=PERSONAL, hidden_from=PUBLIC),
    "volunteers:position": Route(everyone(200), kwargs=pk_of("station"), hidden=PERSONAL, hidden_from=PUBLIC),
    "volunteers:services": Route(everyone(200), hidden=PERSONAL, hidden_from=PUBLIC),
    "volunteers:calendar": Route(everyone(200), hidden=PERSONAL, hidden_from=PUBLIC),
    "volunteers:position_calendar": Route(everyone(200), kwargs=pk_of("station"), hidden=PERSONAL,
                                          hidden_from=PUBLIC),
    "volunteers:book": Route(everyone(200), kwargs=pk_of("station_session"), accepts_post=True, hidden=PERSONAL,
                             hidden_from=PUBLIC),
    "volunteers:booking": Route(everyone(404), kwargs=lambda world: BAD_TOKEN),
    "volunteers:booking_cancel": Route(everyone(404), method="POST", kwargs=lambda world: BAD_TOKEN),
    # --- service positions, staff side: the foreign station is grid NJ-02's, hosted by unit B ----------------
    "volunteers:manage_positions": Route(staff(200, 200, 200, 200), hidden=MARKERS),
    "volunteers:manage_position": Route(staff(404, 404, 200, 200), kwargs=pk_of("station")),
    "volunteers:inspect": Route(staff(404, 404, 403, 200), kwargs=pk_of("station"), accepts_post=True),
    "volunteers:inspections": Route(staff(200, 403, 200, 200), hidden=MARKERS),
    "volunteers:inspection_fixed": Route(staff(404, 404, 403, PASS), method="POST", kwargs=pk_of("inspection")),
    "volunteers:roster": Route(staff(200, 200, 200, 200), hidden=MARKERS),
    "volunteers:sessions": Route(staff(200, 200, 200, 200), hidden=MARKERS),
    "volunteers:session": Route(staff(404, 404, 200, 200), kwargs=pk_of("station_session")),
    "volunteers:session_record": Route(staff(404, 404, 403, PASS), method="POST", kwargs=pk_of("station_session")),
    "volunteers:session_cancel": Route(staff(404, 404, 403, PASS), method="POST", kwargs=pk_of("station_session")),
    "volunteers:session_extra": Route(staff(404, 404, 403, 200), kwargs=pk_of("rule"), accepts_post=True),
    "volunteers:week": Route(staff(404, 404, 200, 200), kwargs=pk_of("station")),
    "volunteers:booking_staff_cancel": Route(staff(404, 404, 403, PASS), method="POST", kwargs=pk_of("booking")),
    # --- staff home and the grid tree ------------------------------------------------------------------------
    "me": Route(staff(200, 200, 200, 200), hidden=MARKERS),
    "grid:overview": Route(staff(200, 200, 200, 200), hidden=("第2网格", "NJ-02"), hidden_from=("worker", "member")),
    "grid:node": Route(staff(404, 404, 200, 200), kwargs=lambda world: {"code": "NJ-02"}),
    "grid:edit_description": Route(staff(404, 404, 403, PASS), method="POST",
                                   kwargs=lambda world: {"code": "NJ-02"}),
    # --- field work --------------------------------------------------------------------------------------------
    "field:households": Route(staff(200, 403, 403, 200), hidden=MARKERS),
    "field:household_new": Route(staff(200, 403, 403, 200), accepts_post=True),
    "field:household_export": Route(staff(200, 403, 403, 200)),
    "field:household_import": Route(staff(200, 403, 403, 200), accepts_post=True),
    "field:household": Route(staff(404, 403, 403, 200), kwargs=pk_of("household")),
    "field:household_edit": Route(staff(404, 404, 403, 200), kwargs=pk_of("household"), accepts_post=True),
    "field:visit_new": Route(staff(404, 403, 403, 200), kwargs=household_pk, accepts_post=True),
    "field:service_new": Route(staff(404, 403, 403, 200), kwargs=household_pk, accepts_post=True),
    "field:visit_start": Route(staff(200, 403, 403, 200), hidden=MARKERS),
    "field:visits": Route(staff(200, 403, 403, 200), hidden=MARKERS),
    "field:visit": Route(staff(404, 403, 403, 200), kwargs=pk_of("visit")),
    # The foreign visit's photo: exactly who may open the visit (a 404 outside its scope).
    "field:visit_photo": Route(staff(404, 403, 403, 200), kwargs=photo_of("visit", "photo")),
    "field:coverage": Route(staff(200, 403, 403, 200), hidden=MARKERS),
    "field:pairs": Route(staff(200, 200, 403, 200), hidden=MARKERS),
    "field:pair": Route(staff(404, 404, 403, 200), kwargs=pk_of("pair")),
    "field:pair_contact": Route(staff(404, 404, 403, PASS), method="POST", kwargs=pk_of("pair")),
    "field:services": Route(staff(200, 403, 200, 200), hidden=MARKERS),
    "field:disputes": Route(staff(200, 403, 200, 200), hidden=MARKERS),
    "field:dispute_new": Route(staff(200, 403, 403, 200), accepts_post=True),
    "field:dispute": Route(staff(404, 403, 200, 200), kwargs=pk_of("dispute")),
    "field:dispute_move": Route(staff(404, 404, 403, PASS), method="POST",
                                kwargs=lambda world: {"pk": world.objects["dispute"].pk, "action": "mediate"}),
    "field:whistles": Route(staff(200, 200, 200, 200), hidden=MARKERS),
    "field:whistle_new": Route(staff(403, 403, 403, 200), accepts_post=True),
    "field:whistle": Route(staff(404, 404, 200, 200), kwargs=pk_of("whistle")),
    "field:whistle_report": Route(staff(404, 404, 403, PASS), method="POST", kwargs=pk_of("whistle")),
    "field:whistle_close": Route(staff(404, 404, 403, PASS), method="POST", kwargs=pk_of("whistle")),
    # --- the request loop, staff side ---------------------------------------------------------------------------
    "requests:posters": Route(staff(200, 403, 200, 200)),
    "requests:grid_posters": Route(staff(404, 403, 200, 200), kwargs=lambda world: {"code": "NJ-02"}),
    "requests:poster": Route(staff(404, 403, 200, 200), kwargs=lambda world: {"code": "NJ-02-01"}),
    "requests:queues": Route(staff(200, 200, 200, 200), hidden=MARKERS),
    "requests:record": Route(staff(200, 403, 200, 200), accepts_post=True),
    "requests:queue": {name: routes[0] for name, routes in QUEUE_ROUTES.items()},
    "requests:queue_export": {name: routes[1] for name, routes in QUEUE_ROUTES.items()},
    "requests:detail": Route(staff(404, 404, 200, 200), kwargs=foreign_reference),
    # The slip carries the tracking token: only whoever recorded the request prints it, until dispatch (issue 17).
    "requests:slip": Route(staff(404, 404, 403, 403), kwargs=foreign_reference),
    "requests:act": act_routes(),
    # --- requests/open311: the public Open311 API, the same answer for everyone (no text but public summaries) ---
    "requests:open311_services": {fmt: Route(everyone(200), kwargs=lambda world, fmt=fmt: {"format": fmt})
                                  for fmt in OPEN311_FORMATS},
    "requests:open311_requests": {fmt: Route(everyone(200), kwargs=lambda world, fmt=fmt: {"format": fmt},
                                             hidden=MARKERS, hidden_from=PUBLIC) for fmt in OPEN311_FORMATS},
    "requests:open311_request": {
        f"{fmt}-{name}": Route(everyone(200), hidden=MARKERS, hidden_from=PUBLIC,
                               kwargs=lambda world, fmt=fmt, name=name: {
                                   "format": fmt, "service_request_id": world.objects[name].reference})
        for fmt in OPEN311_FORMATS for name in ("request", "public_request")},
    # --- grid/visits worksheets: printed for the grid workers, their own micro-grids only ---------------------
    "field:visit_worksheets": Route(staff(200, 403, 403, 200), hidden=MARKERS),
    "field:visit_worksheet": {
        "NJ-02": Route(staff(404, 403, 403, 200), kwargs=lambda world: {"code": "NJ-02"}),
        "NJ-01": Route(staff(200, 403, 403, 200), kwargs=lambda world: {"code": "NJ-01"}, hidden=MARKERS),
    },
    # --- volunteers/study: study sessions, the member's sign-in, mobile party members and their tutors ----------
    "volunteers:my_study": Route(staff(200, 200, 200, 200), hidden=MARKERS),
    # Only a session on now (and on the member's roster) takes a sign-in: next week's is a 404 for everyone.
    "volunteers:study_sign_in": Route(staff(404, 404, 404, 404), method="POST", kwargs=pk_of("study_session")),
    "volunteers:study_sessions": Route(staff(200, 403, 200, 200), hidden=MARKERS),
    "volunteers:study_new": Route(staff(200, 403, 403, 200), accepts_post=True),
    "volunteers:study_missed": Route(staff(200, 403, 200, 200), hidden=MARKERS),
    "volunteers:study_session": Route(staff(404, 404, 200, 200), kwargs=pk_of("study_session")),
    "volunteers:study_tick": Route(staff(404, 404, 403, PASS), method="POST", kwargs=pk_of("study_session")),
    "volunteers:study_close": Route(staff(404, 404, 403, PASS), method="POST", kwargs=pk_of("study_session")),
    "volunteers:study_cancel": Route(staff(404, 404, 403, PASS), method="POST", kwargs=pk_of("study_session")),
    # The foreign session has no file (a 404 for all); the file's access: tests/volunteers/study/test_pages.py.
    "volunteers:study_file": Route(staff(404, 404, 404, 404), kwargs=pk_of("study_session")),
    "volunteers:mobile_members": Route(staff(200, 403, 403, 200), hidden=MARKERS),
    "volunteers:mobile_member": Route(staff(404, 404, 403, 200), kwargs=pk_of("mobile_member")),
    "volunteers:mobile_contact": Route(staff(404, 404, 403, PASS), method="POST", kwargs=pk_of("mobile_member")),
    "volunteers:mobile_came_back": Route(staff(404, 404, 403, PASS), method="POST", kwargs=pk_of("mobile_member")),
    # --- harden (issue 17): the branch's login-lockout page; an unknown account is a 404 -----------------------
    "lockouts": Route(staff(403, 403, 403, 200)),
    "lockouts_unlock": Route(staff(403, 403, 403, 404), method="POST"),
    # --- grid/people/logins (issue 16): the branch manages staff logins; the foreign login is NJ-02's worker, in the
    # branch's community (an empty form re-renders, a reset shows its link). Its own powers: test_logins.py ------
    "logins:list": Route(staff(403, 403, 403, 200)),
    "logins:detail": Route(staff(403, 403, 403, 200), kwargs=their_worker_person),
    **{f"logins:{action}": Route(staff(403, 403, 403, PASS), method="POST", kwargs=their_worker_person)
       for action in ("create", "roles", "post", "reset", "deactivate", "reactivate")},
    # The one-time set-password link's pages (Django's views, our templates): a bad link says so, to everyone.
    "password_reset_confirm": Route(everyone(200), accepts_post=True,
                                    kwargs=lambda world: {"uidb64": "MQ", "token": "not-a-real-token"}),
    "password_reset_complete": Route(everyone(200)),
    # --- requests/statistics: the figures, the three rates, the open data, the monthly report --------------------
    "requests:figure": {  # a drill-down lists only the records its viewer can open
        "grid.disputes": Route(staff(200, 200, 200, 200), kwargs=lambda world: {"name": "grid.disputes"},
                               hidden=MARKERS),
        "requests.received": Route(staff(200, 200, 200, 200), kwargs=lambda world: {"name": "requests.received"},
                                   hidden=(*MARKERS, foreign_references)),
        "no-such-figure": Route(staff(404, 404, 404, 404), kwargs=lambda world: {"name": "no.such"}),
    },
    "requests:rates": Route(everyone(200), hidden=MARKERS, hidden_from=PUBLIC),
    # A roll-up is counts only, public like the rates page; a login sees the nodes its GridNode.visible_to holds:
    # the foreign grid NJ-02 is a 404 for the worker of NJ-01 and for a unit's member (no grid posts).
    "requests:area": Route(everyone(200, worker=404, member=404), kwargs=lambda world: {"code": "NJ-02"},
                           hidden=MARKERS, hidden_from=PUBLIC),
    "requests:rates_units": Route(staff(403, 403, 403, 200), hidden=PERSONAL, hidden_from=PERSONAS),
    "requests:stats_bundle": Route(everyone(200)),  # a ZIP: its tables are scanned in tests/requests/statistics
    "requests:monthly_report": Route(staff(403, 403, 403, 200), kwargs=lambda world: {"year": 2026, "month": 11},
                                     hidden=PERSONAL, hidden_from=PERSONAS),
    # --- the joint meeting (partners/meeting): meetings are the joint meeting's and the branch's; the foreign
    # decision is unit B's (the member is unit A's); a scorecard is for the branch and the unit's own members ---
    "partners:meetings": Route(staff(403, 403, 200, 200)),
    "partners:meeting_new": Route(staff(403, 403, 200, 200), accepts_post=True),
    "partners:meeting": Route(staff(404, 404, 200, 200), kwargs=pk_of("meeting")),
    "partners:meeting_print": Route(staff(404, 404, 200, 200), kwargs=pk_of("meeting")),
    **{name: Route(staff(404, 404, PASS, PASS), method="POST", kwargs=pk_of("meeting"))
       for name in ("partners:meeting_attendance", "partners:meeting_build_agenda", "partners:meeting_add_item",
                    "partners:meeting_minutes", "partners:meeting_confirm", "partners:meeting_amend")},
    **{name: Route(staff(404, 404, PASS, PASS), method="POST", kwargs=meeting_item)
       for name in ("partners:meeting_drop_item", "partners:meeting_decide")},
    "partners:decisions": Route(staff(403, 200, 200, 200), hidden=MARKERS),
    "partners:decision_done": Route(staff(404, 404, 200, 200), kwargs=pk_of("decision"), accepts_post=True),
    "partners:decision_carry": Route(staff(404, 404, 200, 200), kwargs=pk_of("decision"), accepts_post=True),
    "partners:scorecard": Route(staff(404, 404, 404, 200), kwargs=pk_of("unit_b")),
    "partners:scorecards": Route(staff(403, 403, 403, 200)),
    "requests:from_decision": Route(staff(403, 403, 200, 200), kwargs=pk_of("decision"), accepts_post=True),
    # A decision carried out as a need (whoever raises needs: the worker does not see the meeting's decisions) or a
    # project (whoever approves them).
    "partners:need_from_decision": Route(staff(404, 403, 200, 200), kwargs=pk_of("decision"), accepts_post=True),
    "partners:project_from_decision": Route(staff(403, 403, 200, 200), kwargs=pk_of("decision"), accepts_post=True),
    # --- volunteers/activities: the foreign item is grid NJ-02's, organised by its worker; its volunteer is foreign.
    # Every login sees the published items (to sign up); only their organisers run them (roster, hours, record).
    "volunteers:activity_day": Route(everyone(200), hidden=PERSONAL, hidden_from=PUBLIC),
    "volunteers:past_activities": Route(everyone(200), hidden=PERSONAL, hidden_from=PUBLIC),
    "volunteers:plans": Route(staff(403, 403, 200, 200)),
    "volunteers:plan_new": Route(staff(403, 403, 403, PASS), method="POST"),
    "volunteers:plan": Route(staff(403, 403, 200, 200), kwargs=pk_of("plan")),
    "volunteers:plan_reason": Route(staff(403, 403, 403, PASS), method="POST", kwargs=pk_of("plan")),
    "volunteers:plan_publish": Route(staff(403, 403, 403, PASS), method="POST", kwargs=pk_of("plan")),
    "volunteers:activities": Route(staff(200, 200, 200, 200), hidden=MARKERS),
    "volunteers:activity_new": Route(staff(200, 403, 403, 200), accepts_post=True),
    "volunteers:activity": Route(staff(200, 200, 200, 200), kwargs=pk_of("activity"), hidden=MARKERS,
                                 hidden_from=("anonymous", "resident", "worker", "member", "chairman")),
    "volunteers:activity_claim": Route(staff(403, 403, 403, PASS), method="POST", kwargs=pk_of("activity")),
    "volunteers:activity_signup": Route(staff(PASS, PASS, PASS, PASS), method="POST", kwargs=pk_of("activity")),
    "volunteers:signup_cancel": Route(staff(404, 404, 404, 404), method="POST", kwargs=pk_of("activity")),
    "volunteers:sign_in": Route(staff(404, 404, 404, 404), method="POST", kwargs=pk_of("activity")),
    "volunteers:sign_out": Route(staff(404, 404, 404, 404), method="POST", kwargs=pk_of("activity")),
    "volunteers:activity_add_volunteer": Route(staff(403, 403, 403, PASS), method="POST",
                                               kwargs=pk_of("activity")),
    "volunteers:activity_record": Route(staff(403, 403, 403, PASS), method="POST", kwargs=pk_of("past_activity")),
    "volunteers:signup_confirm": Route(staff(403, 403, 403, PASS), method="POST", kwargs=pk_of("signup")),
    "volunteers:signup_late": Route(staff(403, 403, 403, PASS), method="POST", kwargs=pk_of("signup")),
    "volunteers:signup_approve": Route(staff(403, 403, 403, PASS), method="POST", kwargs=pk_of("signup")),
    "volunteers:my_activities": Route(staff(200, 200, 200, 200), hidden=MARKERS),
    "volunteers:certificate_issue": Route(staff(PASS, PASS, PASS, PASS), method="POST"),
    "volunteers:certificate": Route(staff(404, 404, 404, 200), kwargs=pk_of("certificate")),
    # --- partners/lists: the three lists (foreign rows: grid NJ-02's need and project, unit B's claim) ----------
    "partners:public_needs": Route(everyone(200), hidden=PERSONAL, hidden_from=PUBLIC),
    "partners:public_projects": Route(everyone(200), hidden=PERSONAL, hidden_from=PUBLIC),
    "partners:needs_manage": Route(staff(200, 200, 200, 200), hidden=(FOREIGN_TEXT,), hidden_from=LISTS_HIDDEN),
    "partners:need_new": Route(staff(200, 403, 200, 200), accepts_post=True),
    "partners:needs_export": Route(staff(200, 200, 200, 200), hidden=(FOREIGN_TEXT,), hidden_from=LISTS_HIDDEN),
    "partners:need": Route(staff(404, 200, 200, 200), kwargs=pk_of("need")),
    "partners:need_claim": Route(staff(404, PASS, 403, PASS), method="POST", kwargs=pk_of("need")),
    "partners:projects_manage": Route(staff(200, 200, 200, 200), hidden=(FOREIGN_TEXT,), hidden_from=LISTS_HIDDEN),
    "partners:project_new": Route(staff(403, 403, 200, 200), accepts_post=True),
    "partners:projects_export": Route(staff(200, 200, 200, 200), hidden=(FOREIGN_TEXT,), hidden_from=LISTS_HIDDEN),
    "partners:project": Route(staff(404, 200, 200, 200), kwargs=pk_of("project")),
    "partners:project_claim": Route(staff(404, PASS, 403, PASS), method="POST", kwargs=pk_of("project")),
    "partners:milestone_new": Route(staff(404, 403, PASS, PASS), method="POST", kwargs=pk_of("project")),
    "partners:milestone_done": Route(staff(404, 403, PASS, PASS), method="POST", kwargs=pk_of("milestone")),
    "partners:resources_manage": Route(staff(200, 200, 200, 200), hidden=(FOREIGN_TEXT,), hidden_from=LISTS_HIDDEN),
    "partners:resource_new": Route(staff(403, 200, 403, 200), accepts_post=True),
    "partners:resources_export": Route(staff(200, 200, 200, 200), hidden=(FOREIGN_TEXT,), hidden_from=LISTS_HIDDEN),
    "partners:claims": Route(staff(200, 200, 200, 200), hidden=(FOREIGN_TEXT,), hidden_from=LISTS_HIDDEN),
    # Unit B's claim: the member of unit A sees it (units claim anywhere) but may not move it; the chairman does not
    # claim; the branch gets past access control (an empty form or the state refuses with a message).
    "partners:claim_act": {action: Route(staff(404, 403, 403, PASS) if action != "no-such-action"
                                         else staff(404, 404, 404, 404), method="POST",
                                         kwargs=lambda world, action=action: {"pk": world.objects["claim"].pk,
                                                                              "action": action})
                           for action in ("deliver", "withdraw", "verify", "no-such-action")},
    # Unit B's delivery photo: the branch and unit B's members only; the member of unit A and the chairman see the
    # claim but not its photo (the same 404 as for a claim they cannot see).
    "partners:claim_photo": Route(staff(404, 404, 404, 200), kwargs=photo_of("claim", "delivery_photo")),
    "partners:rates": Route(staff(200, 200, 200, 200)),
    "partners:unit_record": Route(staff(200, 200, 200, 200), kwargs=pk_of("unit_b"), hidden=(FOREIGN_TEXT,),
                                  hidden_from=LISTS_HIDDEN),
    # --- requests/needs: promoting requests to a need ------------------------------------------------------------
    "requests:promote": Route(staff(200, 403, 200, 200), accepts_post=True, hidden=MARKERS),
    # --- requests/public, residents (issue 16): 查进度 by reference and phone; the elderly-mode switch (nanjie) --
    "requests:lookup": Route(everyone(200), accepts_post=True),
    "elderly_mode": Route(everyone(PASS), method="POST"),  # sets a cookie and goes back: no login, no scope
}


def entries():
    """(key, variant, Route) for every entry; a route checked with several URL arguments has one per value."""
    for key, entry in EXPECTED.items():
        if isinstance(entry, Route):
            yield key, "", entry
        else:
            yield from ((key, variant, route) for variant, route in entry.items())


def entry_of(key, variant=""):
    entry = EXPECTED[key]
    return entry if isinstance(entry, Route) else entry[variant]


def case_id(key, variant):
    return f"{key}[{variant}]" if variant else key

# Django admin: one rule for the whole namespace. Nobody without is_staff gets past its login page; the branch
# admin (is_staff) is governed by model permissions, which Django's admin enforces and tests itself.
# The scoped-staff persona in admin (a grid worker with is_staff and every model permission) has its own matrix,
# generated from admin.site._registry: tests/security/test_admin_scope.py.
ADMIN_EXPECT = staff(ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ANY) | {"anonymous": ADMIN_LOGIN,
                                                                     "resident": ADMIN_LOGIN}
ADMIN_SPECIAL = {
    "admin:login": everyone(200, branch=ANY),
    "admin:logout": everyone(ANY),  # GET shows nothing and logs nobody out
}


def is_admin(namespace):
    return namespace is not None and namespace.split(":")[0] == "admin"


ROUTES = {key: (route, namespace) for key, route, namespace in walk()}


def admin_url(route):
    """A concrete URL for an admin pattern: object ids become 1, an app list its first app."""
    url = re.sub(r"<(?:\w+:)?\w+>", "1", route)
    url = re.sub(r"\(\?P<app_label>([^|)]+)[^)]*\)", r"\1", url)
    url = re.sub(r"\(\?P<url>\.\*\)", "no-such-page/", url)
    return "/" + url.replace("^", "").replace("$", "")


def expectation(key, variant, persona):
    route, namespace = ROUTES[key]
    if is_admin(namespace):
        return ADMIN_SPECIAL.get(key, ADMIN_EXPECT)[persona]
    return entry_of(key, variant).expect[persona]


def matrix_cases():
    cases = []
    for key in route_keys():
        _route, namespace = ROUTES[key]
        if is_admin(namespace):
            variants = [("", {})]
        elif key in EXPECTED:
            variants = [(variant, route.known) for entry_key, variant, route in entries() if entry_key == key]
        else:
            continue  # test_every_route_has_an_entry reports it
        for variant, known in variants:
            for persona in PERSONAS:
                marks = [pytest.mark.xfail(strict=True, reason=known[persona])] if persona in known else []
                cases.append(pytest.param(key, variant, persona, id=f"{case_id(key, variant)}-{persona}",
                                          marks=marks))
    return cases


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction that is rolled back at the end; each test nests in it."""
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        with transaction.atomic():
            yield build_world()
            transaction.set_rollback(True)


def url_for(key, world, persona, variant=""):
    route, namespace = ROUTES[key]
    if is_admin(namespace):
        return admin_url(route)
    entry = entry_of(key, variant)
    url = reverse(key, kwargs=entry.kwargs(world) if entry.kwargs else None)
    query = entry.query(world, persona) if entry.query else ""
    return f"{url}?{query}" if query else url


def call(key, world, persona, variant=""):
    route, namespace = ROUTES[key]
    method = "GET" if is_admin(namespace) else entry_of(key, variant).method
    client = world.client(persona)
    url = url_for(key, world, persona, variant)
    return client.post(url) if method == "POST" else client.get(url)


def body_of(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode(errors="replace")


def markers_of(entry, world):
    return [found for marker in entry.hidden for found in (marker(world) if callable(marker) else [marker])]


def outcome_matches(expected, response):
    location = response.headers.get("Location", "")
    if expected == LOGIN:
        return response.status_code == 302 and location.startswith(reverse("login"))
    if expected == ADMIN_LOGIN:
        return response.status_code == 302 and location.startswith(reverse("admin:login"))
    if expected == PASS:
        return response.status_code in (200, 400) or (response.status_code == 302 and "/login/" not in location)
    if expected == ANY:
        return response.status_code < 500
    return response.status_code == expected


def test_every_route_has_an_entry():
    missing = [key for key in route_keys() if not is_admin(ROUTES[key][1]) and key not in EXPECTED]
    assert missing == [], "add these routes to EXPECTED in tests/security/test_access_matrix.py"


def test_no_entry_is_left_for_a_route_that_is_gone():
    assert sorted(set(EXPECTED) - set(route_keys())) == []


def test_every_queue_is_in_the_matrix():
    assert sorted(QUEUE_ACCESS) == sorted([*QUEUES, "no-such-queue"])


def test_every_action_is_in_the_matrix():
    assert sorted(ACT_ACCESS) == sorted(PERMISSIONS)


@pytest.mark.parametrize(("key", "variant", "persona"), matrix_cases())
def test_each_persona_gets_what_the_matrix_says(world, db, key, variant, persona):
    expected = expectation(key, variant, persona)
    response = call(key, world, persona, variant)
    assert outcome_matches(expected, response), (
        f"{key} as {persona}: expected {expected}, got {response.status_code} {response.headers.get('Location', '')}"
    )
    # Whatever the answer, it carries the policy, and nothing a logged-in user is shown may be stored.
    assert "default-src 'self'" in response.headers.get("Content-Security-Policy", "")
    if persona in STAFF:
        assert "no-store" in response.headers.get("Cache-Control", ""), f"{key} as {persona} may be cached"


def leak_cases():
    """The personas who get the list (200): for those refused, an empty body would make the search vacuous, and
    the matrix already proves their refusal."""
    return [pytest.param(key, variant, persona, id=f"{case_id(key, variant)}-{persona}")
            for key, variant, entry in entries() if entry.hidden
            for persona in entry.hidden_from if entry.expect[persona] == 200]


@pytest.mark.parametrize(("key", "variant", "persona"), leak_cases())
def test_no_list_shows_a_foreign_record(world, db, key, variant, persona):
    response = call(key, world, persona, variant)
    assert response.status_code == 200
    body = body_of(response)
    assert [marker for marker in markers_of(entry_of(key, variant), world) if marker in body] == []


def csrf_cases():
    return [pytest.param(key, variant, id=case_id(key, variant)) for key, variant, entry in entries()
            if entry.method == "POST" or entry.accepts_post]


def allowed_persona(entry, default):
    """The most privileged persona that may use the route, so only what the test leaves out can refuse it."""
    return next((p for p in ("branch", "chairman", "worker", "anonymous") if entry.expect[p] in (200, PASS)),
                default)


@pytest.mark.parametrize(("key", "variant"), csrf_cases())
def test_a_post_without_a_csrf_token_is_refused(world, db, key, variant):
    persona = allowed_persona(entry_of(key, variant), "anonymous")
    client = world.client(persona, enforce_csrf_checks=True)
    assert client.post(url_for(key, world, persona, variant)).status_code == 403


# Admin add and change forms of the branch admin's own models (partners.add_category, partners.change_unit,
# grid.change_household): only the missing token can refuse the POST.
ADMIN_FORMS = {
    "admin:partners_category_add": lambda world: [],
    "admin:partners_unit_change": lambda world: [world.objects["request"].unit_id],
    "admin:grid_household_change": lambda world: [world.objects["household"].pk],
}


@pytest.mark.parametrize("name", ADMIN_FORMS)
def test_an_admin_post_without_a_csrf_token_is_refused(world, db, name):
    client = world.client("branch", enforce_csrf_checks=True)
    assert client.post(reverse(name, args=ADMIN_FORMS[name](world))).status_code == 403


@pytest.mark.parametrize("name", ADMIN_FORMS)
def test_the_same_admin_post_with_csrf_checks_off_gets_the_form(world, db, name):
    """Positive control: the branch admin may use these forms (an empty POST re-renders with its errors)."""
    response = world.client("branch").post(reverse(name, args=ADMIN_FORMS[name](world)))
    assert response.status_code == 200
    assert b"errornote" in response.content


def post_only_cases():
    return [pytest.param(key, variant, id=case_id(key, variant)) for key, variant, entry in entries()
            if entry.method == "POST"]


@pytest.mark.parametrize(("key", "variant"), post_only_cases())
def test_a_get_on_a_state_changing_route_is_405(world, db, key, variant):
    persona = allowed_persona(entry_of(key, variant), "branch")
    assert world.client(persona).get(url_for(key, world, persona, variant)).status_code == 405


# --- positive controls: the matrix's 404s are about scope, not about objects that do not exist -------------

def test_the_resident_follows_their_own_request_by_its_token(world, db):
    response = world.client("resident").get(reverse("requests:track", args=[world.own_token]))
    assert response.status_code == 200


def test_a_photo_opens_with_its_own_requests_token(world, db):
    photo = world.ensure_photo_file()
    response = world.client("anonymous").get(reverse("requests:photo", args=[photo.pk]),
                                             {"t": world.objects["request"].token})
    assert response.status_code == 200


def test_the_foreign_requests_own_unit_member_sees_it(world, db):
    world.users["their_member"] = world.objects["their_member"]
    response = world.client("their_member").get(reverse("requests:detail", kwargs=foreign_reference(world)))
    assert response.status_code == 200


@pytest.mark.parametrize(("key", "variant"), [
    ("grid:overview", ""), ("field:households", ""), ("field:visits", ""), ("field:pairs", ""),
    ("field:services", ""), ("field:disputes", ""), ("field:whistles", ""), ("requests:queue", "all"),
    ("requests:queue", "overdue"), ("requests:queue_export", "all"), ("volunteers:manage_positions", ""),
    ("volunteers:inspections", ""), ("volunteers:roster", ""), ("volunteers:sessions", ""),
    ("partners:needs_manage", ""), ("partners:projects_manage", ""), ("partners:resources_manage", ""),
    ("partners:claims", ""), ("partners:needs_export", ""), ("requests:promote", "")])
def test_the_markers_are_on_the_list_for_someone_who_may_see_them(world, db, key, variant):
    """Without this, a marker the page never shows would make the leak test pass vacuously."""
    body = body_of(call(key, world, "branch", variant))
    assert any(marker in body for marker in markers_of(entry_of(key, variant), world))


@pytest.mark.parametrize("key", ["requests:queue", "requests:queue_export"])
@pytest.mark.parametrize(("name", "wish"), [("accept", "request"), ("mine", "overdue_request"),
                                            ("overdue", "overdue_request")])
def test_the_foreign_requests_are_on_the_queues_of_their_own_unit_member(world, db, key, name, wish):
    """Positive control for the member's and worker's queues: each has a foreign request it must not show."""
    world.users["their_member"] = world.objects["their_member"]
    response = world.client("their_member").get(reverse(key, kwargs={"name": name}))
    assert world.objects[wish].reference in body_of(response)


# --- the public pages show the publicised foreign request, masked ------------------------------------------------

@pytest.mark.parametrize("key", ["requests:home", "requests:board", "requests:board_feed"])
def test_a_public_page_shows_the_publicised_request_with_the_name_masked(world, db, key):
    """Positive control for their leak checks: the foreign notice is there, under 欧***, so its name could leak."""
    body = body_of(world.client("anonymous").get(reverse(key)))
    assert world.objects["public_request"].reference in body
    assert mask_name(FOREIGN_NAME) in body


@pytest.mark.parametrize("key", ["requests:home", "requests:board", "requests:board_feed", "requests:board_export"])
def test_a_public_page_shows_the_public_summary_and_nothing_of_the_closure_note(world, db, key):
    """The closure note says 已电话联系139…: the public summary the branch wrote is all a public page shows."""
    body = body_of(world.client("anonymous").get(reverse(key)))
    assert world.objects["public_request"].reference in body
    assert "已上门清理了楼道" in body
    assert "已电话联系" not in body
    assert FOREIGN_PHONE[-4:] not in body


# --- the positions' public pages show the foreign station, its roster masked ----------------------------------

@pytest.mark.parametrize("key", ["volunteers:positions", "volunteers:position", "volunteers:services",
                                 "volunteers:calendar", "volunteers:book"])
def test_a_public_positions_page_shows_the_foreign_station(world, db, key):
    """Positive control for their leak checks: the foreign station (or its service) is there to leak from."""
    route = entry_of(key)
    body = body_of(world.client("anonymous").get(reverse(key, kwargs=route.kwargs(world) if route.kwargs else None)))
    assert FOREIGN_TEXT in body


def test_the_foreign_stations_page_shows_its_duty_roster_masked(world, db):
    body = body_of(world.client("anonymous").get(reverse("volunteers:position", kwargs=pk_of("station")(world))))
    assert mask_name(FOREIGN_NAME) in body


def test_the_booking_opens_with_its_own_token(world, db):
    response = world.client("anonymous").get(reverse("volunteers:booking", args=[world.objects["booking"].token]))
    assert response.status_code == 200
    assert mask_name(FOREIGN_NAME) in body_of(response)


# --- Open311: the foreign requests are there, with the public summary only -----------------------------------

@pytest.mark.parametrize("fmt", OPEN311_FORMATS)
def test_open311_lists_the_foreign_requests_with_the_public_summary_only(world, db, fmt):
    """Positive control for its leak checks: the foreign requests are listed, the publicised one with its summary."""
    body = body_of(world.client("anonymous").get(reverse("requests:open311_requests", kwargs={"format": fmt})))
    assert world.objects["request"].reference in body
    assert "已上门清理了楼道" in body
    assert "已电话联系" not in body
    assert FOREIGN_PHONE[-4:] not in body


# --- staff above the community: a town's staff see their communities, the county's all, a community's its own ----

@dataclass
class County:
    requests: dict  # total-grid code -> a request placed in that community
    users: dict  # persona -> login


COUNTY_PERSONAS = {
    # persona: (the node of their staff post, or None for no post: the default community), the communities seen
    "community_staff": (None, {"C0101"}),
    "other_community_staff": ("YA-01-02", {"C0102"}),
    "town_staff": ("YA-01", {"C0101", "C0102"}),
    "other_town_staff": ("YA-02", {"C0201"}),
    "county_staff": ("YA", {"C0101", "C0102", "C0201"}),
}


@pytest.fixture
def county(db, settings):
    """Yao'an in miniature: two towns, three communities (C0101, the default, and C0102 in town 1; C0201 in town 2),
    one request in each, and a see-all login (the branch role) posted at each level."""
    from grid.models import GridNode, GridPost
    from requests.models import Request
    from tests.factories import make_branch_admin, make_category, make_node

    settings.COMMUNITY_CODE = "C0101"  # not NJ: the matrix's world (Nanjie) may be in the database already
    kind = GridNode.Kind
    root = make_node(code="YA", kind=kind.COUNTY, name="姚安县")
    towns = {code: make_node(code=code, kind=kind.TOWN, parent=root, name=code) for code in ("YA-01", "YA-02")}
    category, found = make_category(), {}
    for community, town, total in (("YA-01-01", "YA-01", "C0101"), ("YA-01-02", "YA-01", "C0102"),
                                   ("YA-02-01", "YA-02", "C0201")):
        node = make_node(code=community, kind=kind.COMMUNITY, parent=towns[town], name=community)
        grid = make_node(code=f"{total}-01", kind=kind.GRID, name="第1网格",
                         parent=make_node(code=total, kind=kind.TOTAL_GRID, parent=node, name=f"{total}总网格"))
        micro = make_node(code=f"{total}-01-01", kind=kind.MICRO_GRID, parent=grid, name="第1微网格")
        found[total] = Request.order(category=category, micro_grid=micro, text="楼道灯坏了",
                                     channel=Request.Channel.ONLINE)
    users = {}
    for persona, (post, _seen) in COUNTY_PERSONAS.items():
        users[persona] = make_branch_admin(f"sec_{persona}")
        if post:
            GridPost.objects.create(node=GridNode.objects.get(code=post), person=users[persona].person,
                                    role=GridPost.Role.STAFF)
    return County(found, users)


@override_settings(PASSWORD_HASHERS=FAST_HASHERS)
@pytest.mark.parametrize("persona", COUNTY_PERSONAS)
@pytest.mark.parametrize("community", ["C0101", "C0102", "C0201"])
def test_a_request_opens_for_the_staff_of_its_community_its_town_and_the_county(client, county, persona, community):
    client.force_login(county.users[persona])
    reference = county.requests[community].reference
    expected = 200 if community in COUNTY_PERSONAS[persona][1] else 404
    assert client.get(reverse("requests:detail", kwargs={"reference": reference})).status_code == expected


@pytest.mark.parametrize("persona", COUNTY_PERSONAS)
def test_the_request_list_of_each_level_holds_its_communities_only(county, persona):
    from requests.models import Request

    mine = Request.objects.filter(pk__in=[wish.pk for wish in county.requests.values()])  # not the world's
    seen = {wish.reference.split("-")[0] for wish in mine.visible_to(county.users[persona])}
    assert seen == COUNTY_PERSONAS[persona][1]


def test_a_staff_post_on_a_grid_is_refused(county):
    from django.core.exceptions import ValidationError

    from grid.models import GridNode, GridPost

    post = GridPost(node=GridNode.objects.get(code="C0101-01"), person=county.users["town_staff"].person,
                    role=GridPost.Role.STAFF)
    with pytest.raises(ValidationError):
        post.full_clean()


def test_a_grid_role_on_a_town_is_refused(county):
    from django.core.exceptions import ValidationError

    from grid.models import GridNode, GridPost

    post = GridPost(node=GridNode.objects.get(code="YA-01"), person=county.users["town_staff"].person,
                    role=GridPost.Role.LEADER)
    with pytest.raises(ValidationError):
        post.full_clean()
