"""Photos: checked by content, re-encoded without EXIF/GPS, stored under random names, served with an access check."""

import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from nanjie.photos import clean_photo
from requests.models import Request
from tests.factories import make_grid_worker, make_unit, make_unit_member
from tests.photos import GPS_IFD, gps_exif
from tests.requests.public_helpers import community, jpeg_bytes, order, upload, wish_post

pytestmark = pytest.mark.django_db

def test_the_gps_exif_of_an_uploaded_photo_is_removed():
    original = jpeg_bytes(exif=gps_exif())
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)  # the test photo really has GPS
    cleaned = clean_photo(upload(original))
    assert not Image.open(io.BytesIO(cleaned.content)).getexif()


def test_a_png_is_re_encoded_to_jpeg():
    cleaned = clean_photo(upload(jpeg_bytes(fmt="PNG"), name="x.png", content_type="image/png"))
    assert Image.open(io.BytesIO(cleaned.content)).format == "JPEG"


def test_a_text_file_named_jpg_is_refused():
    with pytest.raises(ValidationError):
        clean_photo(upload(b"hello, I am text", name="cat.jpg"))


def test_a_truncated_jpeg_is_refused():
    with pytest.raises(ValidationError):
        clean_photo(upload(jpeg_bytes()[:100]))


def test_a_huge_photo_is_shrunk_for_phones():
    cleaned = clean_photo(upload(jpeg_bytes(size=(4000, 1000))))
    assert max(cleaned.width, cleaned.height) == 2000


@pytest.fixture
def wish_with_photo(client):
    category, unit = community()
    client.post("/wish/", {**wish_post(category), "photos": [upload(jpeg_bytes(exif=gps_exif()))]})
    return Request.objects.get(), unit


def test_the_stored_file_has_a_random_name_and_no_exif(wish_with_photo):
    photo = wish_with_photo[0].photos.get()
    with photo.image.open("rb") as handle:
        stored = Image.open(io.BytesIO(handle.read()))
    assert "photo" not in photo.image.name.rsplit("/", 1)[-1]
    assert not stored.getexif()


def test_the_token_holder_sees_the_photo_privately(client, wish_with_photo):
    wish = wish_with_photo[0]
    response = client.get(f"/requests/photo/{wish.photos.get().pk}/", {"t": wish.token})
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


def test_a_wrong_token_gets_404(client, wish_with_photo):
    response = client.get(f"/requests/photo/{wish_with_photo[0].photos.get().pk}/", {"t": "guess"})
    assert response.status_code == 404


def test_no_token_gets_404(client, wish_with_photo):
    assert client.get(f"/requests/photo/{wish_with_photo[0].photos.get().pk}/").status_code == 404


def test_staff_who_can_see_the_request_see_the_photo(client, wish_with_photo):
    client.force_login(make_grid_worker("NJ-01"))
    assert client.get(f"/requests/photo/{wish_with_photo[0].photos.get().pk}/").status_code == 200


def test_staff_of_another_grid_get_404(client, wish_with_photo):
    client.force_login(make_grid_worker("NJ-02"))
    assert client.get(f"/requests/photo/{wish_with_photo[0].photos.get().pk}/").status_code == 404


def test_a_member_of_another_unit_gets_404(client, wish_with_photo):
    client.force_login(make_unit_member(make_unit()))
    assert client.get(f"/requests/photo/{wish_with_photo[0].photos.get().pk}/").status_code == 404


def test_the_tracking_page_shows_the_photo_through_the_view(client, wish_with_photo):
    wish = wish_with_photo[0]
    page = client.get(f"/track/{wish.token}/").content.decode()
    assert f"/requests/photo/{wish.photos.get().pk}/?t={wish.token}" in page


def test_a_failure_half_way_leaves_neither_rows_nor_files(settings, monkeypatch):
    from requests.models import Photo

    category, _unit = community()
    photos = [clean_photo(upload()), clean_photo(upload())]
    real_save, calls = Photo.save, []

    def failing_save(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full")
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(Photo, "save", failing_save)
    with pytest.raises(OSError):
        order(category, photos=photos)
    assert not Request.objects.exists()
    assert not list(settings.MEDIA_ROOT.rglob("*.jpg"))
