"""The party member's request page: 办结 first, 退回 below it and folded."""

import pytest
from django.urls import reverse

from tests.requests.staff_world import S, bring_to, fast_passwords, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(client):
    w = world()
    wish = bring_to(w, S.ACCEPTED)
    client.force_login(w.nurse)
    return client.get(reverse("requests:detail", args=[wish.reference])).content.decode()


def test_close_comes_before_return(page):
    assert page.index("loop-action-close") < page.index("loop-action-return")


def test_return_is_folded_in_a_details_element(page):
    assert page.rindex("<details", 0, page.index("loop-action-return")) > page.index("loop-action-close")
