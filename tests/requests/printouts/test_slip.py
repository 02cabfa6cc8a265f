"""The printable slip for a resident whose request staff recorded: reference, tracking address, QR, in Chinese."""

import uuid

import pytest
import segno
from django.conf import settings as django_settings
from django.urls import reverse

from grid.models import GridNode
from tests.requests.staff_world import S, bring_to, fast_passwords, order, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return world()


def _recorded(w, client, code="NJ-01-01"):
    """A request the grid worker of NJ-01 records for a resident, through the record form."""
    client.force_login(w.worker1)
    client.post(reverse("requests:record"), {
        "category": w.category.pk, "text": "家中老人需要上门量血压", "channel": "grid_visit",
        "micro_grid": GridNode.objects.get(code=code).pk, "resident_name": "王奶奶", "resident_phone": "",
        "idempotency_key": str(uuid.uuid4())})
    from requests.models import Request

    return Request.objects.get()


def _slip(client, wish):
    return client.get(reverse("requests:slip", args=[wish.reference]))


def test_the_slip_shows_the_reference_tracking_address_and_its_qr_code(w, client):
    wish = _recorded(w, client)
    response = _slip(client, wish)
    url = f"http://testserver/track/{wish.token}/"
    expected = segno.make(url, error="m").svg_inline(scale=1, border=2, omitsize=True, title=wish.reference)
    assert (response.status_code, response.context["track_url"], response.context["qr"]) == (200, url, expected)
    assert wish.reference in response.content.decode()


def test_the_request_page_links_to_the_slip(w, client):
    wish = _recorded(w, client)
    page = client.get(reverse("requests:detail", args=[wish.reference])).content.decode()
    assert reverse("requests:slip", args=[wish.reference]) in page


def test_the_slip_is_chinese_for_a_worker_who_reads_the_portal_in_english(w, client):
    wish = _recorded(w, client)
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    page = _slip(client, wish).content.decode()
    assert "微心愿回执" in page
    assert "receipt" not in page


def test_the_slip_uses_the_configured_public_address(w, client, settings):
    settings.NANJIE_PUBLIC_URL = "https://nanjie.example.cn"
    wish = _recorded(w, client)
    assert _slip(client, wish).context["track_url"] == f"https://nanjie.example.cn/track/{wish.token}/"


@pytest.mark.parametrize("outsider", ["worker2", "builder"])
def test_the_slip_is_404_without_the_token_for_staff_who_cannot_see_the_request(w, client, outsider):
    wish = _recorded(w, client)
    client.force_login(getattr(w, outsider))
    response = _slip(client, wish)
    assert response.status_code == 404
    assert wish.token not in response.content.decode()


def test_the_slip_needs_a_login(w, client):
    wish = order(w)
    response = _slip(client, wish)
    assert response.status_code == 302
    assert wish.token not in response["Location"]


def test_the_unit_the_request_was_dispatched_to_may_not_print_it(w, client):
    """The slip carries the resident's token: with it a unit could rate itself (issue 17)."""
    wish = bring_to(w, S.DISPATCHED)
    client.force_login(w.nurse)
    assert _slip(client, wish).status_code == 403


def test_the_slip_is_get_only(w, client):
    wish = _recorded(w, client)
    assert client.post(reverse("requests:slip", args=[wish.reference])).status_code == 405


def test_the_slip_has_no_inline_style_or_script(w, client):
    import re

    page = _slip(client, _recorded(w, client)).content.decode()
    assert "style=" not in page
    assert not re.search(r"<script(?![^>]*\bsrc=)", page)
