"""With DEBUG on (development), a request outside the user's scope is our 404 page, not Django's debug page."""

import pytest
from django.urls import reverse

from tests.requests.staff_world import S, bring_to, fast_passwords, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def denied(client, settings):
    settings.DEBUG = True
    w = world()
    wish = bring_to(w, S.DISPATCHED)  # in grid NJ-01: outside worker02's grid NJ-02
    client.force_login(w.worker2)
    return client.get(reverse("requests:detail", args=[wish.reference]))


def test_a_scope_denied_page_is_a_404(denied):
    assert denied.status_code == 404


def test_it_is_our_404_template_not_djangos_debug_page(denied):
    assert [t.name for t in denied.templates][:1] == ["404.html"]


def test_it_does_not_show_the_debug_page_text(denied):
    assert "Django tried these URL patterns" not in denied.content.decode()
    assert ("DEBUG = True" not in \
        denied.content.decode())
