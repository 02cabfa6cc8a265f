"""Django admin shows requests and their history, and changes no state."""

import pytest
from django.urls import reverse

from tests.factories import make_user
from tests.requests.staff_world import S, bring_to, fast_passwords, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return world()


def test_the_branch_admin_reads_the_request_list(w, client):
    wish = bring_to(w, S.CLOSED)
    client.force_login(w.branch)
    assert wish.reference in client.get(reverse("admin:requests_request_changelist")).content.decode()


def test_the_change_page_is_read_only_with_the_transitions_inline(w, client):
    wish = bring_to(w, S.CLOSED)
    client.force_login(w.branch)
    page = client.get(reverse("admin:requests_request_change", args=[wish.pk])).content.decode()
    assert 'name="_save"' not in page
    assert "已上门测量" in page


def test_nobody_adds_a_request_in_admin(w, client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    assert client.get(reverse("admin:requests_request_add")).status_code == 403


def test_a_superuser_cannot_change_a_state_in_admin(w, client):
    wish = bring_to(w, S.ORDERED)
    client.force_login(make_user(is_staff=True, is_superuser=True))
    client.post(reverse("admin:requests_request_change", args=[wish.pk]), {"state": "publicised"})
    wish.refresh_from_db()
    assert wish.state == S.ORDERED
