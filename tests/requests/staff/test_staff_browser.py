"""The staff half of the loop in real Chromium on a 390-px phone: dispatch → accept → close → publicise."""

import pytest

from requests.models import Request
from tests.conftest import browser_login
from tests.requests.staff_world import S, fast_passwords, order, world  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _open(page, live_server, user, wish):
    browser_login(page, live_server, user.username)
    page.goto(f"{live_server.url}/requests/{wish.reference}/")


def test_a_request_goes_round_the_loop_on_phones(phone, browser, live_server):
    w = world()
    wish = order(w, text="独居老人需要上门量血压")

    _open(phone, live_server, w.chairman, wish)
    phone.select_option("#id_dispatch-unit", label=str(w.hospital))
    phone.click(".loop-action-dispatch button")
    phone.wait_for_load_state("networkidle")

    nurse = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN").new_page()
    browser_login(nurse, live_server, w.nurse.username)
    nurse.goto(f"{live_server.url}/requests/queue/accept/")
    nurse.click(f"text={wish.reference}")
    nurse.click(".loop-action-accept button")
    nurse.fill("#id_close-note", "已安排医生上门测量血压")
    nurse.click(".loop-action-close button")
    nurse.wait_for_load_state("networkidle")
    nurse.context.close()

    branch = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN").new_page()
    browser_login(branch, live_server, w.branch.username)
    branch.goto(f"{live_server.url}/requests/queue/publicise/")
    branch.click(f"text={wish.reference}")
    branch.click(".loop-action-publicise button")
    branch.wait_for_load_state("networkidle")
    branch.context.close()

    assert list(Request.objects.get(pk=wish.pk).transitions.values_list("new_state", flat=True)) == [
        S.ORDERED, S.DISPATCHED, S.ACCEPTED, S.CLOSED, S.PUBLICISED]


def test_the_second_member_sees_who_accepted_first(phone, browser, live_server):
    w = world()
    wish = order(w)
    wish.dispatch(w.hospital, by=w.chairman)
    _open(phone, live_server, w.doctor, wish)
    wish.accept(w.nurse.person, by=w.nurse)  # the nurse presses first, from another phone
    phone.click(".loop-action-accept button")
    phone.wait_for_load_state("networkidle")
    assert w.nurse.person.name in phone.inner_text(".messages")
