"""A used submission key with other content is not a repeat: refused, a fresh key, what was typed kept.

The back button on a shared phone restores the page an earlier resident sent; sent again with a neighbour's
wish, it must not open the earlier resident's tracking page (nanjie/once.py, issue 17 hole 8)."""

import re
import uuid

import pytest
from django.core.exceptions import ValidationError

from nanjie import once
from requests.models import Request
from tests.requests.public_helpers import community, order, wish_post

pytestmark = pytest.mark.django_db
URL = "/wish/"
FIRST, SECOND = "3号楼门口的路灯坏了", "5号楼的下水道堵了"


@pytest.fixture
def category():
    return community()[0]


def _submission(page):
    return re.search(r'name="submission" value="([^"]*)"', page).group(1)


def test_a_used_key_with_other_words_does_not_open_the_earlier_tracking_page(client, category):
    key = str(uuid.uuid4())
    first = client.post(URL, wish_post(category, text=FIRST, submission=key))
    second = client.post(URL, wish_post(category, text=SECOND, submission=key))
    assert (first.status_code, second.status_code) == (302, 200)


def test_the_refusal_says_why_and_keeps_what_was_typed(client, category):
    key = str(uuid.uuid4())
    client.post(URL, wish_post(category, text=FIRST, submission=key))
    page = client.post(URL, wish_post(category, text=SECOND, submission=key)).content.decode()
    assert SECOND in page
    assert "已经用来提交过别的内容" in page


def test_the_refused_page_carries_a_fresh_key_that_sends_the_wish(client, category):
    key = str(uuid.uuid4())
    client.post(URL, wish_post(category, text=FIRST, submission=key))
    fresh = _submission(client.post(URL, wish_post(category, text=SECOND, submission=key)).content.decode())
    response = client.post(URL, wish_post(category, text=SECOND, submission=fresh))
    assert fresh != key
    assert response.status_code == 302
    assert Request.objects.filter(text=SECOND).exists()


def test_a_used_key_with_another_phone_is_refused(client, category):
    key = str(uuid.uuid4())
    client.post(URL, wish_post(category, text=FIRST, submission=key, resident_phone="13812345678"))
    response = client.post(URL, wish_post(category, text=FIRST, submission=key, resident_phone="13987654321"))
    assert response.status_code == 200
    assert Request.objects.count() == 1


def test_the_same_content_again_is_still_a_repeat(client, category):
    data = wish_post(category, text=FIRST)
    first, again = client.post(URL, data), client.post(URL, data)
    assert again["Location"] == first["Location"]
    assert Request.objects.count() == 1


def test_ordering_with_a_used_key_and_other_text_is_refused_with_a_code(category):
    key = uuid.uuid4()
    order(category, idempotency_key=key, text=FIRST)
    with pytest.raises(ValidationError) as refused:
        order(category, idempotency_key=key, text=SECOND)
    assert refused.value.code == "key_reused"


def test_save_once_compares_only_the_content_it_is_given(category):
    key = uuid.uuid4()
    first = order(category, idempotency_key=key, text=FIRST)
    assert once.save_once(Request, key, lambda: None, content={"text": FIRST}) == (first, False)
