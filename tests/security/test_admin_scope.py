"""Django admin, proven model by model for a scoped staff user: a grid worker of NJ-01 with is_staff and every
view/add/change/delete permission of the portal's apps, so only scope stands between them and grid NJ-02.

The cases come from admin.site._registry: every changelist, the change (and history) page of a foreign object,
the add page with foreign ids in the query string, the POST of an add with foreign ids, and the autocomplete
lookups. A model registered later fails `test_every_admin_model_has_foreign_rows_or_is_community_wide` until
the world below gives it a foreign row (or it is a community-wide roster): then every case covers it.
"""

import uuid

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from grid.models import GridNode, GridPost, GridTeamMember, LoginChange, Person, TeamKind, Visit
from grid.territory.admin import ScopedAdmin
from nanjie.once import SubmissionKeyField
from partners.models import Unit, UnitMembership
from requests.models import Request, Transition
from tests.factories import make_grid_worker
from tests.security.world import FOREIGN_NAME, FOREIGN_PHONE, FOREIGN_TEXT, build_world
from volunteers.models import Amenity, DutyShift, TeamMember

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
APPS = {"grid", "partners", "volunteers", "requests"}
MARKERS = (FOREIGN_NAME, FOREIGN_TEXT, FOREIGN_PHONE)
COMMUNITY_WIDE = {"partners.Category", "partners.Unit", "partners.CommitteeMember", "partners.DutyRota",
                  "volunteers.Team", "volunteers.ActivityDay"}
# Django's own and axes' admins: no grid placement, governed by model permissions the scoped persona lacks.
NOT_OURS = {"auth", "axes"}


def secret_fields(model):
    """Tracking tokens and submission keys (named here, not taken from the code under test)."""
    return {field.name for field in model._meta.concrete_fields
            if isinstance(field, SubmissionKeyField) or "token" in field.name}


def registered():
    return sorted((model._meta.label, model) for model in admin.site._registry if model._meta.app_label in APPS)


def labels():
    return [label for label, _model in registered()]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        with transaction.atomic():
            world = build_world()
            extend(world)
            yield world
            transaction.set_rollback(True)


def extend(world):
    """The scoped staff persona, and the foreign rows build_world has no need of (a four-teams seat, an amenity),
    and own rows that carry a token or a submission key."""
    scoped = make_grid_worker("NJ-01", "sec_scoped_staff")
    scoped.is_staff = True
    scoped.save(update_fields=["is_staff"])
    crud = Permission.objects.filter(content_type__app_label__in=APPS,
                                     codename__regex=r"^(view|add|change|delete)_").exclude(
        codename__startswith="view_all_")  # the see-all permissions: exactly what this persona lacks
    scoped.user_permissions.add(*crud)
    world.users["scoped"] = scoped
    their_grid = GridNode.objects.get(code="NJ-02")
    their_post = GridPost.objects.get(node=their_grid)
    seat = GridTeamMember.objects.create(grid=their_grid, person=their_post.person, team=TeamKind.COMMUNITY_WORKER)
    amenity = Amenity.objects.create(position=world.objects["station"], kind=Amenity.Kind.choices[0][0],
                                     label=FOREIGN_TEXT)
    own_visit = Visit.objects.create(household=make_own_household(), worker=scoped.person, recorded_by=scoped,
                                     visited_on=timezone.localdate(), token=uuid.uuid4())
    # The meeting's attendance and a correction of its minutes, rows the security world does not need elsewhere.
    from partners.models import Attendance, CommitteeMember, MinutesAmendment

    seat_holder = CommitteeMember.objects.create(person=their_post.person, title="兼职委员")
    attendance = Attendance.objects.create(meeting=world.objects["meeting"], member=seat_holder, present=True)
    amendment = MinutesAmendment.objects.create(meeting=world.objects["meeting"], text=FOREIGN_TEXT,
                                                by=world.users["chairman"])
    # A change to the foreign worker's login, made by the branch (grid/people/logins).
    from grid.people.logins.models import set_active

    set_active(world.objects["their_worker"].person, False, by=world.users["branch"])
    world.objects |= {"seat": seat, "amenity": amenity, "their_post": their_post, "own_visit": own_visit,
                      "attendance": attendance, "amendment": amendment}
    world.foreign = foreign_rows(world)
    world.log_in_everyone()


