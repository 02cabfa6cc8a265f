"""The visit form's quick picks: ticks per 走/看/问/听 written into the note, labels without repeated help text."""

import uuid

import pytest
from django.urls import reverse

from grid.models import Visit


@pytest.fixture
def form_url(household):
    return reverse("field:visit_new", args=[household.pk])


def _post(client, url, **data):
    return client.post(url, {"visited_on": "2026-12-01", "token": str(uuid.uuid4()), **data})


def test_the_form_offers_ticks_beside_each_of_the_four_notes(client3, form_url):
    fields = client3.get(form_url).context["form"].fields
    assert all(f"{name}_picks" in fields for name in ("walked", "looked", "asked", "listened"))


def test_the_labels_carry_no_repeated_help_text(client3, form_url):
    page = client3.get(form_url).content.decode()
    assert "走楼道、走周边" not in page


def test_a_tick_alone_saves_a_visit_with_its_words(client3, form_url):
    _post(client3, form_url, walked_picks=["0"])
    assert Visit.objects.get().walked == "楼道整洁。"


def test_ticks_come_before_the_typed_words(client3, form_url):
    _post(client3, form_url, looked_picks=["1", "3"], looked="电线老化")
    assert Visit.objects.get().looked == "发现安全隐患、生活困难。电线老化"


def test_a_choice_not_in_the_list_is_refused_with_a_message(client3, form_url):
    response = _post(client3, form_url, asked_picks=["9"], asked="问候")
    assert not Visit.objects.exists()
    assert "请只勾选列表中的选项" in response.content.decode()
