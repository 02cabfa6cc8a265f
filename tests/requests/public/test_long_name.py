"""An over-long resident's name gets our own Chinese message, on the wish form and on the staff record form."""

import uuid

import pytest
from django.urls import reverse

from grid.models import GridNode
from requests.models import Request
from tests.requests.public_helpers import wish_post
from tests.requests.staff_world import fast_passwords, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
MESSAGE = "姓名最多50个字（您填了51个）。"


@pytest.fixture
def w():
    return world()


def _record(client, user, w, name):
    client.force_login(user)
    return client.post(reverse("requests:record"), {
        "category": w.category.pk, "text": "需要上门量血压", "channel": "chairman",
        "micro_grid": GridNode.objects.get(code="NJ-01-01").pk, "resident_name": name, "resident_phone": "",
        "idempotency_key": str(uuid.uuid4())})


def test_the_wish_form_says_how_long_a_name_may_be(client, w):
    response = client.post("/wish/", wish_post(w.category, resident_name="张" * 51))
    assert response.context["form"].errors["resident_name"] == [MESSAGE]
    assert not Request.objects.exists()


def test_the_wish_form_keeps_the_text_when_the_name_is_too_long(client, w):
    response = client.post("/wish/", wish_post(w.category, text="门口路灯坏了", resident_name="张" * 51))
    assert "门口路灯坏了" in response.content.decode()


def test_a_fifty_character_name_is_taken(client, w):
    client.post("/wish/", wish_post(w.category, resident_name="张" * 50))
    assert Request.objects.get().resident_name == "张" * 50


def test_the_record_form_says_how_long_a_name_may_be(client, w):
    response = _record(client, w.chairman, w, "王" * 51)
    assert response.context["form"].errors["resident_name"] == [MESSAGE]
    assert not Request.objects.exists()
