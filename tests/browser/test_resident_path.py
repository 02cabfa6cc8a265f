"""The resident's own way at 390 px, without JavaScript: find the place by compound and building, send the wish,
and come back later through 查进度 with the reference and the phone number given."""

import re

import pytest

from grid.households.models import Household
from requests.models import Request
from tests.requests.public_helpers import community, micro

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def no_script_phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", is_mobile=True,
                                  has_touch=True, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def place():
    category, _unit = community()
    for code, building in (("NJ-02-01", "3"), ("NJ-02-02", "13")):
        Household.objects.create(micro_grid=micro(code), compound="栋川花园", building=building, room="101",
                                 contact_name="李秀英", contact_phone="13812345678")
    return category


def ordered(category):
    return Request.order(category=category, text="楼道灯坏了", micro_grid=micro("NJ-02-01"),
                         channel=Request.Channel.ONLINE, resident_phone="13812345678")


def test_a_resident_finds_the_place_by_building_and_sends_the_wish_there(no_script_phone, live_server, place):
    page = no_script_phone
    page.goto(f"{live_server.url}/wish/")
    page.fill("#id_place", "栋川花园 3幢")
    page.click(".place-search button[type=submit]")
    assert page.locator("#id_micro_grid label").all_inner_texts() == ["栋川花园 3幢 → 第2网格第1微网格"]
    page.locator("#id_category").select_option(label=place.name)
    page.fill("#id_text", "楼道灯坏了两个星期。")
    page.click("form.wish-form button[type=submit]")
    page.wait_for_url(re.compile(r"/track/[\w-]+/\?new=1$"))
    assert Request.objects.get().micro_grid.code == "NJ-02-01"


def test_a_resident_comes_back_through_check_progress(no_script_phone, live_server, place):
    wish = ordered(place)
    page = no_script_phone
    page.goto(f"{live_server.url}/")
    page.click("text=查进度")
    page.fill("#id_reference", wish.reference.lower())
    page.fill("#id_phone", "138 1234 5678")
    page.click("form.lookup-form button[type=submit]")
    page.wait_for_url(re.compile(rf"/track/{re.escape(wish.token)}/$"))
    assert wish.reference in page.locator(".reference").inner_text()


def test_a_wrong_phone_is_told_on_the_same_page(no_script_phone, live_server, place):
    wish = ordered(place)
    page = no_script_phone
    page.goto(f"{live_server.url}/track/")
    page.fill("#id_reference", wish.reference)
    page.fill("#id_phone", "13900000000")
    page.click("form.lookup-form button[type=submit]")
    assert "没有与这个编号和电话号码相符的微心愿" in page.locator(".errorlist").inner_text()


def test_the_office_number_on_the_home_page_is_tap_to_call(no_script_phone, live_server, settings):
    settings.NANJIE_OFFICE_PHONE = "0878-5710001"
    no_script_phone.goto(f"{live_server.url}/")
    call = no_script_phone.locator(".office a.tel")
    assert call.get_attribute("href") == "tel:08785710001"
    assert call.bounding_box()["height"] >= 44
