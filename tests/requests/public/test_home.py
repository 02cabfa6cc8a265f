"""/: the home page residents land on: the on-duty chairman, the latest closures, the two big buttons."""

import pytest

from tests.factories import make_chairman
from tests.requests.public_helpers import community, order, publicise

pytestmark = pytest.mark.django_db


def test_the_home_page_names_this_months_on_duty_chairman(client):
    chairman = make_chairman()
    assert chairman.person.name in client.get("/").content.decode()


def test_the_home_page_works_without_a_chairman_on_the_rota(client):
    assert client.get("/").status_code == 200


def test_the_home_page_links_to_the_wish_form_and_the_board(client):
    page = client.get("/").content.decode()
    assert 'href="/wish/"' in page
    assert 'href="/board/"' in page


def test_the_latest_closures_are_shown_with_masked_names(client):
    category, unit = community()
    publicise(order(category, resident_name="赵桂兰", resident_phone="13812345678"), unit)
    page = client.get("/").content.decode()
    assert "赵**" in page
    assert "赵桂兰" not in page
    assert "13812345678" not in page


def test_the_home_page_shows_at_most_five_closures(client):
    category, unit = community()
    for _ in range(7):
        publicise(order(category), unit)
    assert len(client.get("/").context["closures"]) == 5


@pytest.mark.parametrize("rows", [1, 8])
def test_the_home_page_takes_the_same_number_of_queries_at_any_size(client, rows, django_assert_num_queries):
    category, unit = community()
    for _ in range(rows):
        publicise(order(category), unit)
    with django_assert_num_queries(3):  # + the served community's root (its notices only)
        client.get("/")


def test_the_public_menu_has_home_wish_and_board(client):
    labels = [item["url"] for item in client.get("/").context["nav_items"]()]
    assert labels[:3] == ["/", "/wish/", "/board/"]