def make_own_household():
    from grid.models import Household

    return Household.objects.create(micro_grid=GridNode.objects.get(code="NJ-01-01"), building="1", room="101",
                                    contact_name="本格住户")


def foreign_rows(world):
    """Per model, the rows of grid NJ-02 and unit B: what the scoped persona must never reach."""
    objects = world.objects
    requests = [objects[name] for name in ("request", "public_request", "overdue_request")]
    station = objects["station"]
    return {
        "grid.GridNode": list(GridNode.objects.filter(code__startswith="NJ-02")),
        "grid.AssistancePair": [objects["pair"]],
        "grid.ServiceRecord": [objects["service"]],
        "grid.Dispute": [objects["dispute"]],
        "grid.Household": [objects["household"]],
        "grid.Visit": [objects["visit"]],
        "grid.Whistle": [objects["whistle"]],
        "grid.Person": [objects["their_post"].person, *Person.objects.filter(name=FOREIGN_NAME),
                        objects["their_member"].person],
        "grid.GridPost": [objects["their_post"]],
        "grid.GridTeamMember": [objects["seat"]],
        "grid.LoginChange": list(LoginChange.objects.filter(person=objects["their_worker"].person)),
        "partners.UnitMembership": list(UnitMembership.objects.filter(person=objects["their_member"].person)),
        "volunteers.Position": [station],
        "volunteers.DutyShift": list(DutyShift.objects.filter(position=station)),
        "volunteers.Amenity": [objects["amenity"]],
        "volunteers.Inspection": [objects["inspection"]],
        "volunteers.ServiceRule": [objects["rule"]],
        "volunteers.Session": [objects["station_session"]],
        "volunteers.Booking": [objects["booking"]],
        "volunteers.TeamMember": list(TeamMember.objects.filter(team=objects["team"])),
        "requests.Request": requests,
        "requests.Transition": list(Transition.objects.filter(request__in=requests)),
        "volunteers.StudySession": [objects["study_session"], objects["held_study_session"]],
        "volunteers.MobileMember": [objects["mobile_member"]],
        "volunteers.TutorContact": list(objects["mobile_member"].contacts.all()),
        "volunteers.Activity": [objects["activity"], objects["past_activity"]],
        "volunteers.SignUp": [objects["signup"]],
        "volunteers.Certificate": [objects["certificate"]],
        "partners.Meeting": [objects["meeting"], objects["later_meeting"]],
        "partners.AgendaItem": [objects["agenda_item"]],
        "partners.Decision": [objects["decision"]],
        "partners.DecisionEvent": list(objects["decision"].events.all()),
        "partners.Attendance": [objects["attendance"]],
        "partners.Need": [objects["need"]],
        "partners.Project": [objects["project"]],
        "partners.Resource": [objects["resource"]],
        "partners.Claim": [objects["claim"]],
        "partners.MinutesAmendment": [objects["amendment"]],
    }


def url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


def text_of(response):
    return response.content.decode(errors="replace")


def related_fields(model, world):
    """The form fields of `model` that link to a model with foreign rows: name → a foreign row."""
    fields = {}
    for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
        if field.is_relation and field.editable and field.related_model._meta.label in world.foreign:
            fields[field.name] = world.foreign[field.related_model._meta.label][0]
    return fields


def form_cases():
    return [label for label in labels() if label not in COMMUNITY_WIDE]


# --- the registry is covered -----------------------------------------------------------------------------------

def test_every_admin_model_has_foreign_rows_or_is_community_wide(world, db):
    assert [label for label in labels() if label not in world.foreign and label not in COMMUNITY_WIDE] == []


def test_no_third_party_admin_is_left_unaccounted_for():
    assert {model._meta.app_label for model in admin.site._registry} - APPS <= NOT_OURS


