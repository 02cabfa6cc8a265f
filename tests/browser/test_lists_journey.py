"""The three lists on a 390-px phone: a grid worker promotes three similar wishes to one need; a party member of
the county hospital claims it and records the delivery; the branch verifies; the public needs list shows it
fulfilled, naming the unit and the grid, never a resident."""

import re

import pytest

from grid.models import GridNode
from partners.models import Need
from tests.conftest import browser_login
from tests.requests.staff_world import fast_passwords, order, world  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_three_wishes_become_one_need_claimed_delivered_verified_and_public(phone, live_server):
    w = world()
    wishes = [order(w, text=f"希望有医生上门给老人量血压{n}") for n in range(3)]
    browser_login(phone, live_server, w.worker1.username)
    phone.goto(f"{live_server.url}/requests/promote/")
    for wish in wishes:
        phone.locator(f"input[name=chosen][value='{wish.pk}']").check()
    phone.fill("#id_need-title", "老人上门量血压")
    phone.select_option("#id_need-category", str(w.category.pk))
    phone.select_option("#id_need-grid", str(GridNode.objects.get(code="NJ-01").pk))
    _fits(phone)
    phone.locator("#promote-form button[type=submit]").click()
    phone.wait_for_url(re.compile(r"/partners/lists/needs/\d+/$"))
    need = Need.objects.get()
    assert need.asked_count == 3
    assert all(wish.reference in phone.content() for wish in wishes)

    phone.context.clear_cookies()
    browser_login(phone, live_server, w.nurse.username)
    phone.goto(f"{live_server.url}/partners/lists/needs/{need.pk}/")
    _fits(phone)
    phone.locator("#claim-form button[type=submit]").click()
    phone.wait_for_load_state("networkidle")
    assert "已为县人民医院认领" in phone.locator(".messages").inner_text()
    deliver = phone.locator("form[action$='/deliver/']")
    deliver.locator("textarea").fill("已安排医生上门为三位老人量血压")
    deliver.locator("button[type=submit]").click()
    phone.wait_for_load_state("networkidle")
    assert "交付情况已登记" in phone.locator(".messages").inner_text()

    phone.context.clear_cookies()
    browser_login(phone, live_server, w.branch.username)
    phone.goto(f"{live_server.url}/partners/lists/needs/{need.pk}/")
    verify = phone.locator("form[action$='/verify/'] button[type=submit]")
    assert verify.bounding_box()["height"] >= 44
    verify.click()
    phone.wait_for_load_state("networkidle")
    assert Need.objects.get(pk=need.pk).state == Need.State.FULFILLED

    phone.context.clear_cookies()
    phone.goto(f"{live_server.url}/partners/needs/?state=fulfilled")
    card = phone.locator("#public-needs li", has_text="老人上门量血压").inner_text()
    assert "已满足" in card
    assert "县人民医院" in card
    assert "第1网格" in card
    assert "3位居民提出" in card
    assert "张三丰" not in phone.content()
    _fits(phone)
