"""/board/ and /board/feed/: the public closure notices, masked, filtered, paginated, in constant queries."""

import pytest
from django.urls import reverse

from tests.factories import make_category
from tests.requests.public_helpers import community, order, publicise

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    return community()


def notice(category, unit, code="NJ-01-01", **fields):
    fields.setdefault("resident_name", "李秀英")
    fields.setdefault("resident_phone", "13812345678")
    fields.setdefault("text", "3栋2单元501室门口楼道灯坏了")
    return publicise(order(category, code=code, **fields), unit)


def test_the_board_address_is_stable():
    assert (reverse("requests:board"), reverse("requests:board_feed")) == ("/board/", "/board/feed/")


def test_the_board_shows_category_place_unit_and_what_was_done(client, setup):
    notice(*setup)
    page = client.get("/board/").content.decode()
    assert all(text in page for text in ["环境卫生", "第1网格第1微网格", "县人民医院", "已更换楼道灯"])


def test_the_board_masks_the_name_and_never_shows_phone_or_room(client, setup):
    notice(*setup)
    page = client.get("/board/").content.decode()
    assert "李**" in page
    assert "李秀英" not in page
    assert "13812345678" not in page
    assert "501" not in page


def test_requests_not_yet_publicised_are_not_on_the_board(client, setup):
    order(setup[0], text="还没办完的事")
    assert client.get("/board/").context["page"].paginator.count == 0


def test_filtering_by_grid_includes_its_micro_grids_only(client, setup):
    notice(*setup, code="NJ-01-02")
    notice(*setup, code="NJ-02-01")
    page = client.get("/board/", {"grid": "NJ-01"}).context["page"]
    assert [n.micro_grid.code for n in page] == ["NJ-01-02"]


def test_filtering_by_category(client, setup):
    other = make_category(code="law", name="法律咨询")
    notice(*setup)
    notice(other, setup[1])
    page = client.get("/board/", {"category": "law"}).context["page"]
    assert [n.category.code for n in page] == ["law"]


def test_an_unknown_filter_value_shows_an_empty_valid_page_not_an_error(client, setup):
    notice(*setup)
    assert client.get("/board/", {"grid": "<script>"}).status_code == 200


def test_the_board_is_paginated_by_twenty(client, setup):
    for _ in range(21):
        notice(*setup)
    response = client.get("/board/", {"page": 2})
    assert len(response.context["page"].object_list) == 1


def test_script_in_the_closure_note_is_escaped(client, setup):
    publicise(order(setup[0]), setup[1], note="<script>alert(1)</script>")
    page = client.get("/board/").content
    assert b"<script>alert(1)" not in page
    assert b"&lt;script&gt;" in page


@pytest.mark.parametrize("rows", [2, 12])
def test_the_board_takes_the_same_number_of_queries_at_any_size(client, setup, rows, django_assert_num_queries):
    for _ in range(rows):
        notice(*setup)
    # the served community's root (publicised()), count, page rows, the community's root, its grid choices,
    # category choices
    with django_assert_num_queries(6):
        client.get("/board/")


def test_the_feed_is_atom_with_masked_names_and_no_phone_or_room(client, setup):
    notice(*setup)
    response = client.get("/board/feed/")
    body = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "李**" in body
    assert "李秀英" not in body
    assert "13812345678" not in body
    assert "501" not in body


def test_the_feed_escapes_script_in_the_closure_note(client, setup):
    publicise(order(setup[0]), setup[1], note="<script>alert(1)</script>")
    body = client.get("/board/feed/").content.decode()
    # Escaped once for HTML inside the summary, then again for XML.
    assert "&amp;lt;script&amp;gt;" in body
    assert "&lt;script&gt;" not in body


@pytest.mark.parametrize("rows", [2, 12])
def test_the_feed_takes_the_same_number_of_queries_at_any_size(client, setup, rows, django_assert_num_queries):
    for _ in range(rows):
        notice(*setup)
    with django_assert_num_queries(2):  # the served community's root, the notices
        client.get("/board/feed/")
