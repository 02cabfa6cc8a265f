"""A visit's optional photo (issue 16): taken on the phone, stored without EXIF or GPS, refused in Chinese with
nothing saved when it is not a photo or too large, and shown only to who may open the visit."""

import io

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from PIL import Image

from grid.models import Visit
from nanjie import photos
from tests.factories import make_unit, make_unit_member
from tests.grid.factories import make_visit
from tests.grid.visits.test_visits import visit_data
from tests.photos import gps_exif, has_gps, jpeg_bytes, upload


def media_files(settings):
    return sorted(path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()) if settings.MEDIA_ROOT.exists() \
        else []


def post_visit(client, household, **fields):
    return client.post(reverse("field:visit_new", args=[household.pk]), visit_data(**fields))


@pytest.fixture
def visit_with_photo(client3, household):
    post_visit(client3, household, photo=upload(jpeg_bytes(exif=gps_exif())))
    return Visit.objects.get()


def stored_bytes(visit):
    with visit.photo.open("rb") as handle:
        return handle.read()


def test_the_form_offers_a_photo_a_phone_can_take(client3, household):
    page = client3.get(reverse("field:visit_new", args=[household.pk])).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert 'accept="image/*"' in page


def test_a_visit_keeps_its_photo_without_gps(visit_with_photo):
    stored = stored_bytes(visit_with_photo)
    assert not has_gps(stored)
    assert not Image.open(io.BytesIO(stored)).getexif()


def test_the_photo_is_stored_under_a_random_name_in_the_visits_folder(visit_with_photo):
    assert visit_with_photo.photo.name.startswith("visit-photos/")
    assert "photo" not in visit_with_photo.photo.name.rsplit("/", 1)[-1]


def test_a_visit_without_a_photo_is_saved_as_before(client3, household):
    post_visit(client3, household)
    assert not Visit.objects.get().photo


def test_a_text_file_is_refused_in_chinese_and_nothing_is_saved(client3, household, settings):
    response = post_visit(client3, household, photo=upload(b"not a photo", name="x.jpg"))
    assert "不是我们能识别的照片" in response.content.decode()
    assert (Visit.objects.count(), media_files(settings)) == (0, [])


def test_a_photo_over_5_mb_is_refused_in_chinese_and_nothing_is_saved(client3, household, settings, monkeypatch):
    monkeypatch.setattr(photos, "MAX_BYTES", 100)  # the limit, not 5 MB of test data
    response = post_visit(client3, household, photo=upload(jpeg_bytes()))
    assert "超过5MB" in response.content.decode()
    assert (Visit.objects.count(), media_files(settings)) == (0, [])


def test_a_refused_form_asks_for_the_photo_again(client3, household):
    response = post_visit(client3, household, walked="", looked="", asked="", listened="", opinions="",
                          photo=upload())
    assert "如果您选过照片，请重新选择" in response.content.decode()


def test_a_visit_whose_save_fails_leaves_no_photo_behind(worker3, household, settings):
    visit = Visit(household=household, worker=worker3.person, recorded_by=worker3, visited_on=None,
                  photo=photos.as_file(photos.clean_photo(upload())))
    with pytest.raises(IntegrityError), transaction.atomic():
        visit.save()
    assert media_files(settings) == []


def test_a_double_tap_with_a_photo_saves_one_visit_and_one_file(client3, household, settings):
    data = visit_data()
    for _ in range(2):
        client3.post(reverse("field:visit_new", args=[household.pk]), {**data, "photo": upload()})
    assert (Visit.objects.count(), len(media_files(settings))) == (1, 1)


def test_the_visit_page_shows_the_photo(client3, visit_with_photo):
    page = client3.get(reverse("field:visit", args=[visit_with_photo.pk])).content.decode()
    assert reverse("field:visit_photo", args=[visit_with_photo.pk]) in page


def test_the_worker_of_the_grid_opens_the_photo(client3, visit_with_photo):
    response = client3.get(reverse("field:visit_photo", args=[visit_with_photo.pk]))
    assert (response.status_code, response["Content-Type"]) == (200, "image/jpeg")
    assert "private" in response["Cache-Control"]


def test_a_worker_of_another_grid_gets_404(client, worker4, visit_with_photo):
    client.force_login(worker4)  # the same client: logged in as worker 4 now
    assert client.get(reverse("field:visit_photo", args=[visit_with_photo.pk])).status_code == 404


def test_a_unit_member_may_not_open_it(client, visit_with_photo):
    client.force_login(make_unit_member(make_unit()))
    assert client.get(reverse("field:visit_photo", args=[visit_with_photo.pk])).status_code == 403


def test_anonymous_visitors_go_to_the_login_page(client, visit_with_photo):
    client.logout()
    response = client.get(reverse("field:visit_photo", args=[visit_with_photo.pk]))
    assert (response.status_code, response["Location"].split("?")[0]) == (302, reverse("login"))


def test_a_visit_without_a_photo_has_none_to_open(client3, household, worker3):
    visit = make_visit(household, worker3)
    assert client3.get(reverse("field:visit_photo", args=[visit.pk])).status_code == 404


def test_admin_shows_the_photo_read_only_through_the_checked_view(client, branch, visit_with_photo):
    client.force_login(branch)
    page = client.get(reverse("admin:grid_visit_change", args=[visit_with_photo.pk])).content.decode()
    assert reverse("field:visit_photo", args=[visit_with_photo.pk]) in page
    assert 'type="file"' not in page
