"""The audit trail: every roster change records who, when and what, and admin shows it; every request state
change is a Transition row with who, when, from and to.

Rosters are history-tracked with django-simple-history; the middleware records the logged-in user. The rosters
are read from the admin registry (every model whose admin is a HistoryAdmin); every other model in admin is
in EXEMPT with the reason it needs no history, so a new roster registered without history fails here.
"""

import pytest
from django.apps import apps
from django.contrib import admin
from django.test import Client
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from nanjie.admin import HistoryAdmin
from tests.factories import make_category, make_chairman, make_person, make_tree, make_unit, make_user
from tests.security.html_forms import form_data

# Registered in admin without simple_history, each for a reason: it keeps its own record of who did what.
# A model registered later is a roster (HistoryAdmin, HistoricalRecords) unless it is added here with its reason.
EXEMPT = {
    "auth.User": "Django's logins: admin's LogEntry records their changes; the roster person is grid.Person",
    "auth.Group": "the four roles; code adds their registered permissions (nanjie.roles.ensure_groups) after migrate",
    "axes.AccessAttempt": "django-axes' login log: it is itself the audit",
    "axes.AccessFailureLog": "django-axes' login log: it is itself the audit",
    "axes.AccessLog": "django-axes' login log: it is itself the audit",
    "requests.Request": "every state change is a requests.Transition row (who, when, from, to)",
    "requests.Transition": "the transition rows themselves",
    "grid.LoginChange": "the audit rows of the branch's login changes themselves (grid/people/logins), read only",
    "grid.Dispute": "every state change is a grid.DisputeTransition row (who, when, from, to)",
    "grid.Whistle": "closed once through Whistle.close(), which writes a grid.WhistleTransition row (who, when, "
                    "the outcome; read-only in admin); each report-in is a row with who and when",
    "grid.Visit": "a record of one visit, written once with recorded_by and created_at, not a roster",
    "grid.ServiceRecord": "a record of one three-ways service, written once with recorded_by and created_at",
    "volunteers.Session": "every state change is a volunteers.SessionChange row (who, when, from, to; read-only "
                          "in admin)",
    "volunteers.Booking": "booked and cancelled through the model only, each a volunteers.BookingEvent row (who, "
                          "when); read-only in admin",
    "volunteers.StudySession": "every state change is a volunteers.StudySessionChange row (who, when, from, to; "
                               "read-only in admin); each attendance is a row with who recorded it and when",
    "volunteers.TutorContact": "a record of one tutor's contact, written once with recorded_by and recorded_at",
    "partners.Claim": "claimed, delivered, verified and withdrawn through the model only, each a "
                      "partners.ClaimTransition row (who, when, from, to); read-only in admin",
    "partners.Decision": "decided, done and carried over through the model only, each a partners.DecisionEvent row "
                         "(who, when, from, to); read-only in admin",
    "partners.DecisionEvent": "the decision change rows themselves",
    "partners.MinutesAmendment": "a correction of confirmed minutes: itself the record of who changed what, when",
    "volunteers.ActivityDay": "published once through ActivityDay.publish(), an ActivityLog row (who, when); its "
                              "day and state are read-only in admin",
    "volunteers.Activity": "claimed and recorded through the model only, each an ActivityLog row (who, when); "
                           "read-only state in admin",
    "volunteers.SignUp": "every sign-up, sign-in, confirmation and late entry is an ActivityLog row (who, when); "
                         "read-only in admin",
    "volunteers.Certificate": "issued once and never changed (no change permission in admin); an ActivityLog row",
}
REGISTERED = {model._meta.label: model_admin for model, model_admin in admin.site._registry.items()}
ROSTERS = sorted(label for label, model_admin in REGISTERED.items() if isinstance(model_admin, HistoryAdmin))


@pytest.mark.parametrize("label", sorted(REGISTERED))
def test_every_admin_model_is_a_roster_with_history_or_exempt_with_a_reason(label):
    assert label in EXEMPT or isinstance(REGISTERED[label], HistoryAdmin)


@pytest.mark.parametrize("label", sorted(EXEMPT))
def test_every_exemption_names_a_model_in_admin(label):
    assert label in REGISTERED