@pytest.mark.parametrize("label", labels())
def test_every_admin_is_on_the_scoped_base(label):
    assert isinstance(admin.site._registry[dict(registered())[label]], ScopedAdmin)


@pytest.mark.parametrize("label", labels())
def test_every_inline_is_on_the_scoped_base(label):
    from grid.territory.admin import ScopedInline

    model_admin = admin.site._registry[dict(registered())[label]]
    assert [inline for inline in model_admin.inlines if not issubclass(inline, ScopedInline)] == []


# --- the scoped persona over every admin -------------------------------------------------------------------------

@pytest.mark.parametrize("label", labels())
def test_a_changelist_lists_no_foreign_row(world, db, label):
    model = dict(registered())[label]
    response = world.client("scoped").get(url(model, "changelist"))
    foreign = [row.pk for row in world.foreign.get(label, [])]
    assert response.status_code == 200
    assert not response.context["cl"].queryset.filter(pk__in=foreign).exists()


@pytest.mark.parametrize("label", labels())
def test_a_changelist_shows_no_foreign_marker(world, db, label):
    model = dict(registered())[label]
    page = text_of(world.client("scoped").get(url(model, "changelist")))
    assert [marker for marker in MARKERS if marker in page] == []


@pytest.mark.parametrize("label", form_cases())
def test_a_foreign_change_page_is_answered_as_missing(world, db, label):
    model = dict(registered())[label]
    row = world.foreign[label][0]
    response = world.client("scoped").get(url(model, "change", row.pk))
    assert (response.status_code, response.headers.get("Location")) == (302, reverse("admin:index"))


@pytest.mark.parametrize("label", [label for label in form_cases()
                                   if hasattr(admin.site._registry[dict(registered())[label]], "history_view")])
def test_a_foreign_history_page_is_answered_as_missing(world, db, label):
    model = dict(registered())[label]
    response = world.client("scoped").get(url(model, "history", world.foreign[label][0].pk))
    assert (response.status_code, response.headers.get("Location")) == (302, reverse("admin:index"))


@pytest.mark.parametrize("label", form_cases())
def test_an_add_page_drops_foreign_ids_from_the_query_string(world, db, label):
    model = dict(registered())[label]
    fields = related_fields(model, world)
    response = world.client("scoped").get(url(model, "add"), {name: row.pk for name, row in fields.items()})
    if response.status_code == 403:
        return  # no adding here at all (requests, sessions, bookings)
    initial = response.context["adminform"].form.initial
    assert [name for name in fields if initial.get(name)] == []


@pytest.mark.parametrize("label", form_cases())
def test_an_add_page_shows_no_foreign_label(world, db, label):
    model = dict(registered())[label]
    fields = related_fields(model, world)
    page = text_of(world.client("scoped").get(url(model, "add"), {name: row.pk for name, row in fields.items()}))
    assert [marker for marker in MARKERS if marker in page] == []


@pytest.mark.parametrize("label", form_cases())
def test_an_add_post_with_foreign_ids_is_refused_on_each_of_them(world, db, label):
    model = dict(registered())[label]
    client = world.client("scoped")
    response = client.post(url(model, "add"), {name: row.pk for name, row in related_fields(model, world).items()})
    if response.status_code == 403:
        return
    form = response.context["adminform"].form
    refused = {name for name, errors in form.errors.as_data().items()
               if any(error.code in ("invalid_choice", "invalid_pk_value") for error in errors)}
    assert refused == {name for name in related_fields(model, world) if name in form.fields}


def autocomplete_cases():
    cases = []
    for label, model in registered():
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
            target = field.related_model if field.is_relation else None
            if target in admin.site._registry and admin.site._registry[target].search_fields:
                cases.append(pytest.param(label, field.name, id=f"{label}.{field.name}"))
    return cases


@pytest.mark.parametrize(("label", "field_name"), autocomplete_cases())
def test_an_autocomplete_lookup_offers_no_foreign_row(world, db, label, field_name):
    model = dict(registered())[label]
    target = model._meta.get_field(field_name).related_model
    response = world.client("scoped").get(reverse("admin:autocomplete"), {
        "app_label": model._meta.app_label, "model_name": model._meta.model_name, "field_name": field_name,
        "term": ""})
    offered = {str(result["id"]) for result in response.json()["results"]} if response.status_code == 200 else set()
    assert offered & {str(row.pk) for row in world.foreign.get(target._meta.label, [])} == set()


