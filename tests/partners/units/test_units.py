"""The public units page: kinds, duties, party-member counts, filters and pages; no phones for anonymous users."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partners.models import Unit
from tests.factories import make_category, make_unit, make_unit_member, make_user

URL = reverse("partners:units")


@pytest.fixture
def units(db):
    health, facilities = make_category(code="health", name="医疗健康"), make_category(code="fac", name="设施维修")
    hospital = make_unit(name="县人民医院党总支", duties=[health], contact_name="联系人甲",
                         contact_phone="13800001111")
    make_unit(name="栋川物业党支部", kind=Unit.Kind.NEW_ECONOMIC, duties=[facilities])
    make_unit_member(hospital)
    make_unit_member(hospital)
    return {"health": health, "facilities": facilities, "hospital": hospital}


def test_anyone_can_see_the_units_with_what_they_handle(client, units):
    body = client.get(URL).content.decode()
    assert "县人民医院党总支" in body
    assert "医疗健康" in body


def test_anonymous_visitors_see_no_phone_numbers(client, units):
    assert "13800001111" not in client.get(URL).content.decode()


def test_staff_see_the_units_contact_phone(client, units):
    client.force_login(make_user())
    assert "13800001111" in client.get(URL).content.decode()


def test_units_can_be_filtered_by_kind(client, units):
    body = client.get(URL, {"kind": "new_economic"}).content.decode()
    assert "栋川物业党支部" in body
    assert "县人民医院党总支" not in body


def test_units_can_be_filtered_by_duty(client, units):
    body = client.get(URL, {"duty": units["health"].pk}).content.decode()
    assert "县人民医院党总支" in body
    assert "栋川物业党支部" not in body


def test_a_unit_shows_its_party_member_count(client, units):
    assert client.get(URL).context["page"][0].party_member_count == 2


def test_units_are_paginated_by_twelve(client, units):
    for number in range(20):
        make_unit(name=f"单位{number:02d}")
    response = client.get(URL, {"page": 2})
    assert len(response.context["page"].object_list) == 10


def test_a_bad_filter_value_gives_a_message_not_an_error(client, units):
    response = client.get(URL, {"duty": "not-a-number", "page": "x"})
    assert response.status_code == 200
    assert "选择一个有效的选项" in response.content.decode()


def test_the_units_page_query_count_does_not_grow_with_units(client, units, django_assert_num_queries):
    with CaptureQueriesContext(connection) as small:
        client.get(URL)
    for number in range(8):
        make_unit(name=f"单位{number:02d}", duties=[units["health"], units["facilities"]])
    with django_assert_num_queries(len(small)):
        client.get(URL)
