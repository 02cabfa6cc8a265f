"""The community office's phone, address and hours (settings, nanjie.paper.community_office) with tap-to-call
links: on the home page, every error page, and the tracking page's answer "invalid or duplicate"."""

import pytest
from django.test import RequestFactory, override_settings

from nanjie.paper import community_office
from nanjie.views import server_error
from tests.factories import make_chairman
from tests.requests.public_helpers import community, order

pytestmark = pytest.mark.django_db
OFFICE = {"NANJIE_OFFICE_PHONE": "0878-5710001", "NANJIE_MEETING_PHONE": "0878-5710002",
          "NANJIE_OFFICE_ADDRESS": "南街社区党群服务中心一楼", "NANJIE_OFFICE_HOURS": "工作日 9:00–17:00"}


@pytest.fixture(autouse=True)
def office(settings):
    for name, value in OFFICE.items():
        setattr(settings, name, value)


def test_the_tel_link_holds_only_the_digits():
    assert community_office()["phone_tel"] == "tel:08785710001"


def test_the_home_page_shows_the_office_with_a_tap_to_call_link(client):
    page = client.get("/").content.decode()
    assert 'href="tel:08785710001"' in page
    assert "南街社区党群服务中心一楼" in page
    assert "工作日 9:00–17:00" in page


def test_the_home_page_says_how_to_reach_the_joint_meeting_by_its_office_number(client):
    make_chairman()
    assert 'href="tel:08785710002"' in client.get("/").content.decode()


def test_the_home_page_never_shows_the_chairmans_own_phone(client):
    user = make_chairman()
    user.person.phone = "13712345678"
    user.person.save()
    assert "13712345678" not in client.get("/").content.decode()


def test_a_404_page_shows_the_office(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert 'href="tel:08785710001"' in response.content.decode()


def test_a_403_page_shows_the_office(client):
    from tests.factories import make_unit_member

    client.force_login(make_unit_member(community()[1], "member1"))
    response = client.get("/requests/new/")  # a party member may not record requests
    assert response.status_code == 403
    assert 'href="tel:08785710001"' in response.content.decode()


def test_the_500_page_shows_the_office_without_the_database():
    request = RequestFactory().get("/")
    page = server_error(request).content.decode()
    assert 'href="tel:08785710001"' in page
    assert "工作日 9:00–17:00" in page


def test_the_400_page_shows_the_office(client):
    response = client.get("/wish/?grid=%00")
    assert response.status_code == 400
    assert 'href="tel:08785710001"' in response.content.decode()


def test_an_invalid_answer_tells_the_resident_how_to_object_and_whom_to_call(client):
    category, _unit = community()
    wish = order(category)
    wish.mark_invalid("与NJ-2026-000001重复", by=make_chairman())
    page = client.get(f"/track/{wish.token}/").content.decode()
    assert 'id="object"' in page
    assert 'href="tel:08785710002"' in page


def test_a_wish_still_in_work_has_no_objection_note(client):
    wish = order(community()[0])
    assert 'id="object"' not in client.get(f"/track/{wish.token}/").content.decode()


@override_settings(LANGUAGE_CODE="zh-hans")
def test_the_unavailable_page_for_the_proxy_shows_the_office():
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("unavailable_page", stdout=out)
    assert 'href="tel:08785710001"' in out.getvalue()


def test_the_429_page_of_the_micro_wish_throttle_shows_the_office(client):
    from nanjie import throttle

    limit, _window = throttle.LIMITS["track-miss"]
    for number in range(limit + 1):
        response = client.get(f"/track/guess-{number}/")
    assert response.status_code == 429
    assert 'href="tel:08785710001"' in response.content.decode()


def test_the_login_lockout_page_shows_the_office(client):
    from nanjie.views import locked_out

    page = locked_out(RequestFactory().get("/accounts/login/")).content.decode()
    assert 'href="tel:08785710001"' in page