# --- positive controls: the cases are about scope, not about pages that show nothing ---------------------------

@pytest.mark.parametrize("label", [label for label in form_cases() if label != "requests.Transition"])
def test_a_superuser_lists_the_foreign_rows(world, db, label):
    model = dict(registered())[label]
    response = world.client("superuser").get(url(model, "changelist"))
    foreign = [row.pk for row in world.foreign[label]]
    assert response.context["cl"].queryset.filter(pk__in=foreign).exists()


def test_the_branch_admin_opens_a_foreign_household(world, db):
    response = world.client("branch").get(url(Visit, "change", world.objects["visit"].pk))
    assert response.status_code == 200
    assert FOREIGN_TEXT in text_of(response)


def test_the_scoped_persona_opens_their_own_visit(world, db):
    response = world.client("scoped").get(url(Visit, "change", world.objects["own_visit"].pk))
    assert response.status_code == 200


# --- tokens and submission keys ----------------------------------------------------------------------------------

def token_cases():
    return [pytest.param(label, id=label) for label, model in registered() if secret_fields(model)]


def own_secrets(world, model):
    """The tokens and keys of the rows the scoped persona sees (and of their own rows with a key)."""
    rows = model._default_manager.visible_to(world.users["scoped"])
    return [(row, str(value)) for row in rows for name in secret_fields(model)
            if (value := getattr(row, name))]


@pytest.mark.parametrize("label", token_cases())
@pytest.mark.parametrize("persona", ["scoped", "superuser"])
def test_no_change_page_shows_a_token(world, db, label, persona):
    model = dict(registered())[label]
    client = world.client(persona)
    shown = [value for row, value in own_secrets(world, model)
             if value in text_of(client.get(url(model, "change", row.pk)))]
    assert shown == []


@pytest.mark.parametrize("label", token_cases())
def test_no_changelist_shows_a_token(world, db, label):
    model = dict(registered())[label]
    page = text_of(world.client("superuser").get(url(model, "changelist")))
    assert [value for _row, value in own_secrets(world, model) if value in page] == []


def test_the_own_requests_token_is_somewhere_to_be_found(world, db):
    """Positive control of the token cases: the persona sees a request that has a token."""
    assert ("requests.Request", world.own_token) in [
        ("requests.Request", value) for _row, value in own_secrets(world, Request)]


@pytest.mark.parametrize("label", token_cases())
def test_no_one_filters_by_a_token(world, db, label):
    model = dict(registered())[label]
    name = sorted(secret_fields(model))[0]
    assert world.client("superuser").get(url(model, "changelist"), {name: "x"}).status_code == 400


def test_no_one_finds_a_request_by_its_token(world, db):
    response = world.client("superuser").get(url(Request, "changelist"), {"q": world.own_token})
    assert not response.context["cl"].queryset.exists()


def test_a_token_is_not_in_a_requests_history_of_transitions(world, db):
    request = world.objects["own_request"]
    page = text_of(world.client("scoped").get(url(Request, "change", request.pk)))
    assert request.token not in page


# --- filters in the query string ---------------------------------------------------------------------------------

def test_scoped_staff_cannot_filter_requests_by_a_phone(world, db):
    response = world.client("scoped").get(url(Request, "changelist"), {"resident_phone": "13800001111"})
    assert response.status_code == 400


def test_scoped_staff_cannot_filter_people_by_a_phone(world, db):
    response = world.client("scoped").get(url(Person, "changelist"), {"phone__startswith": "139"})
    assert response.status_code == 400


def test_scoped_staff_use_the_declared_filters(world, db):
    response = world.client("scoped").get(url(Request, "changelist"), {"state__exact": "ordered"})
    assert response.status_code == 200


