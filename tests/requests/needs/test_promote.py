"""Promoting several similar requests to one need: the need counts the residents who asked, the links live in the
requests app, the need's page lists them through the section requests registers, and nothing half-saves."""

import pytest
from django.urls import reverse

from grid.models import GridNode
from partners.models import Need
from requests.models import NeedLink
from tests.requests.staff_world import order, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return world()


def promote(client, user, wishes, **fields):
    client.force_login(user)
    data = {"chosen": [wish.pk for wish in wishes], "need-title": "老人上门量血压", "need-category": fields.pop(
        "category").pk, "need-grid": GridNode.objects.get(code="NJ-01").pk, "need-urgency": "normal",
        "need-quantity": 1, **fields}
    return client.post(reverse("requests:promote"), data)


def test_three_similar_wishes_make_one_need_counting_three_residents(w, client):
    wishes = [order(w) for _ in range(3)]
    promote(client, w.worker1, wishes, category=w.category)
    need = Need.objects.get()
    assert (need.asked_count, NeedLink.objects.filter(need=need).count()) == (3, 3)


def test_after_promoting_the_worker_lands_on_the_needs_page(w, client):
    response = promote(client, w.worker1, [order(w), order(w)], category=w.category)
    assert response["Location"] == reverse("partners:need", args=[Need.objects.get().pk])


def test_the_needs_page_lists_the_requests_it_came_from(w, client):
    wishes = [order(w), order(w)]
    promote(client, w.worker1, wishes, category=w.category)
    body = client.get(reverse("partners:need", args=[Need.objects.get().pk])).content.decode()
    assert all(wish.reference in body for wish in wishes)
    assert "张三丰" not in body


def test_a_request_outside_the_workers_grid_is_refused_and_nothing_is_saved(w, client):
    response = promote(client, w.worker1, [order(w), order(w, code="NJ-02-01")], category=w.category)
    assert response.status_code == 400
    assert not Need.objects.exists()


def test_a_need_with_personal_data_is_refused_and_no_link_is_left(w, client):
    response = promote(client, w.worker1, [order(w)], category=w.category, **{"need-title": "张三丰家门口"})
    assert response.status_code == 400
    assert (Need.objects.count(), NeedLink.objects.count()) == (0, 0)


def test_promoting_nothing_is_a_message(w, client):
    response = promote(client, w.worker1, [], category=w.category)
    assert response.status_code == 400
    assert "至少" in response.content.decode()


def test_a_unit_member_may_not_promote(w, client):
    client.force_login(w.nurse)
    assert client.get(reverse("requests:promote")).status_code == 403


def test_the_page_preselects_the_wishes_common_micro_grid(w, client):
    wishes = [order(w), order(w)]
    client.force_login(w.worker1)
    response = client.get(reverse("requests:promote"), {"chosen": [wish.pk for wish in wishes]})
    assert response.context["form"]["grid"].value() == GridNode.objects.get(code="NJ-01-01").pk
