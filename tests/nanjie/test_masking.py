"""Public pages never show a phone or a house number from a closure note: board, feed, tracking page, home.

The branch admin sees the note as the public will, on the request page, before publicising it.
"""

import pytest
from django.urls import reverse

from nanjie.masking import mask_note
from tests.requests.public_helpers import close, community, order, publicise
from tests.requests.staff_world import S, bring_to, fast_passwords, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
NOTE = "已上门更换3幢2单元401室门口的灯，南街12号也修好了，联系电话13900001111"
SECRETS = ["13900001111", "401室", "12号", "3幢", "2单元"]


@pytest.fixture
def setup():
    return community()


def _leaks(page):
    return [secret for secret in SECRETS if secret in page]


@pytest.mark.parametrize("text,expected", [
    ("联系电话13900001111", "联系电话139****1111"),
    ("电话 139-0000-1111", "电话 139****1111"),
    ("座机0878-5712345", "座机0878-****"),
    ("3幢2单元401室", "*幢*单元*室"),
    ("南街12号", "南街*号"),
    ("三幢二单元", "*幢*单元"),
    ("住在3-2-401", "住在*-*-*"),
    ("本地号码5712345", "本地号码****"),
])
def test_phones_and_house_numbers_are_masked(text, expected):
    assert mask_note(text) == expected


@pytest.mark.parametrize("text", ["已于7月12号上门", "2025-07-03已完成", "与NJ-2026-000123重复", "已更换楼道灯",
                                  "已更换1至6层楼道灯"])
def test_dates_references_and_plain_words_are_left_as_they_are(text):
    assert mask_note(text) == text


def test_the_board_masks_phones_and_house_numbers_in_the_closure_note(client, setup):
    publicise(order(setup[0]), setup[1], note=NOTE)
    page = client.get("/board/").content.decode()
    assert _leaks(page) == [] and "139****1111" in page


def test_the_home_page_masks_the_latest_closures_too(client, setup):
    publicise(order(setup[0]), setup[1], note=NOTE)
    assert _leaks(client.get("/").content.decode()) == []


def test_the_feed_masks_phones_and_house_numbers_in_the_closure_note(client, setup):
    publicise(order(setup[0]), setup[1], note=NOTE)
    body = client.get("/board/feed/").content.decode()
    assert _leaks(body) == [] and "139****1111" in body


def test_the_tracking_page_masks_phones_and_house_numbers_in_the_closure_note(client, setup):
    wish = close(order(setup[0]), setup[1], note=NOTE)
    page = client.get(f"/track/{wish.token}/").content.decode()
    assert _leaks(page) == [] and "139****1111" in page


def test_the_branch_admin_sees_the_masked_note_before_publicising(client):
    w = world()
    wish = bring_to(w, S.ACCEPTED)
    wish.close(NOTE, by=w.nurse)
    client.force_login(w.branch)
    response = client.get(reverse("requests:detail", args=[wish.reference]))
    assert response.context["public_note"] == mask_note(NOTE) and "*幢*单元*室" in response.content.decode()


def test_staff_who_cannot_publicise_get_no_public_preview(client):
    w = world()
    wish = bring_to(w, S.ACCEPTED)
    wish.close(NOTE, by=w.nurse)
    client.force_login(w.nurse)
    assert client.get(reverse("requests:detail", args=[wish.reference])).context["public_note"] == ""


def test_the_stored_note_is_kept_as_written_for_staff(client):
    w = world()
    wish = bring_to(w, S.ACCEPTED)
    wish.close(NOTE, by=w.nurse)
    client.force_login(w.nurse)
    assert NOTE in client.get(reverse("requests:detail", args=[wish.reference])).content.decode()
