"""Finding one's place by compound and building (requests/public/places.py), on /wish/ and the recording form."""

import re

import pytest

from grid.households.models import Household
from requests.public import places
from tests.factories import make_grid_worker
from tests.requests.public_helpers import community, micro

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    category, unit = community()
    for code, compound, building in [("NJ-01-01", "栋川花园", "3"), ("NJ-01-02", "栋川花园", "13"),
                                     ("NJ-02-01", "文化路小区", "3")]:
        Household.objects.create(micro_grid=micro(code), compound=compound, building=building, unit_number="1",
                                 room="101", contact_name="李秀英", contact_phone="13812345678")
    node = micro("NJ-02-02")
    node.description = "阳光新城5幢、17幢"
    node.save()
    return category


def codes(text, **kwargs):
    return [place.code for place in places.find(text, **kwargs)[0]]


def test_a_compound_and_building_find_the_micro_grid_of_its_households(setup):
    assert codes("栋川花园 3幢") == ["NJ-01-01"]


def test_a_building_number_does_not_match_a_longer_one(setup):
    assert "NJ-01-02" not in codes("栋川 3")


def test_part_of_a_compounds_name_finds_every_building_of_it(setup):
    assert codes("栋川") == ["NJ-01-01", "NJ-01-02"]


def test_full_width_digits_count(setup):
    assert codes("文化路 ３栋") == ["NJ-02-01"]


def test_a_micro_grids_description_is_searched_too(setup):
    assert codes("阳光新城 17幢") == ["NJ-02-02"]


def test_the_label_names_compound_building_and_micro_grid(setup):
    assert [place.label for place in places.find("栋川花园 3幢")[0]] == ["栋川花园 3幢 → 第1网格第1微网格"]


def test_a_search_of_nothing_but_spaces_finds_nothing(setup):
    assert places.find("   ") == ([], False)


def test_more_places_than_shown_are_said(setup, monkeypatch):
    monkeypatch.setattr(places, "MAX_PLACES", 1)
    assert places.find("栋川")[1] is True


def test_the_search_takes_two_queries_whatever_the_number_of_households(setup, django_assert_num_queries):
    Household.objects.bulk_create([Household(micro_grid=micro("NJ-01-01"), compound="栋川花园", building="3",
                                             unit_number="2", room=str(room), contact_name=f"住户{room}",
                                             contact_phone="13812345678") for room in range(200, 260)])
    with django_assert_num_queries(3):  # the community root, the micro-grids, the households' places
        places.find("栋川花园 3幢")


def test_the_wish_form_offers_only_the_places_found(client, setup):
    page = client.get("/wish/", {"place": "栋川花园"}).content.decode()
    assert page.count('type="radio" name="micro_grid"') == 2
    assert "栋川花园 13幢 → 第1网格第2微网格" in page


def test_a_single_place_found_is_chosen_already(client, setup):
    page = client.get("/wish/", {"place": "文化路 3"}).content.decode()
    assert 'value="NJ-02-01" class="place-choice" required id="id_micro_grid_0" checked' in page


def test_a_search_that_finds_nothing_says_so_and_keeps_the_whole_list(client, setup):
    page = client.get("/wish/", {"place": "不存在小区"}).content.decode()
    assert 'id="places-found"' in page
    assert 'value="NJ-02-02"' in page


def test_the_place_search_never_shows_a_households_room_or_contact(client, setup):
    page = client.get("/wish/", {"place": "栋川花园"}).content.decode()
    # The hidden inputs carry random keys (the CSRF token, the submission's UUID) that may hold "101" by chance.
    shown = re.sub(r'<input type="hidden"[^>]*>', "", page)
    assert "李秀英" not in shown
    assert "101" not in shown


def test_a_wish_posted_after_a_search_is_saved_at_the_place_chosen(client, setup):
    from requests.models import Request
    from tests.requests.public_helpers import wish_post

    response = client.post("/wish/?place=栋川花园", wish_post(setup, code="NJ-01-02"))
    assert response.status_code == 302
    assert Request.objects.get().micro_grid.code == "NJ-01-02"


def test_a_wish_with_an_error_after_a_search_still_offers_the_places_found(client, setup):
    from tests.requests.public_helpers import wish_post

    page = client.post("/wish/?place=栋川花园", wish_post(setup, text="")).content.decode()
    assert page.count('type="radio" name="micro_grid"') == 2


def test_the_recording_form_narrows_to_the_places_found_in_the_workers_area(client, setup):
    client.force_login(make_grid_worker("NJ-02"))
    page = client.get("/requests/new/", {"place": "3幢"}).content.decode()
    assert "文化路小区 3幢 → 第2网格第1微网格" in page
    assert "栋川花园 3幢 →" not in page


def test_a_grids_own_name_finds_its_micro_grids_and_no_building_of_that_number(setup):
    for node in (micro("NJ-01-01"), micro("NJ-01-02")):
        node.description = "栋川花园1幢"
        node.save()
    assert codes("第1网格") == ["NJ-01-01", "NJ-01-02"]


def test_a_micro_grids_name_with_spaces_finds_it_without_a_description(setup):
    assert codes("第 2 网格第 2 微网格") == ["NJ-02-02"]
    assert codes("第2网格第1微网格") == ["NJ-02-01"]


def _wish_page_queries(client, django_assert_max_num_queries, households, first):
    Household.objects.bulk_create([Household(micro_grid=micro("NJ-01-01"), compound="栋川花园", building=str(b),
                                             unit_number="1", room="101", contact_name=f"住户{b}",
                                             contact_phone="13812345678") for b in range(first, first + households)])
    with django_assert_max_num_queries(8) as counted:
        client.get("/wish/", {"place": "栋川花园"})
    return len(counted.captured_queries)


def test_the_wish_page_with_places_found_costs_the_same_queries_at_two_sizes(client, setup,
                                                                              django_assert_max_num_queries):
    few = _wish_page_queries(client, django_assert_max_num_queries, 2, first=100)
    many = _wish_page_queries(client, django_assert_max_num_queries, 40, first=200)
    assert few == many