def test_community_wide_staff_still_filter_by_a_field(world, db):
    response = world.client("superuser").get(url(Request, "changelist"), {"resident_phone": "13800001111"})
    assert response.status_code == 200


# --- the user fields are the user --------------------------------------------------------------------------------

def visit_post(world, **fields):
    own = world.objects["own_visit"]
    return {"household": own.household_id, "worker": own.worker_id, "visited_on": "2026-01-05", **fields}


def test_an_admin_visit_is_recorded_by_the_user_whatever_was_posted(world, db):
    world.client("scoped").post(url(Visit, "add"), visit_post(world, recorded_by=world.users["branch"].pk,
                                                                  asked="管理后台记的"))
    assert Visit.objects.get(asked="管理后台记的").recorded_by == world.users["scoped"]


def test_an_admin_visit_on_a_foreign_household_is_not_saved(world, db):
    world.client("scoped").post(url(Visit, "add"), visit_post(world, household=world.objects["household"].pk,
                                                                  recorded_by=world.users["scoped"].pk,
                                                                  asked="外格的走访"))
    assert not Visit.objects.filter(asked="外格的走访").exists()


def test_scoped_staff_may_not_link_a_login_to_a_person(world, db):
    person = world.users["scoped"].person
    world.client("scoped").post(url(Person, "change", person.pk), {
        "name": person.name, "phone": "", "political_status": person.political_status, "notes": "",
        "user": world.users["branch"].pk})
    person.refresh_from_db()
    assert person.user == world.users["scoped"]


# --- community-wide rosters ---------------------------------------------------------------------------------------

def test_scoped_staff_may_look_at_a_unit_but_not_change_it(world, db):
    unit = Unit.objects.get(name="县住建局")
    response = world.client("scoped").post(url(Unit, "change", unit.pk), {"name": "改名了", "kind": unit.kind})
    unit.refresh_from_db()
    assert (response.status_code, unit.name) == (403, "县住建局")



def test_a_raw_id_widget_labels_no_foreign_row_on_an_own_change_page(world, db):
    """An own visit whose worker is someone the persona cannot see: the widget shows the id, not the name."""
    foreign_person = Person.objects.filter(name=FOREIGN_NAME).first()
    visit = Visit.objects.create(household=world.objects["own_visit"].household, worker=foreign_person,
                                 recorded_by=world.users["scoped"], visited_on=timezone.localdate())
    form = world.client("scoped").get(url(Visit, "change", visit.pk)).context["adminform"].form
    assert form["worker"].field.widget.label_and_url_for_value(foreign_person.pk) == ("", "")


def test_no_history_page_shows_a_submission_key(world, db):
    inspection = world.objects["inspection"]
    key = uuid.uuid4()
    type(inspection).objects.filter(pk=inspection.pk).update(token=key)
    version = inspection.history.first()  # its history leaves the key out; the pages must not add the live one
    client = world.client("superuser")
    pages = [text_of(client.get(url(type(inspection), "history", inspection.pk))),
             text_of(client.get(reverse("admin:volunteers_inspection_simple_history",
                                        args=[inspection.pk, version.pk])))]
    assert [page for page in pages if str(key) in page] == []


@pytest.mark.parametrize("label", sorted(model._meta.label for model in admin.site._registry
                                         if model._meta.app_label in NOT_OURS))
def test_logins_and_lockouts_are_for_community_wide_staff_only(world, db, label):
    """Even given every permission of auth and axes, a scoped staff user gets no further than a 403."""
    model = next(model for model in admin.site._registry if model._meta.label == label)
    scoped = world.users["scoped"]
    scoped.user_permissions.add(*Permission.objects.filter(content_type__app_label__in=NOT_OURS))
    assert world.client("scoped").get(url(model, "changelist")).status_code == 403


@pytest.mark.parametrize("label", sorted(model._meta.label for model in admin.site._registry
                                         if model._meta.app_label in NOT_OURS))
def test_a_superuser_still_manages_logins_and_lockouts(world, db, label):
    model = next(model for model in admin.site._registry if model._meta.label == label)
    assert world.client("superuser").get(url(model, "changelist")).status_code == 200