def test_the_rosters_the_community_keeps_are_all_audited():
    expected = {"grid.GridNode", "grid.Person", "grid.GridPost", "grid.GridTeamMember", "grid.Household",
                "grid.AssistancePair", "partners.Category", "partners.Unit", "partners.UnitMembership",
                "partners.CommitteeMember", "partners.DutyRota", "volunteers.Team", "volunteers.TeamMember"}
    assert expected <= set(ROSTERS)


@pytest.mark.parametrize("label", ROSTERS)
def test_every_roster_keeps_its_history(label):
    assert hasattr(apps.get_model(label), "history")


@pytest.mark.parametrize("label", ROSTERS)
def test_every_roster_admin_shows_its_history(label):
    assert isinstance(admin.site._registry.get(apps.get_model(label)), SimpleHistoryAdmin)


def test_household_tags_keep_their_history():
    assert hasattr(apps.get_model("grid.HouseholdTag"), "history")


@pytest.fixture
def office():
    """The community office's admin account, logged in."""
    user = make_user("office", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(user)
    return client


def change_through_admin(client, obj, **changes):
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    data = form_data(client.get(url).content.decode(), form_id=f"{opts.model_name}_form")
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    obj.refresh_from_db()
    return obj


@pytest.mark.django_db
def test_a_person_changed_in_admin_records_who_when_and_what(office):
    person = make_person(name="李春华", phone="13800001111")
    change_through_admin(office, person, phone="13900002222")
    latest, previous = person.history.all()[:2]
    delta = latest.diff_against(previous)
    assert (latest.history_user.username, latest.history_type, delta.changed_fields) == ("office", "~", ["phone"])
    assert (delta.changes[0].old, delta.changes[0].new) == ("13800001111", "13900002222")


@pytest.mark.django_db
def test_a_unit_changed_in_admin_records_its_new_duties(office):
    unit = make_unit(name="县人民医院", duties=[make_category()])
    extra = make_category()
    change_through_admin(office, unit, duties=[str(pk) for pk in unit.duties.values_list("pk", flat=True)]
                         + [str(extra.pk)])
    latest = unit.history.first()
    assert (latest.history_user.username, sorted(d.category_id for d in latest.duties.all())) == \
        ("office", sorted(unit.duties.values_list("pk", flat=True)))


@pytest.mark.django_db
def test_the_admin_history_page_shows_who_changed_what(office):
    person = make_person(name="李春华", phone="13800001111")
    change_through_admin(office, person, phone="13900002222")
    page = office.get(reverse("admin:grid_person_history", args=[person.pk])).content.decode()
    assert "office" in page
    assert "13900002222" in page


@pytest.mark.django_db
def test_a_grid_node_renamed_in_admin_is_recorded(office):
    make_tree(grids=1, micro_per_grid=1)
    node = apps.get_model("grid.GridNode").objects.get(code="NJ-01")
    change_through_admin(office, node, name="第一网格（新）")
    assert node.history.first().history_user.username == "office"


@pytest.mark.django_db
def test_a_dispatch_is_recorded_as_a_transition_with_who_and_when():
    from requests.models import Request

    make_tree(grids=1, micro_per_grid=1)
    category = make_category()
    chairman = make_chairman()
    request = Request.objects.create(category=category, text="楼道灯坏了",
                                     micro_grid=apps.get_model("grid.GridNode").objects.get(code="NJ-01-01"))
    request.dispatch(make_unit(duties=[category]), by=chairman)
    transition = request.transitions.get()
    assert (transition.by, transition.old_state, transition.new_state, transition.at is not None) == \
        (chairman, "ordered", "dispatched", True)


def test_transitions_are_visible_in_admin():
    from requests.models import Request, Transition

    request_admin = admin.site._registry.get(Request)
    inline_models = {inline.model for inline in getattr(request_admin, "inlines", [])}
    assert Transition in admin.site._registry or Transition in inline_models


@pytest.mark.django_db
def test_the_admin_request_page_lists_who_moved_it(office):
    from requests.models import Request

    make_tree(grids=1, micro_per_grid=1)
    category = make_category()
    chairman = make_chairman("chairman_on_duty")
    request = Request.objects.create(category=category, text="楼道灯坏了",
                                     micro_grid=apps.get_model("grid.GridNode").objects.get(code="NJ-01-01"))
    request.dispatch(make_unit(duties=[category]), by=chairman)
    page = office.get(reverse("admin:requests_request_change", args=[request.pk])).content.decode()
    assert "chairman_on_duty" in page
