"""Staff forms, fuzzed like the public ones (tests/security/test_fuzz.py): whatever a careless or hostile member
of staff puts in any field of any form they may post, the answer is never a 500, a refusal says why, and a
refused form saves nothing.

Each form is read off its own page (its fields, hidden keys included) as the persona who works with it, in the
persona's own scope; Hypothesis then replaces any subset of the fields with arbitrary text, numbers and dates.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from grid.models import Dispute, GridNode, GridPost, Household, LoginChange, PairContact, ServiceRecord, Visit, Whistle
from requests.models import Request
from tests.security.html_forms import form_data
from tests.security.test_fuzz import FUZZ, VALUE, assert_refused_politely
from volunteers.models import Inspection, Session


def own_household():
    node = GridNode.objects.get(code="NJ-01-01")
    household, _ = Household.objects.get_or_create(micro_grid=node, building="6", room="601",
                                                   defaults={"contact_name": "吴"})
    return household


def own_pair(world):
    from grid.models import AssistancePair

    pair, _ = AssistancePair.objects.get_or_create(helper=world.users["worker"].person, helper_kind="staff",
                                                   household=own_household(), defaults={"member_name": "吴"})
    return pair


def person_without_login():
    from grid.models import Person

    person, _ = Person.objects.get_or_create(name="待开账号", defaults={"phone": "13700001234"})
    return person


def their_worker_page(world):
    return reverse("logins:detail", args=[world.objects["their_worker"].person.pk])


# name -> (persona, world -> URL of the page holding the form, world -> URL the form posts to, the model it saves)
FORMS = {
    "household": ("worker", lambda w: reverse("field:household_new"), None, Household),
    "household_edit": ("worker", lambda w: reverse("field:household_edit", args=[own_household().pk]), None,
                       Household),
    "visit": ("worker", lambda w: reverse("field:visit_new", args=[own_household().pk]), None, Visit),
    "service": ("worker", lambda w: reverse("field:service_new", args=[own_household().pk]), None, ServiceRecord),
    "dispute": ("worker", lambda w: reverse("field:dispute_new"), None, Dispute),
    "pair_contact": ("worker", lambda w: reverse("field:pair", args=[own_pair(w).pk]),
                     lambda w: reverse("field:pair_contact", args=[own_pair(w).pk]), PairContact),
    "recorded_request": ("worker", lambda w: reverse("requests:record"), None, Request),
    "whistle": ("branch", lambda w: reverse("field:whistle_new"), None, Whistle),
    "inspection": ("branch", lambda w: reverse("volunteers:inspect", args=[w.objects["station"].pk]), None,
                   Inspection),
    "extra_session": ("branch", lambda w: reverse("volunteers:session_extra", args=[w.objects["rule"].pk]), None,
                      Session),
    # grid/people/logins: the branch's login forms (a new login; roles; a post), on the foreign worker's login
    "login_create": ("branch", lambda w: reverse("logins:detail", args=[person_without_login().pk]),
                     lambda w: reverse("logins:create", args=[person_without_login().pk]), get_user_model()),
    "login_roles": ("branch", their_worker_page,
                    lambda w: reverse("logins:roles", args=[w.objects["their_worker"].person.pk]), LoginChange),
    "login_post": ("branch", their_worker_page,
                   lambda w: reverse("logins:post", args=[w.objects["their_worker"].person.pk]), GridPost),
    "dispatch": ("chairman", lambda w: reverse("requests:detail", args=[w.objects["own_request"].reference]),
                 lambda w: reverse("requests:act", args=[w.objects["own_request"].reference, "dispatch"]), Request),
}
IGNORED = ("csrfmiddlewaretoken", "language", "next")


@pytest.mark.parametrize("name", FORMS)
def test_a_staff_form_survives_anything(world, db, name):
    persona, page_of, action_of, model = FORMS[name]
    client = world.client(persona)
    page = client.get(page_of(world))
    assert page.status_code == 200
    fields = {key: value for key, value in form_data(page.content.decode()).items() if key not in IGNORED}
    assert fields, f"no form read off {name}'s page"
    url = action_of(world) if action_of else page_of(world)

    @FUZZ
    @given(changes=st.dictionaries(st.sampled_from(sorted(fields)), VALUE, min_size=1))
    def check(changes):
        before = model.objects.count()
        response = client.post(url, {**fields, **changes})
        assert_refused_politely(response)
        if response.status_code != 302:  # refused: the form is shown again, or a page says why
            assert model.objects.count() == before

    check()


def test_the_visit_photo_survives_any_upload_and_a_refused_visit_keeps_no_file(world, db, settings):
    from tests.security.test_fuzz import upload

    client = world.client("worker")
    url = reverse("field:visit_new", args=[own_household().pk])
    fields = {key: value for key, value in form_data(client.get(url).content.decode()).items() if key not in IGNORED}

    @FUZZ
    @given(photo=upload(), token=st.uuids().map(str))
    def check(photo, token):
        before = Visit.objects.count()
        response = client.post(url, {**fields, "token": token, "photo": photo})
        assert_refused_politely(response)
        if response.status_code != 302:
            assert Visit.objects.count() == before
            assert not (settings.MEDIA_ROOT / "visit-photos").exists() or all(
                Visit.objects.filter(photo__endswith=path.name).exists()
                for path in (settings.MEDIA_ROOT / "visit-photos").rglob("*.jpg"))

    check()
