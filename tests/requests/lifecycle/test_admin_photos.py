"""Admin shows a request's photos through the access-checked photo view (media/ is not served by URL)."""

import pytest
from django.urls import reverse

from tests.requests.public_helpers import upload, wish_post
from tests.requests.staff_world import fast_passwords, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def photographed(client):
    from requests.models import Request

    w = world()
    client.post("/wish/", {**wish_post(w.category), "photos": [upload()]})
    wish = Request.objects.get()
    client.force_login(w.branch)
    return wish, wish.photos.get()


def _change_page(client, wish):
    return client.get(reverse("admin:requests_request_change", args=[wish.pk])).content.decode()


def test_the_photo_inline_links_through_the_photo_view(client, photographed):
    wish, photo = photographed
    page = _change_page(client, wish)
    assert f'href="{reverse("requests:photo", args=[photo.pk])}"' in page
    assert "/media/" not in page


def test_the_linked_photo_opens_for_the_admin(client, photographed):
    wish, photo = photographed
    response = client.get(reverse("requests:photo", args=[photo.pk]))
    assert (response.status_code, response["Content-Type"]) == (200, "image/jpeg")
    response.close()


def test_the_photo_view_is_404_for_someone_outside_the_requests_scope(client, photographed):
    from tests.factories import make_grid_worker

    _wish, photo = photographed
    client.force_login(make_grid_worker("NJ-02"))
    assert client.get(reverse("requests:photo", args=[photo.pk])).status_code == 404
