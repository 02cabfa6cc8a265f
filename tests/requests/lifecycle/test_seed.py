"""The requests seed: a year of requests in every state and side path, made through the model methods."""

import random

import pytest

from nanjie.roles import ensure_groups
from nanjie.seeding import NameBook
from requests.lifecycle import seed
from requests.models import Request, Transition
from tests.requests.staff_world import S, fast_passwords, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(monkeypatch):
    monkeypatch.setattr(seed, "COUNT", 160)
    world()
    context = {"names": NameBook(random.Random("n")), "groups": ensure_groups(), "password": None, "logins": []}
    seed.run(random.Random("nanjie-requests.seed"), lambda line: None, context)
    return context


def test_every_state_is_seeded(seeded):
    assert set(Request.objects.values_list("state", flat=True)) == set(S.values)


def test_returned_reopened_and_overdue_requests_are_seeded(seeded):
    returned = Transition.objects.filter(new_state=S.ORDERED).exclude(old_state="").exists()
    reopened = Transition.objects.filter(old_state__in=[S.CLOSED, S.PUBLICISED], new_state=S.ACCEPTED).exists()
    assert (returned, reopened, Request.objects.overdue().exists()) == (True, True, True)


def test_each_request_state_is_where_its_transitions_lead(seeded):
    last = {t.request_id: t.new_state for t in Transition.objects.order_by("at", "pk")}
    assert all(last[pk] == state for pk, state in Request.objects.values_list("pk", "state"))


def test_timestamps_are_back_dated_over_the_year(seeded):
    from django.utils import timezone

    oldest = Request.objects.order_by("ordered_at").first().ordered_at
    assert (timezone.now() - oldest).days > 200


def test_a_second_run_changes_nothing(seeded):
    before = (Request.objects.count(), Transition.objects.count())
    seed.run(random.Random("nanjie-requests.seed"), lambda line: None, seeded)
    assert (Request.objects.count(), Transition.objects.count()) == before
