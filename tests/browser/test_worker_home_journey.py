"""A micro-grid worker on a 390-px phone (issue 16): the 工作台 and a short menu, their own micro-grid's
households, a visit logged with the quick picks."""

import re

import pytest

from grid.models import GridNode, Visit
from tests.conftest import browser_login, follow_menu
from tests.factories import make_grid_worker, make_tree
from tests.grid.factories import make_household

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_a_micro_grid_worker_works_from_the_workbench_on_a_phone(phone, live_server):
    make_tree(grids=3, micro_per_grid=2)
    worker = make_grid_worker("NJ-03", "worker31")
    worker.person.posts.get().micro_grids.set([GridNode.objects.get(code="NJ-03-01")])
    make_household("NJ-03-01", building="3", room="201", contact_name="李桂芳")
    make_household("NJ-03-02", building="4", room="502", contact_name="赵明亮")

    browser_login(phone, live_server, "worker31")
    phone.goto(f"{live_server.url}/me/")
    assert phone.locator("h1").inner_text() == "工作台"
    phone.locator(".menu-toggle").click()
    assert phone.locator(".site-nav > ul > li").count() <= 7
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    phone.locator(".site-nav").get_by_role("link", name="住户", exact=True).click()
    phone.wait_for_url("**/field/households/")
    main = phone.locator("main").inner_text()
    assert "李桂芳" in main
    assert "赵明亮" not in main

    follow_menu(phone, "记录走访")
    phone.fill("#id_q", "3幢 201")
    phone.click("button:has-text('查找')")
    phone.click("text=李桂芳")
    phone.get_by_label("楼道整洁").check()
    phone.fill("#id_looked", "燃气软管老化")
    phone.screenshot(path="/tmp/staffside_visit_form.png", full_page=True)
    phone.click("button:has-text('保存走访')")
    phone.wait_for_url(re.compile(r"/field/visits/\d+/$"))
    assert Visit.objects.get().walked == "楼道整洁。"
