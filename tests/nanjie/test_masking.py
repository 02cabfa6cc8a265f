"""Public pages never show a phone or a house number from a closure note: board, feed, tracking page, home.

The board, feed and home page show the public summary, never the note; the tracking page shows the note only
when the personal-data check finds nothing in it. The branch admin sees what the check found, marked.
`personal_data.mask` is the second guard on display, tested here on the spellings the old masking knew.
"""

import pytest
from django.urls import reverse

from nanjie.personal_data import mask
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


@pytest.mark.parametrize("text,secret", [
    ("联系电话13900001111", "13900001111"),
    ("电话 139-0000-1111", "0000"),
    ("座机0878-5712345", "5712345"),
    ("3幢2单元401室", "401"),
    ("南街12号", "12号"),
    ("住在3-2-401", "401"),
    ("本地号码5712345", "5712345"),
])
def test_phones_and_house_numbers_are_masked(text, secret):
    assert secret not in mask(text)


@pytest.mark.parametrize("text", ["已于7月12号上门", "2025-07-03已完成", "与NJ-2026-000123重复", "已更换楼道灯",
                                  "已更换1至6层楼道灯"])
def test_dates_references_and_plain_words_are_left_as_they_are(text):
    assert mask(text) == text


SUMMARY = "已上门更换楼道灯"


def test_the_board_shows_the_public_summary_and_nothing_of_the_closure_note(client, setup):
    publicise(order(setup[0]), setup[1], note=NOTE, summary=SUMMARY)
    page = client.get("/board/").content.decode()
    assert _leaks(page) == []
    assert SUMMARY in page


def test_the_home_page_shows_the_public_summary_too(client, setup):
    publicise(order(setup[0]), setup[1], note=NOTE, summary=SUMMARY)
    page = client.get("/").content.decode()
    assert _leaks(page) == []
    assert SUMMARY in page


def test_the_feed_shows_the_public_summary_and_nothing_of_the_closure_note(client, setup):
    publicise(order(setup[0]), setup[1], note=NOTE, summary=SUMMARY)
    body = client.get("/board/feed/").content.decode()
    assert _leaks(body) == []
    assert SUMMARY in body


def test_the_tracking_page_withholds_a_closure_note_with_personal_data(client, setup):
    wish = close(order(setup[0]), setup[1], note=NOTE)
    page = client.get(f"/track/{wish.token}/").content.decode()
    assert _leaks(page) == []
    assert "139****1111" not in page
    assert "党总支审核后" in page


def test_the_branch_admin_sees_the_personal_data_of_the_note_marked_before_publicising(client):
    w = world()
    wish = bring_to(w, S.ACCEPTED)
    wish.close(NOTE, by=w.nurse)
    client.force_login(w.branch)
    response = client.get(reverse("requests:detail", args=[wish.reference]))
    marked = [piece.text for piece in response.context["note_pieces"] if piece.reason]
    assert marked == ["3幢2单元401室", "12号", "13900001111"]
    assert '<mark class="personal-data">13900001111</mark>' in response.content.decode()


def test_staff_who_cannot_publicise_get_no_marked_note(client):
    w = world()
    wish = bring_to(w, S.ACCEPTED)
    wish.close(NOTE, by=w.nurse)
    client.force_login(w.nurse)
    assert "note_pieces" not in client.get(reverse("requests:detail", args=[wish.reference])).context


def test_the_stored_note_is_kept_as_written_for_staff(client):
    w = world()
    wish = bring_to(w, S.ACCEPTED)
    wish.close(NOTE, by=w.nurse)
    client.force_login(w.nurse)
    assert NOTE in client.get(reverse("requests:detail", args=[wish.reference])).content.decode()
