"""QR posters for the micro-wish walls: one A4 page per micro-grid, the QR leading to /wish/?grid=<code>."""

import pytest

from tests.factories import make_grid_worker, make_unit, make_unit_member
from tests.requests.public_helpers import community

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker(client):
    community()
    user = make_grid_worker("NJ-01")
    client.force_login(user)
    return user


def test_a_poster_names_the_micro_grid_and_carries_its_wish_link_as_inline_svg(client, worker):
    page = client.get("/requests/poster/NJ-01-02/").content.decode()
    assert "第1网格第2微网格" in page
    assert "http://testserver/wish/?grid=NJ-01-02" in page
    assert "<svg" in page


def test_the_qr_code_encodes_the_absolute_wish_link(client, worker):
    import segno

    poster = client.get("/requests/poster/NJ-01-02/").context["posters"][0]
    expected = segno.make("http://testserver/wish/?grid=NJ-01-02", error="m")
    assert poster["qr"] == expected.svg_inline(scale=1, border=2, omitsize=True, title="第1网格第2微网格")


def test_a_grids_page_prints_every_micro_grid_poster(client, worker):
    posters = client.get("/requests/posters/NJ-01/").context["posters"]
    assert [p["node"].code for p in posters] == ["NJ-01-01", "NJ-01-02"]


def test_the_poster_index_lists_the_grids_the_worker_serves(client, worker):
    grids = client.get("/requests/posters/").context["grids"]
    assert [grid.code for grid in grids] == ["NJ-01"]


def test_another_grids_posters_are_404_for_a_worker(client, worker):
    assert client.get("/requests/posters/NJ-02/").status_code == 404
    assert client.get("/requests/poster/NJ-02-01/").status_code == 404


def test_posters_need_a_login(client):
    community()
    response = client.get("/requests/poster/NJ-01-02/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_party_member_without_recording_rights_gets_403(client):
    community()
    client.force_login(make_unit_member(make_unit()))
    assert client.get("/requests/poster/NJ-01-02/").status_code == 403


def test_a_grid_code_is_not_a_micro_grid_poster(client, worker):
    assert client.get("/requests/poster/NJ-01/").status_code == 404


def test_an_unknown_code_is_404(client, worker):
    assert client.get("/requests/poster/XX-1/").status_code == 404


def test_the_poster_page_has_no_inline_style_or_script(client, worker):
    import re

    page = client.get("/requests/posters/NJ-01/").content.decode()
    # A script file (base.html's menu.js) is allowed by the CSP; an inline script or style is not.
    assert "style=" not in page
    assert not re.search(r"<script(?![^>]*\bsrc=)", page)


def test_staff_who_can_print_posters_find_them_in_the_menu(client, worker):
    urls = [item["url"] for item in client.get("/").context["nav_items"]()]
    assert "/requests/posters/" in urls
