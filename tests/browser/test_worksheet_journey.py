"""A grid worker on a 390-px phone goes from the coverage page to their grid's worksheet and prints it on A4:
one page per micro-grid, nothing wider than the screen, the phone masked."""

import re

import pytest

from tests.conftest import browser_login, follow_menu
from tests.factories import make_grid_worker, make_tree
from tests.grid.factories import make_household

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_a_grid_worker_prints_the_visit_worksheet_of_their_grid(phone, live_server):
    make_tree(grids=4, micro_per_grid=2)
    make_grid_worker("NJ-03", "worker3")
    make_household("NJ-03-01", building="3", room="201", contact_name="李桂芳", contact_phone="13812345678")
    make_household("NJ-03-02", building="4", room="502", contact_name="赵明亮")

    browser_login(phone, live_server, "worker3")
    follow_menu(phone, "走访覆盖")
    phone.click("text=打印走访工作单")
    phone.click("text=打印第3网格走访工作单")
    sheet = phone.locator("article.worksheet")
    assert sheet.count() == 2
    assert "138****5678" in sheet.first.inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    pdf = phone.pdf(format="A4")  # the print CSS: one micro-grid per A4 page
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 2
