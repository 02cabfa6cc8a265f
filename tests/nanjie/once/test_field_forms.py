"""A double tap or a resent POST saves one record: every "new" form carries a one-time token."""

import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from grid.models import Dispute, GridNode, Household, PairContact, ServiceRecord, Whistle
from tests.grid.factories import make_household


@pytest.fixture
def pair(worker3, household):
    from grid.models import AssistancePair

    return AssistancePair.objects.create(helper=worker3.person, helper_kind="staff", household=household)


def twice(client, url, data):
    data = {**data, "token": str(uuid.uuid4())}
    client.post(url, data)
    return client.post(url, data, follow=True)


def test_a_double_tap_on_a_pair_contact_logs_one_contact(client3, pair):
    second = twice(client3, reverse("field:pair_contact", args=[pair.pk]),
                   {"contacted_on": timezone.localdate().isoformat(), "how": "phone", "note": "身体好"})
    assert PairContact.objects.count() == 1
    assert "已保存过，不会重复保存" in second.content.decode()


def test_a_double_tap_on_a_three_ways_record_saves_one(client3, worker3, household):
    twice(client3, reverse("field:service_new", args=[household.pk]), {
        "way": "doorstep", "what": "上门办理养老认证", "done_on": timezone.localdate().isoformat(),
        "helper": worker3.person.pk})
    assert ServiceRecord.objects.count() == 1


def test_a_double_tap_on_a_new_dispute_registers_one(client3, tree):
    second = twice(client3, reverse("field:dispute_new"), {
        "micro_grid": GridNode.objects.get(code="NJ-03-01").pk, "kind": "family", "parties": "甲、乙",
        "summary": "赡养纠纷", "found_on": timezone.localdate().isoformat()})
    assert Dispute.objects.count() == 1
    assert (second.redirect_chain[-1][0] == reverse(
        "field:dispute", args=[Dispute.objects.get().pk]))


def test_a_double_tap_on_the_whistle_blows_it_once(client, branch):
    client.force_login(branch)
    twice(client, reverse("field:whistle_new"), {"grid": GridNode.objects.get(code="NJ-03").pk, "what": "积水",
                                                  "where": "荷花苑", "when": "2026-11-28T10:00", "urgency": "urgent"})
    assert Whistle.objects.count() == 1


def test_two_forms_opened_separately_save_two_contacts(client3, pair):
    url = reverse("field:pair_contact", args=[pair.pk])
    for _ in range(2):
        client3.post(url, {"contacted_on": timezone.localdate().isoformat(), "how": "phone",
                           "token": str(uuid.uuid4())})
    assert PairContact.objects.count() == 2


def test_another_users_token_is_not_their_record(client, client3, worker3, household, tree):
    from tests.factories import make_grid_worker

    data = {"micro_grid": GridNode.objects.get(code="NJ-03-01").pk, "kind": "family", "parties": "甲、乙",
            "summary": "赡养纠纷", "found_on": timezone.localdate().isoformat(), "token": str(uuid.uuid4())}
    client3.post(reverse("field:dispute_new"), data)
    client.force_login(make_grid_worker("NJ-03"))
    response = client.post(reverse("field:dispute_new"), data)
    assert Dispute.objects.count() == 1
    assert response.status_code != 302  # the token is taken: no second row


@pytest.mark.parametrize("name", ["field:dispute_new", "field:whistle_new"])
def test_the_new_forms_carry_a_fresh_token(client, branch, name):
    client.force_login(branch)
    tokens = [client.get(reverse(name)).context["form"]["token"].value() for _ in range(2)]
    assert tokens[0] != tokens[1]


def test_a_form_without_its_token_is_refused(client3, pair):
    response = client3.post(reverse("field:pair_contact", args=[pair.pk]),
                            {"contacted_on": timezone.localdate().isoformat(), "how": "phone"})
    assert response.status_code == 400
    assert not PairContact.objects.exists()


def test_a_new_household_that_lost_a_race_gets_the_form_message_not_a_500(client3, tree, monkeypatch):
    existing = make_household("NJ-03-02", building="5", unit_number="2", room="301", compound="",
                              contact_name="周建国")
    original = Household.validate_constraints
    calls = []

    def late(self, *args, **kwargs):  # the form's own check ran before the other post committed
        calls.append(1)
        if len(calls) > 1:
            original(self, *args, **kwargs)

    monkeypatch.setattr(Household, "validate_constraints", late)
    response = client3.post(reverse("field:household_new"), {
        "micro_grid": existing.micro_grid_id, "building": "5", "unit_number": "2", "room": "301", "people": 2,
        "contact_name": "周建国"})
    assert (response.status_code, Household.objects.count()) == (200, 1)
    assert ("该住户已登记" in \
        response.content.decode())
