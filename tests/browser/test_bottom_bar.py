"""The phone's bottom bar (issue 16) in Chromium: at 390 px a unit member's three tabs are ≥ 48 px high (≥ 60 × 60 in
elderly mode), fixed at the foot of the screen with the page's end still above them; at 1280 px there is none."""

import pytest
from django.urls import reverse

from nanjie.elderly import COOKIE
from tests.conftest import browser_login
from tests.requests.staff_world import fast_passwords, world  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TABS = """() => [...document.querySelectorAll(".bottom-bar a")].map((a) => {
  const box = a.getBoundingClientRect(), style = getComputedStyle(a);
  return {label: a.textContent.trim(), width: box.width, height: box.height, bottom: box.bottom,
          font: parseFloat(style.fontSize), current: a.getAttribute("aria-current")};
})"""
# Scrolled to the end: does the last thing on the page (the footer's language switch) end above the bar?
END_ABOVE_BAR = """() => {
  window.scrollTo(0, document.documentElement.scrollHeight);
  const bar = document.querySelector(".bottom-bar").getBoundingClientRect();
  return document.querySelector(".site-footer").getBoundingClientRect().bottom <= bar.top + 0.5;
}"""


@pytest.fixture
def member(live_server):
    return world().nurse


def _phone(browser, live_server, elderly=False):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    if elderly:
        context.add_cookies([{"name": COOKIE, "value": "1", "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15000)
    return context, page


def _tabs(browser, live_server, member, elderly=False, screenshot=None):
    context, page = _phone(browser, live_server, elderly)
    browser_login(page, live_server, member.username)
    page.goto(live_server.url + reverse("me"))
    tabs = page.evaluate(TABS)
    end_above = page.evaluate(END_ABOVE_BAR)
    if screenshot:
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=screenshot)
    context.close()
    return tabs, end_above


def test_a_unit_members_bar_holds_their_three_main_actions(browser, live_server, member):
    tabs, _end = _tabs(browser, live_server, member, screenshot="/tmp/bottombar_390.png")
    assert [tab["label"] for tab in tabs] == ["待接单", "工作台", "我的待办结"]


def test_the_workbench_tab_is_marked_current_on_the_workbench(browser, live_server, member):
    tabs, _end = _tabs(browser, live_server, member)
    assert [tab["current"] for tab in tabs] == [None, "page", None]


def test_in_normal_mode_each_tab_is_at_least_48_px_high(browser, live_server, member):
    tabs, _end = _tabs(browser, live_server, member)
    assert [tab["label"] for tab in tabs if tab["height"] < 48 - 0.5 or tab["width"] < 48 - 0.5] == []


def test_in_elderly_mode_each_tab_is_at_least_60_by_60_px(browser, live_server, member):
    tabs, _end = _tabs(browser, live_server, member, elderly=True, screenshot="/tmp/bottombar_390_elderly.png")
    assert [tab["label"] for tab in tabs if tab["height"] < 60 - 0.5 or tab["width"] < 60 - 0.5] == []


def test_in_elderly_mode_the_tabs_labels_are_body_text(browser, live_server, member):
    tabs, _end = _tabs(browser, live_server, member, elderly=True)
    assert [tab["label"] for tab in tabs if tab["font"] < 24] == []


def test_the_bar_sits_at_the_foot_of_the_screen(browser, live_server, member):
    tabs, _end = _tabs(browser, live_server, member)
    assert [round(tab["bottom"]) for tab in tabs] == [844, 844, 844]


@pytest.mark.parametrize("elderly", [False, True], ids=["normal", "elderly"])
def test_the_page_ends_above_the_bar(browser, live_server, member, elderly):
    _tabs_found, end_above = _tabs(browser, live_server, member, elderly=elderly)
    assert end_above


def test_at_desktop_width_there_is_no_bar(desktop, live_server, member):
    browser_login(desktop, live_server, member.username)
    desktop.goto(live_server.url + reverse("me"))
    assert desktop.locator(".bottom-bar").count() == 1  # in the page, for phones
    assert not desktop.locator(".bottom-bar").is_visible()


def test_at_desktop_width_the_page_keeps_no_room_for_it(desktop, live_server, member):
    browser_login(desktop, live_server, member.username)
    desktop.goto(live_server.url + reverse("me"))
    assert desktop.evaluate("getComputedStyle(document.body).paddingBottom") == "0px"
