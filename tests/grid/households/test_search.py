"""Household search understands the addresses the app displays: 幢/栋/号楼, 单元, 室/号, and the compound."""

import pytest
from django.urls import reverse

from tests.grid.factories import make_household

AS_DISPLAYED = ["栋川花园1幢1单元101室", "1幢1单元101室", "1幢101", "1栋101室", "栋川花园1幢", "1号楼1单元101号",
                "栋川花园 1-1-101", "１幢１０１", "栋川花园1幢101 王"]


@pytest.fixture
def home(tree):
    return make_household("NJ-03-01", compound="栋川花园", building="1", unit_number="1", room="101",
                          contact_name="王秀兰")


def listed(client, q):
    return [household.pk for household in client.get(reverse("field:households"), {"q": q}).context["page"]]


def found_for_a_visit(client, q):
    return [household.pk for household in client.get(reverse("field:visit_start"), {"q": q}).context["results"]]


@pytest.mark.parametrize("q", AS_DISPLAYED)
def test_the_household_list_finds_an_address_as_the_app_writes_it(client3, home, q):
    assert listed(client3, q) == [home.pk]


@pytest.mark.parametrize("q", AS_DISPLAYED)
def test_the_visit_search_finds_an_address_as_the_app_writes_it(client3, home, q):
    assert found_for_a_visit(client3, q) == [home.pk]


def test_the_displayed_address_finds_its_own_household(client3, home):
    assert listed(client3, home.address) == [home.pk]


@pytest.mark.parametrize("q", ["1幢102", "2幢101室", "1幢2单元101室", "南街小区1幢", "1单元102"])
def test_a_marker_pins_the_number_to_its_field(client3, home, q):
    assert listed(client3, q) == []


def test_the_compound_name_is_not_read_as_a_building_marker(client3, home):
    other = make_household("NJ-03-01", compound="荷花苑", building="1", unit_number="1", room="101")
    assert listed(client3, "栋川花园1幢") == [home.pk]
    assert other.pk in listed(client3, "荷花苑1幢")


def test_the_same_address_in_another_grid_is_not_found(client3, home):
    make_household("NJ-04-01", compound="栋川花园", building="1", unit_number="1", room="101")
    assert listed(client3, "栋川花园1幢1单元101室") == [home.pk]


def test_the_search_compares_numbers_for_equality(home):
    from grid.households.filters import address_query
    from grid.models import Household

    sql = str(Household.objects.filter(address_query("1幢1单元101室")).query)
    assert "LIKE" not in sql.upper()
