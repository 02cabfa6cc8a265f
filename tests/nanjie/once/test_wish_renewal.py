"""A missing or broken hidden submission key on /wish/: a fresh key, a clear message, nothing typed lost."""

import re
import uuid

import pytest

from requests.models import Request
from tests.requests.public_helpers import community, wish_post

pytestmark = pytest.mark.django_db
URL = "/wish/"
TEXT = "3号楼门口的路灯坏了"


@pytest.fixture
def category():
    return community()[0]


def _submission(page):
    return re.search(r'name="submission" value="([^"]*)"', page).group(1)


@pytest.mark.parametrize("bad", ["", "not-a-uuid", "<script>"])
def test_a_broken_key_is_replaced_by_a_fresh_one_and_nothing_is_saved(client, category, bad):
    page = client.post(URL, wish_post(category, text=TEXT, submission=bad)).content.decode()
    assert uuid.UUID(_submission(page))
    assert Request.objects.count() == 0


def test_a_missing_key_keeps_what_the_resident_typed_and_says_why(client, category):
    data = wish_post(category, text=TEXT, resident_name="李秀英")
    del data["submission"]
    page = client.post(URL, data).content.decode()
    assert TEXT in page
    assert 'value="李秀英"' in page
    assert "此页面已过期" in page


def test_sending_the_renewed_page_again_records_the_wish(client, category):
    page = client.post(URL, wish_post(category, text=TEXT, submission="broken")).content.decode()
    response = client.post(URL, wish_post(category, text=TEXT, submission=_submission(page)))
    assert response.status_code == 302
    assert Request.objects.get().text == TEXT


def test_a_valid_key_is_kept_when_another_field_is_wrong(client, category):
    key = str(uuid.uuid4())
    page = client.post(URL, wish_post(category, text="", submission=key)).content.decode()
    assert _submission(page) == key
    assert "此页面已过期" not in page
