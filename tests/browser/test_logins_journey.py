"""The branch on a phone gives a newcomer a login, makes the set-password link, and the newcomer sets a password
with it and logs in (grid/people/logins); no sideways scroll on the branch's pages."""

import os

import pytest

from tests.conftest import browser_login
from tests.factories import make_branch_admin, make_person, make_tree

pytestmark = [pytest.mark.browser]


@pytest.fixture
def newcomer(transactional_db):
    make_tree(grids=2, micro_per_grid=1)
    make_branch_admin("branch01")
    return make_person(name="赵新来")


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_branch_gives_a_login_and_its_owner_sets_the_password(phone, live_server, newcomer):
    browser_login(phone, live_server, "branch01")
    phone.goto(f"{live_server.url}/logins/?has_login=false")
    assert no_sideways_scroll(phone)
    phone.click("text=赵新来")
    phone.fill("#id_username", "worker88")
    phone.check("input[name=roles][value=grid_worker]")
    phone.click("#create-form button[type=submit]")
    assert "账号已创建" in phone.locator("body").inner_text()
    assert no_sideways_scroll(phone)
    if os.environ.get("NANJIE_SCREENSHOTS"):
        phone.screenshot(path=os.environ["NANJIE_SCREENSHOTS"] + "/logins.png", full_page=True)
    phone.click("#reset-form button[type=submit]")
    link = phone.input_value("#reset-link")
    phone.context.clear_cookies()
    phone.goto(link)
    phone.fill("#id_new_password1", "Lanting-2026-abc")
    phone.fill("#id_new_password2", "Lanting-2026-abc")
    phone.click("main button[type=submit]")
    assert "密码已设置" in phone.locator("main").inner_text()
    browser_login(phone, live_server, "worker88", password="Lanting-2026-abc")
    assert "/accounts/login/" not in phone.url
