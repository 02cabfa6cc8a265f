"""/wish/: the resident's micro-wish form, with every bad input a resident (or a bot) can send."""

import pytest
from django.urls import reverse

from requests.models import Request
from tests.requests.public_helpers import community, upload, wish_post

pytestmark = pytest.mark.django_db
URL = "/wish/"


@pytest.fixture
def category():
    return community()[0]


def test_the_form_opens_without_login(client, category):
    response = client.get(URL)
    assert response.status_code == 200
    assert "环境卫生" in response.content.decode()


def test_the_wish_address_is_stable():
    assert reverse("requests:wish") == "/wish/"


def test_a_valid_wish_becomes_an_ordered_request_and_lands_on_its_tracking_page(client, category):
    response = client.post(URL, wish_post(category))
    wish = Request.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/track/{wish.token}/?new=1"
    assert wish.state == Request.State.ORDERED
    assert wish.channel == Request.Channel.ONLINE


def test_the_qr_link_preselects_the_micro_grid_and_shows_its_name(client, category):
    page = client.get(URL, {"grid": "NJ-01-02"}).content.decode()
    assert 'id="preset-place"' in page
    assert "第1网格第2微网格" in page
    assert '<option value="NJ-01-02" selected>' in page


def test_a_wish_sent_from_the_qr_link_is_recorded_as_from_the_wish_wall(client, category):
    client.post(URL + "?grid=NJ-01-02", wish_post(category, code="NJ-01-02", from_wall="True"))
    assert Request.objects.get().channel == Request.Channel.WISH_WALL


def test_an_unknown_grid_code_says_so_and_shows_the_picker(client, category):
    page = client.get(URL, {"grid": "XX-99"}).content.decode()
    assert "XX-99" in page
    assert 'name="micro_grid"' in page


def test_an_empty_text_is_refused_and_every_other_value_is_kept(client, category):
    response = client.post(URL, wish_post(category, text="   ", resident_name="李秀英", resident_phone="13812345678"))
    page = response.content.decode()
    assert response.status_code == 200
    assert not Request.objects.exists()
    assert 'value="李秀英"' in page
    assert 'value="13812345678"' in page


def test_an_over_long_text_is_refused_and_kept(client, category):
    response = client.post(URL, wish_post(category, text="灯" * 1001))
    assert not Request.objects.exists()
    assert "灯" * 1001 in response.content.decode()


def test_a_grid_code_that_is_not_a_micro_grid_is_refused(client, category):
    client.post(URL, wish_post(category, code="NJ-01"))
    assert not Request.objects.exists()


def test_a_bad_phone_is_refused_with_a_message(client, category):
    response = client.post(URL, wish_post(category, resident_phone="12345"))
    assert not Request.objects.exists()
    assert "请填写大陆手机号" in response.content.decode()


def test_a_phone_is_stored_in_its_normal_form(client, category):
    client.post(URL, wish_post(category, resident_phone="+86 138-1234-5678"))
    assert Request.objects.get().resident_phone == "13812345678"


def test_an_unknown_category_is_refused(client, category):
    client.post(URL, {**wish_post(category), "category": 99999})
    assert not Request.objects.exists()


def test_an_inactive_category_is_not_offered(client, category):
    category.active = False
    category.save(update_fields=["active"])
    client.post(URL, wish_post(category))
    assert not Request.objects.exists()


def test_script_in_every_field_is_shown_escaped_on_the_re_rendered_form(client, category):
    script = "<script>alert(1)</script>"
    page = client.post(URL, wish_post(category, text=script, resident_name=script, resident_phone=script)).content
    assert b"<script>alert(1)" not in page
    assert b"&lt;script&gt;alert(1)" in page


def test_script_in_the_text_is_shown_escaped_on_the_tracking_page(client, category):
    response = client.post(URL, wish_post(category, text="<script>alert(1)</script>"), follow=True)
    assert b"<script>alert(1)" not in response.content
    assert b"&lt;script&gt;" in response.content


def test_script_in_the_grid_parameter_is_escaped(client, category):
    page = client.get(URL, {"grid": "<script>alert(1)</script>"}).content
    assert b"<script>alert(1)" not in page


def test_a_forged_post_without_csrf_gets_the_friendly_403(category):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(URL, wish_post(category))
    assert response.status_code == 403
    assert not Request.objects.exists()
    assert "403_csrf.html" in [t.name for t in response.templates]


def test_a_photo_is_stored_with_the_request(client, category):
    client.post(URL, {**wish_post(category), "photos": [upload()]})
    assert Request.objects.get().photos.count() == 1


def test_a_file_that_is_not_an_image_is_refused_whatever_its_name(client, category):
    fake = upload(b"%PDF-1.4 not a photo", name="photo.jpg")
    response = client.post(URL, {**wish_post(category), "photos": [fake]})
    assert not Request.objects.exists()
    assert "photo.jpg" in response.content.decode()


def test_a_photo_over_5_mb_is_refused(client, category):
    big = upload(b"\xff\xd8" + b"0" * (5 * 1024 * 1024 + 1))
    client.post(URL, {**wish_post(category), "photos": [big]})
    assert not Request.objects.exists()


def test_more_than_three_photos_are_refused(client, category):
    client.post(URL, {**wish_post(category), "photos": [upload() for _ in range(4)]})
    assert not Request.objects.exists()


def test_a_double_submit_with_the_same_token_makes_one_request(client, category):
    data = wish_post(category)
    first = client.post(URL, data)
    second = client.post(URL, data)
    assert Request.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_the_form_carries_a_fresh_submission_token(client, category):
    first = client.get(URL).context["form"].initial["submission"]
    second = client.get(URL).context["form"].initial["submission"]
    assert first != second


def test_get_and_post_are_the_only_methods(client, category):
    assert client.put(URL).status_code == 405
