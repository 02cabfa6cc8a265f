"""A grid worker on a phone: log in, open the overview, drill into their grid and a micro-grid; no sideways scroll."""

import pytest

from tests.conftest import browser_login
from tests.factories import make_grid_worker, make_tree

pytestmark = [pytest.mark.browser]


@pytest.fixture
def world(transactional_db):
    make_tree(grids=4, micro_per_grid=3)
    make_grid_worker("NJ-04", username="worker4")
    return make_grid_worker("NJ-03", username="worker3")


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_grid_worker_drills_from_the_overview_into_a_micro_grid_on_a_phone(phone, live_server, world):
    browser_login(phone, live_server, "worker3")
    phone.goto(f"{live_server.url}/grid/")
    assert phone.locator("h1").inner_text() == "网格总览"
    assert no_sideways_scroll(phone)
    phone.click("text=第3网格")
    phone.wait_for_url("**/grid/NJ-03/")
    assert world.person.name in phone.locator("main").inner_text()
    assert no_sideways_scroll(phone)
    phone.click("main .grid-cards >> text=第3网格第2微网格")
    phone.wait_for_url("**/grid/NJ-03-02/")
    crumbs = phone.locator(".breadcrumbs").inner_text()
    assert "第3网格" in crumbs
    assert "南街社区总网格" in crumbs
    assert world.person.name in phone.locator("main").inner_text()
    assert no_sideways_scroll(phone)


def test_another_workers_grid_gives_the_404_page(phone, live_server, world):
    browser_login(phone, live_server, "worker3")
    response = phone.goto(f"{live_server.url}/grid/NJ-04/")
    assert response.status == 404
    assert phone.locator("h1").inner_text() == "页面不存在"


def test_the_overview_opens_and_closes_a_grid_without_javascript(browser, live_server, world):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    browser_login(page, live_server, "worker3")
    page.goto(f"{live_server.url}/grid/")
    assert page.locator("details[open]").count() == 1
    context.close()


def test_on_a_phone_a_long_menu_folds_into_one_button_that_names_the_section(phone, live_server, world):
    browser_login(phone, live_server, "worker3")
    phone.goto(f"{live_server.url}/grid/NJ-03/")
    toggle = phone.locator(".menu-toggle")
    assert toggle.inner_text().startswith("菜单")
    assert "网格" in toggle.inner_text()
    assert not phone.locator(".site-nav ul").is_visible()
    toggle.click()
    assert phone.locator(".site-nav ul").is_visible()
    assert toggle.get_attribute("aria-expanded") == "true"


def test_the_menu_opens_on_a_phone_with_tap_targets_of_at_least_44_px(phone, live_server, world):
    browser_login(phone, live_server, "worker3")
    phone.goto(f"{live_server.url}/grid/NJ-03/")
    phone.locator(".menu-toggle").click()
    heights = phone.eval_on_selector_all(".site-nav a, .who button, .breadcrumbs a",
                                         "els => els.map(e => e.getBoundingClientRect().height)")
    assert min(heights) >= 44
    assert no_sideways_scroll(phone)


def test_the_menu_marks_grids_as_the_current_section(phone, live_server, world):
    browser_login(phone, live_server, "worker3")
    phone.goto(f"{live_server.url}/grid/NJ-03-01/")
    phone.locator(".menu-toggle").click()
    assert phone.locator(".site-nav [aria-current=page]").inner_text() == "网格"
