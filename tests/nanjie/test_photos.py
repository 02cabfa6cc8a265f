"""The portal's photo machinery (nanjie/photos.py) as every floor uses it: one optional photo on a staff form,
re-encoded without EXIF or GPS, refused in Chinese when it is not a photo or too large, written to the media
storage only together with its row, and served privately."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import Http404
from django.utils import translation
from PIL import Image

from nanjie import photos
from tests.photos import exif_of, gps_exif, has_gps, jpeg_bytes, upload


def field():
    return photos.PhotoField(label="照片")


def test_a_photo_with_gps_comes_out_without_any_exif():
    original = jpeg_bytes(exif=gps_exif())
    assert has_gps(original)  # the test photo really says where it was taken
    cleaned = field().clean(upload(original))
    assert exif_of(cleaned.content) == {}


def test_the_field_gives_a_clean_jpeg():
    cleaned = field().clean(upload(jpeg_bytes(fmt="PNG"), name="x.png", content_type="image/png"))
    assert Image.open(io.BytesIO(cleaned.content)).format == "JPEG"


def test_no_photo_is_none():
    assert field().clean(None) is None


def test_a_text_file_named_jpg_is_refused_in_chinese():
    with translation.override("zh-hans"), pytest.raises(ValidationError) as error:
        field().clean(upload(b"hello, I am text", name="cat.jpg"))
    assert "不是我们能识别的照片" in error.value.messages[0]


def test_a_photo_over_5_mb_is_refused_in_chinese(monkeypatch):
    big = upload(jpeg_bytes())
    monkeypatch.setattr(big, "size", photos.MAX_BYTES + 1)
    with translation.override("zh-hans"), pytest.raises(ValidationError) as error:
        field().clean(big)
    assert "超过5MB" in error.value.messages[0]


def test_the_input_offers_the_camera_and_the_gallery_on_a_phone():
    html = field().widget.render("photo", None)
    assert 'accept="image/*"' in html
    assert 'class="photo-input"' in html


@pytest.mark.django_db
def test_a_file_written_in_a_failed_save_is_removed(settings, tmp_path):
    from grid.models import Visit

    visit = Visit(photo=photos.as_file(photos.clean_photo(upload())))
    with pytest.raises(RuntimeError), photos.removed_on_failure(visit.photo):
        visit.photo.save(visit.photo.name, visit.photo.file, save=False)
        written = visit.photo.name
        raise RuntimeError("the row was not saved")
    assert not default_storage.exists(written)


@pytest.mark.django_db
def test_a_file_of_a_successful_save_stays():
    from grid.models import Visit

    visit = Visit()
    with photos.removed_on_failure(visit.photo):
        name = photos.store(visit.photo, photos.clean_photo(upload()))
    assert default_storage.exists(name)


def test_a_photo_whose_file_is_gone_is_a_404():
    from grid.models import Visit

    visit = Visit(photo="visit-photos/gone.jpg")
    with pytest.raises(Http404):
        photos.serve(visit.photo)


def test_a_photo_is_served_privately_and_never_sniffed():
    from grid.models import Visit

    visit = Visit()
    photos.store(visit.photo, photos.clean_photo(upload()))
    response = photos.serve(visit.photo)
    b"".join(response.streaming_content)
    assert (response["Content-Type"], response["Cache-Control"], response["X-Content-Type-Options"]) == (
        "image/jpeg", "private, max-age=3600", "nosniff")
