"""A study session on a 390-px phone: the organiser shows the sign-in code, a party member types it under "My
study" on their own phone and is signed in; the organiser ticks a second member, closes the session, and the
third member is on the list of who missed it."""

import re

import pytest

from tests.conftest import browser_login
from tests.factories import make_branch_admin, make_tree, make_user
from tests.volunteers.factories import make_position
from tests.volunteers.study.factories import make_party_member, make_study
from volunteers.models import StudyAttendance

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def second_phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def test_a_member_signs_in_with_the_code_and_the_organiser_closes(phone, second_phone, live_server):
    make_tree(grids=1, micro_per_grid=1)
    branch = make_branch_admin("branch_journey")
    member = make_user("member_journey", person=make_party_member(name="王学习"))
    make_party_member(name="李互学")
    make_party_member(name="赵缺席")
    session = make_study(branch, topic="学习党章第一章", position=make_position(name="党员活动室"))

    # The organiser opens the session on their phone: the code is shown large.
    browser_login(phone, live_server, "branch_journey")
    phone.goto(f"{live_server.url}/volunteers/work/study/{session.pk}/")
    code = phone.locator(".signin-code .code").inner_text().strip()
    assert re.fullmatch(r"\d{6}", code)

    # The member opens 我的学习 on their own phone and types it.
    browser_login(second_phone, live_server, "member_journey")
    second_phone.goto(f"{live_server.url}/volunteers/study/")
    row = second_phone.locator(".signin-row", has_text="学习党章第一章")
    row.locator("input[name=code]").fill(code)
    row.locator("button[type=submit]").click()
    second_phone.wait_for_url(re.compile(r"/volunteers/study/$"))
    assert "已签到" in second_phone.locator("main").inner_text()
    assert StudyAttendance.objects.get(session=session, person=member.person).how == "code"
    assert second_phone.evaluate("document.documentElement.scrollWidth") <= 390

    # The organiser ticks the member who came without a phone, then closes the session.
    phone.reload()
    phone.locator(".tick-list label", has_text="李互学").click()
    phone.click(".tick-list button[type=submit]")
    phone.wait_for_url(re.compile(rf"/volunteers/work/study/{session.pk}/$"))
    phone.click("text=结束并列出缺学党员")
    phone.wait_for_url(re.compile(rf"/volunteers/work/study/{session.pk}/$"))
    missed = phone.locator("section", has_text="缺席").last.inner_text()
    assert "赵缺席" in missed
    assert "王学习" not in missed
    phone.goto(f"{live_server.url}/volunteers/work/study/missed/")
    assert "赵缺席" in phone.locator("main").inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
