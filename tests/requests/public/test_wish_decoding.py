"""An anonymous /wish/ POST costs little unless it is a real wish: photos are decoded only for an otherwise
valid form, every anonymous POST is counted, and a photo over 12 megapixels is refused from its header."""

import io
from unittest import mock

import pytest
from PIL import Image, ImageFile

from nanjie import throttle
from nanjie.models import ThrottleHit
from requests.models import Request
from tests.requests.public_helpers import community, jpeg_bytes, upload, wish_post

pytestmark = pytest.mark.django_db


def huge_png(size=(4200, 3200)):
    """13.4 megapixels that weigh a few kilobytes: a one-bit image of one colour."""
    out = io.BytesIO()
    Image.new("1", size).save(out, format="PNG")
    return upload(out.getvalue(), name="huge.png", content_type="image/png")


def test_an_invalid_form_decodes_no_photo(client):
    category, _unit = community()
    with mock.patch("requests.public.forms.clean_photo") as decode:
        client.post("/wish/", {**wish_post(category, text=""), "photos": [upload(), upload()]})
    assert not decode.called


def test_a_valid_form_decodes_its_photos(client):
    category, _unit = community()
    client.post("/wish/", {**wish_post(category), "photos": [upload(jpeg_bytes())]})
    assert Request.objects.get().photos.count() == 1


def test_a_photo_over_twelve_megapixels_is_refused_with_a_chinese_message(client):
    category, _unit = community()
    response = client.post("/wish/", {**wish_post(category), "photos": [huge_png()]})
    assert "1200 万像素" in response.content.decode()
    assert not Request.objects.exists()


def test_a_photo_over_twelve_megapixels_is_never_decoded(client):
    category, _unit = community()
    data = {**wish_post(category), "photos": [huge_png()]}
    with mock.patch.object(ImageFile.ImageFile, "load", side_effect=AssertionError("decoded")) as load:
        client.post("/wish/", data)
    assert not load.called


def test_a_twelve_megapixel_phone_photo_is_accepted():
    from nanjie.photos import clean_photo

    assert clean_photo(upload(jpeg_bytes(size=(4032, 3024)))).width == 2000


def test_every_anonymous_post_is_counted_invalid_ones_too(client):
    category, _unit = community()
    client.post("/wish/", wish_post(category, text=""))
    assert ThrottleHit.objects.filter(scope="wish-post").count() == 1


def test_invalid_posts_from_one_address_are_capped(client):
    category, _unit = community()
    for _ in range(throttle.LIMITS["wish-post"][0]):
        client.post("/wish/", wish_post(category, text=""))
    assert client.post("/wish/", wish_post(category)).status_code == 429
