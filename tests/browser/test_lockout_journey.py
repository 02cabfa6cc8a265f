"""The branch on a phone lifts a grid worker's login lockout (nanjie/lockouts.py); no sideways scroll."""

import os

import pytest
from axes.models import AccessAttempt
from django.utils import timezone

from tests.conftest import browser_login
from tests.factories import make_branch_admin, make_user

pytestmark = [pytest.mark.browser]


@pytest.fixture
def locked(transactional_db):
    make_branch_admin("branch01")
    user = make_user("worker09")
    AccessAttempt.objects.create(username=user.username, ip_address="10.1.1.1", failures_since_start=6,
                                 attempt_time=timezone.now(), get_data="", post_data="")
    return user


def test_the_branch_unlocks_a_locked_account_on_a_phone(phone, live_server, locked):
    browser_login(phone, live_server, "branch01")
    phone.goto(f"{live_server.url}/accounts/lockouts/")
    assert "已锁定" in phone.locator("main").inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    if os.environ.get("NANJIE_SCREENSHOTS"):
        phone.screenshot(path=os.environ["NANJIE_SCREENSHOTS"] + "/lockouts.png", full_page=True)
    phone.click("main button[type=submit]:has-text('解锁')")
    phone.wait_for_load_state("networkidle")
    assert "worker09 已可以重新登录" in phone.locator("body").inner_text()
    assert not AccessAttempt.objects.filter(username="worker09").exists()
