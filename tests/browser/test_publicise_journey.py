"""The branch admin's publicise step on a 390-px phone: a summary with a phone, a room and the resident's name is
refused with those passages marked and a Chinese message; edited, it is published, and only it is on the board."""

import os
import re

import pytest

from requests.models import Request
from tests.conftest import browser_login
from tests.requests.staff_world import S, bring_to, fast_passwords, world  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NOTE = "已为3栋2单元401室的张三丰上门测量血压，联系电话139/1234/5678"
LEAKING = "已为3栋2单元401室的张三丰测量血压，电话139 1234 5678"
EDITED = "已安排医生上门为独居老人测量血压，并建立健康档案。"
SHOTS = os.environ.get("NANJIE_SCREENSHOTS", "")  # a folder: the journey's screenshots are saved there


def _shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def test_a_refused_summary_is_marked_then_published_after_editing(phone, live_server):
    w = world()
    wish = bring_to(w, S.ACCEPTED)
    wish.close(NOTE, by=w.nurse)
    browser_login(phone, live_server, w.branch.username)
    phone.goto(f"{live_server.url}/requests/{wish.reference}/")
    form = phone.locator("form.loop-action-publicise")
    # The closure note is shown with its personal data marked; the suggestion has it as ***.
    assert form.locator(".notice-note mark.personal-data").all_inner_texts() == [
        "3栋2单元401室", "张三丰", "139/1234/5678"]
    assert "***" in form.locator("textarea").input_value()

    form.locator("textarea").fill(LEAKING)
    form.locator("button[type=submit]").click()
    phone.wait_for_load_state("networkidle")
    form = phone.locator("form.loop-action-publicise")
    refused = form.locator(".notice-refused")
    assert refused.locator("mark.personal-data").all_inner_texts() == ["3栋2单元401室", "张三丰", "139 1234 5678"]
    assert "这段文字含有个人信息，不能公开" in form.locator(".errorlist").inner_text()
    assert form.locator("textarea").input_value() == LEAKING  # what was typed is kept
    assert Request.objects.get(pk=wish.pk).state == S.CLOSED
    # Usable on the phone: nothing wider than the screen, the button big enough to tap.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert form.locator("button[type=submit]").bounding_box()["height"] >= 44
    _shot(phone, "publicise-refused")

    form.locator("textarea").fill(EDITED)
    form.locator("button[type=submit]").click()
    phone.wait_for_url(re.compile(rf"/requests/{wish.reference}/$"))
    assert "已在办结公示栏公示" in phone.locator(".messages").inner_text()
    assert Request.objects.get(pk=wish.pk).public_summary == EDITED

    phone.goto(f"{live_server.url}/board/")
    notice = phone.locator(f"article[id='{wish.reference}']").inner_text()
    assert EDITED in notice
    assert "张三丰" not in phone.content()
    assert "5678" not in phone.content()
    _shot(phone, "publicise-board")
