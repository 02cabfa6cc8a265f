"""Posters print in Chinese whatever the staff member's language, with the QR leading to the public address."""

import pytest
import segno
from django.conf import settings as django_settings

from tests.factories import make_grid_worker
from tests.requests.public_helpers import community

pytestmark = pytest.mark.django_db
POSTER = "/requests/poster/NJ-01-02/"


@pytest.fixture
def worker(client):
    community()
    user = make_grid_worker("NJ-01")
    client.force_login(user)
    return user


def _in_english(client):
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"


def test_the_portal_itself_follows_the_english_choice(client, worker):
    _in_english(client)
    assert "Workbench" in client.get("/requests/").content.decode()


@pytest.mark.parametrize("path", [POSTER, "/requests/posters/NJ-01/", "/requests/posters/"])
def test_posters_are_chinese_for_a_member_who_reads_the_portal_in_english(client, worker, path):
    _in_english(client)
    page = client.get(path).content.decode()
    assert "微心愿" in page
    assert "Micro-wish wall" not in page
    assert "Scan with your phone" not in page


def test_the_qr_uses_the_configured_public_address(client, worker, settings):
    settings.NANJIE_PUBLIC_URL = "https://nanjie.example.cn/"
    poster = client.get(POSTER).context["posters"][0]
    expected = segno.make("https://nanjie.example.cn/wish/?grid=NJ-01-02", error="m")
    assert (poster["url"], poster["qr"]) == (
        "https://nanjie.example.cn/wish/?grid=NJ-01-02",
        expected.svg_inline(scale=1, border=2, omitsize=True, title="第1网格第2微网格"))


def test_without_a_public_address_the_qr_uses_the_requests_host(client, worker, settings):
    settings.NANJIE_PUBLIC_URL = ""
    assert client.get(POSTER).context["posters"][0]["url"] == "http://testserver/wish/?grid=NJ-01-02"


def test_another_grids_poster_is_still_404_in_chinese(client, worker):
    assert client.get("/requests/poster/NJ-02-01/").status_code == 404
