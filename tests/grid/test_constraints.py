"""What the database refuses is said in words, in Chinese: no constraint name ever reaches a page."""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation

from grid.models import AssistancePair, Dispute, GridNode, Household, Whistle

CHECKS = [(model, constraint) for model in apps.get_app_config("grid").get_models()
          for constraint in model._meta.constraints if isinstance(constraint, models.CheckConstraint)]


@pytest.mark.parametrize(("model", "constraint"), CHECKS, ids=[c.name for _m, c in CHECKS])
def test_every_check_constraint_has_its_own_message(model, constraint):
    assert constraint.violation_error_message != constraint.default_violation_error_message


def refusal(instance):
    with translation.override("zh-hans"), pytest.raises(ValidationError) as caught:
        instance.validate_constraints()
    return " ".join(caught.value.messages)


def test_a_closed_whistle_without_outcome_is_refused_in_words(branch):
    whistle = Whistle(grid=GridNode.objects.get(code="NJ-03"), what="积水", where="5幢", when=timezone.now(),
                      blown_by=branch, closed_at=timezone.now(), outcome="")
    message = refusal(whistle)
    assert "处置结果" in message
    assert "closed_whistle_has_outcome" not in message


def test_a_resolved_dispute_without_date_is_refused_in_words(worker3):
    dispute = Dispute(micro_grid=GridNode.objects.get(code="NJ-03-01"), kind="other", parties="甲", summary="x",
                      registered_by=worker3, state=Dispute.State.RESOLVED)
    assert "化解日期" in refusal(dispute)


def test_a_pair_cadence_out_of_range_is_refused_in_words(worker3, household):
    pair = AssistancePair(helper=worker3.person, helper_kind="staff", household=household, cadence_days=400)
    message = refusal(pair)
    assert "366" in message
    assert "pair_cadence_in_range" not in message


@pytest.mark.parametrize("days", [0, 367])
def test_a_pair_cadence_out_of_range_is_a_field_error(worker3, household, days):
    pair = AssistancePair(helper=worker3.person, helper_kind="staff", household=household, cadence_days=days)
    with pytest.raises(ValidationError) as caught:
        pair.full_clean()
    assert "cadence_days" in caught.value.message_dict


def test_the_admin_shows_a_bad_cadence_in_chinese(client, worker3, household):
    from tests.factories import make_user

    client.force_login(make_user(is_staff=True, is_superuser=True))
    response = client.post(reverse("admin:grid_assistancepair_add"), {
        "helper": worker3.person.pk, "helper_kind": "staff", "household": household.pk, "cadence_days": 0,
        "started_on": timezone.localdate().isoformat(), "active": "on",
        "contacts-TOTAL_FORMS": 0, "contacts-INITIAL_FORMS": 0})
    page = response.content.decode()
    assert "确保该值大于或等于1" in page
    assert "pair_cadence_in_range" not in page


@pytest.mark.parametrize("people", [0, 100, 30000])
def test_the_household_form_refuses_a_number_of_people_the_import_would(client3, tree, people):
    client3.post(reverse("field:household_new"), {"micro_grid": GridNode.objects.get(code="NJ-03-01").pk,
                                                  "people": people, "contact_name": "周建国"})
    assert not Household.objects.exists()


def test_the_household_form_takes_ninety_nine_people(client3, tree):
    client3.post(reverse("field:household_new"), {"micro_grid": GridNode.objects.get(code="NJ-03-01").pk,
                                                  "people": 99, "contact_name": "周建国"})
    assert Household.objects.get().people == 99
