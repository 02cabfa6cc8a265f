"""Races on PostgreSQL: real threads with their own connections pressing the same button at once."""

import threading
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from grid.models import Dispute, GridNode, GridTeamMember, TeamKind, Visit, Whistle, WhistleReport
from tests.conftest import requires_postgres
from tests.factories import make_branch_admin, make_grid_worker, make_tree
from tests.grid.factories import make_household

pytestmark = [requires_postgres, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
PRESSES = 6


def together(calls):
    barrier = threading.Barrier(len(calls))
    won, refused = [], []

    def press(call):
        try:
            barrier.wait()
            won.append(call())
        except ValidationError as error:
            refused.append(error.messages[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=press, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return won, refused


@pytest.fixture
def world():
    make_tree(grids=4, micro_per_grid=2)
    return {"worker": make_grid_worker("NJ-03"), "branch": make_branch_admin()}


def test_the_same_visit_form_sent_six_times_at_once_saves_one_visit(world):
    household = make_household()
    data = {"visited_on": timezone.localdate().isoformat(), "asked": "询问医保", "token": str(uuid.uuid4())}
    clients = []
    for _ in range(PRESSES):
        client = Client()
        client.force_login(world["worker"])
        clients.append(client)
    url = reverse("field:visit_new", args=[household.pk])
    won, _refused = together([lambda c=c: c.post(url, data).status_code for c in clients])
    assert Visit.objects.count() == 1
    assert won == [302] * PRESSES


def test_of_six_mediators_resolving_at_once_exactly_one_wins(world):
    user = world["worker"]
    dispute = Dispute.objects.create(micro_grid=GridNode.objects.get(code="NJ-03-01"), kind="other", parties="甲、乙",
                                     summary="吵架", registered_by=user)
    dispute.start_mediation(user.person, by=user)
    calls = [lambda: Dispute.objects.get(pk=dispute.pk).resolve("和解", by=user) for _ in range(PRESSES)]
    won, refused = together(calls)
    assert (len(won), dispute.transitions.filter(new="resolved").count()) == (1, 1)


def test_a_double_tap_on_report_in_records_one_report(world):
    user = world["worker"]
    GridTeamMember.objects.create(team=TeamKind.COMMUNITY_WORKER, person=user.person,
                                  grid=GridNode.objects.get(code="NJ-03"))
    whistle = Whistle.objects.create(grid=GridNode.objects.get(code="NJ-03"), what="积水", where="5幢",
                                     when=timezone.now(), blown_by=world["branch"])
    calls = [lambda: Whistle.objects.get(pk=whistle.pk).report_in(user.person, "到") for _ in range(PRESSES)]
    together(calls)
    assert WhistleReport.objects.count() == 1


def test_of_six_closers_exactly_one_closes_the_whistle(world):
    whistle = Whistle.objects.create(grid=GridNode.objects.get(code="NJ-03"), what="积水", where="5幢",
                                     when=timezone.now(), blown_by=world["branch"])
    calls = [lambda n=n: Whistle.objects.get(pk=whistle.pk).close(f"结果{n}", by=world["branch"])
             for n in range(PRESSES)]
    won, refused = together(calls)
    assert (len(won), len(refused)) == (1, PRESSES - 1)


def clients_of(user, count=PRESSES):
    clients = []
    for _ in range(count):
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


def press_all(clients, url, data):
    return together([lambda c=c: c.post(url, data).status_code for c in clients])


def test_the_same_pair_contact_sent_six_times_at_once_logs_one(world):
    from grid.models import AssistancePair, PairContact

    user = world["worker"]
    pair = AssistancePair.objects.create(helper=user.person, helper_kind="staff", household=make_household())
    data = {"contacted_on": timezone.localdate().isoformat(), "how": "phone", "token": str(uuid.uuid4())}
    won, _refused = press_all(clients_of(user), reverse("field:pair_contact", args=[pair.pk]), data)
    assert PairContact.objects.count() == 1
    assert won == [302] * PRESSES


def test_the_same_three_ways_form_sent_six_times_at_once_saves_one(world):
    from grid.models import ServiceRecord

    user = world["worker"]
    household = make_household()
    data = {"way": "proxy", "what": "代缴医保", "done_on": timezone.localdate().isoformat(),
            "helper": user.person.pk, "token": str(uuid.uuid4())}
    won, _refused = press_all(clients_of(user), reverse("field:service_new", args=[household.pk]), data)
    assert ServiceRecord.objects.count() == 1
    assert won == [302] * PRESSES


def test_the_same_dispute_form_sent_six_times_at_once_registers_one(world):
    data = {"micro_grid": GridNode.objects.get(code="NJ-03-01").pk, "kind": "family", "parties": "甲、乙",
            "summary": "赡养纠纷", "found_on": timezone.localdate().isoformat(), "token": str(uuid.uuid4())}
    won, _refused = press_all(clients_of(world["worker"]), reverse("field:dispute_new"), data)
    assert Dispute.objects.count() == 1
    assert won == [302] * PRESSES


def test_the_same_whistle_form_sent_six_times_at_once_blows_one(world):
    data = {"grid": GridNode.objects.get(code="NJ-03").pk, "what": "积水", "where": "荷花苑",
            "when": "2026-11-28T10:00", "urgency": "urgent", "token": str(uuid.uuid4())}
    won, _refused = press_all(clients_of(world["branch"]), reverse("field:whistle_new"), data)
    assert Whistle.objects.count() == 1
    assert won == [302] * PRESSES


def test_two_quick_posts_of_a_new_household_save_one_and_answer_the_other_with_the_form(world):
    from grid.models import Household

    data = {"micro_grid": GridNode.objects.get(code="NJ-03-02").pk, "building": "5", "unit_number": "2",
            "room": "301", "people": 2, "contact_name": "周建国"}
    won, _refused = press_all(clients_of(world["worker"]), reverse("field:household_new"), data)
    # No 500: one saved (302), every other press re-renders the form with "already registered" (200).
    assert Household.objects.count() == 1
    assert sorted(won) == [200] * (PRESSES - 1) + [302]
