"""Each feed item links to its notice's permalink on the board (/board/?ref=…#…), which works on any page."""

import pytest
from django.urls import reverse

from requests.public.feeds import BoardFeed
from requests.public.views import BOARD_PAGE_SIZE
from tests.requests.public_helpers import community, order, publicise

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    return community()


def _notices(setup, count):
    return [publicise(order(setup[0]), setup[1]) for _ in range(count)]


def test_a_feed_item_links_to_its_notices_permalink(setup):
    notice = _notices(setup, 1)[0]
    assert BoardFeed().item_link(notice) == f"/board/?ref={notice.reference}#{notice.reference}"


def test_the_permalink_of_a_notice_beyond_the_first_page_shows_it(client, setup):
    oldest = _notices(setup, BOARD_PAGE_SIZE + 1)[0]
    assert oldest not in client.get("/board/").context["page"].object_list
    page = client.get(BoardFeed().item_link(oldest).split("#")[0]).context["page"]
    assert [notice.pk for notice in page] == [oldest.pk]


def test_the_feed_carries_the_permalinks(client, setup):
    notice = _notices(setup, 1)[0]
    body = client.get("/board/feed/").content.decode()
    assert f"http://testserver/board/?ref={notice.reference}#{notice.reference}" in body


def test_the_anchor_of_the_permalink_is_on_the_page(client, setup):
    notice = _notices(setup, 1)[0]
    page = client.get("/board/", {"ref": notice.reference}).content.decode()
    assert f'id="{notice.reference}"' in page
    assert reverse("requests:board") in page


def test_the_permalink_of_a_request_not_yet_publicised_shows_nothing(client, setup):
    wish = order(setup[0], text="还没办完的事")
    response = client.get("/board/", {"ref": wish.reference})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 0


def test_a_made_up_permalink_is_an_empty_page_not_an_error(client, setup):
    _notices(setup, 1)
    response = client.get("/board/", {"ref": "<script>" * 10})
    assert response.status_code == 200
    assert b"<script><script>" not in response.content


def test_the_board_address_itself_is_unchanged(setup):
    assert reverse("requests:board") == "/board/"
