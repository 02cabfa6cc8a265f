"""The record form offers each role its own channels: a grid worker a visit or a wish wall, the on-duty
chairman the chairman or a wish wall."""

import uuid

import pytest
from django.urls import reverse

from grid.models import GridNode, Household
from requests.models import Request
from tests.factories import make_grid_worker
from tests.requests.staff_world import fast_passwords, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
URL = reverse("requests:record")


@pytest.fixture
def w():
    return world()


def _choices(client, user, url=URL):
    client.force_login(user)
    form = client.get(url).context["form"]
    return [value for value, _label in form.fields["channel"].choices], form.initial["channel"]


def _post(client, user, w, channel):
    client.force_login(user)
    return client.post(URL, {
        "category": w.category.pk, "text": "需要上门量血压", "channel": channel,
        "micro_grid": GridNode.objects.get(code="NJ-01-01").pk, "resident_name": "", "resident_phone": "",
        "idempotency_key": str(uuid.uuid4())})


def test_a_grid_worker_is_offered_a_visit_or_a_wish_wall(w, client):
    assert _choices(client, w.worker1) == (["grid_visit", "wish_wall"], "grid_visit")


def test_the_chairman_is_offered_the_chairman_or_a_wish_wall(w, client):
    assert _choices(client, w.chairman) == (["chairman", "wish_wall"], "chairman")


def test_the_branch_admin_with_neither_role_may_choose_any_offline_channel(w, client):
    assert _choices(client, w.branch) == (["chairman", "grid_visit", "wish_wall"], "chairman")


def test_a_chairman_opening_the_form_from_a_household_keeps_the_chairman_channel(w, client):
    household = Household.objects.create(micro_grid=GridNode.objects.get(code="NJ-01-01"), building="3",
                                         room="201", contact_name="李大妈", contact_phone="13900001111")
    assert _choices(client, w.chairman, f"{URL}?household={household.pk}")[1] == "chairman"


def test_a_worker_who_also_sits_on_the_joint_meeting_gets_both(w, client):
    from django.contrib.auth.models import Group

    user = make_grid_worker("NJ-01")
    user.groups.add(Group.objects.get(name="joint_meeting"))
    assert _choices(client, user)[0] == ["chairman", "grid_visit", "wish_wall"]


def test_a_grid_worker_cannot_record_as_the_chairman(w, client):
    response = _post(client, w.worker1, w, "chairman")
    assert (bool(response.context["form"].errors["channel"]), Request.objects.count()) == (True, 0)


def test_the_chairman_cannot_record_a_grid_visit(w, client):
    response = _post(client, w.chairman, w, "grid_visit")
    assert "请从列表中选择来源渠道。" in response.content.decode()
    assert Request.objects.count() == 0


def test_a_grid_worker_records_from_a_wish_wall(w, client):
    _post(client, w.worker1, w, "wish_wall")
    assert Request.objects.get().channel == "wish_wall"
