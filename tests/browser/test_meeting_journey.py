"""The joint meeting on a 390-px phone (issue 9's journey, its last step): the on-duty chairman sees an overdue
decision of an earlier meeting on /me/, opens the next meeting, is told in Chinese that a meeting needs someone
present, records attendance (quorum shown), builds the agenda and finds the overdue decision on it (回头看)."""

import datetime
import os

import pytest
from django.utils import timezone

from partners.models import Decision, Meeting
from tests.conftest import browser_login, follow_menu
from tests.partners.meeting.fixtures import make_decision
from tests.requests.staff_world import fast_passwords  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("NANJIE_SCREENSHOTS", "")


def _shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


@pytest.fixture
def overdue(fast_passwords):  # noqa: F811
    from partners.models import CommitteeMember
    from tests.factories import make_chairman, make_person, make_tree, make_unit

    make_tree(grids=2, micro_per_grid=1)
    chairman = make_chairman("chair")
    for _ in range(5):
        CommitteeMember.objects.create(person=make_person())
    today = timezone.localdate()
    earlier = Meeting.plan(held_on=today - datetime.timedelta(days=40), place="党群服务中心", by=chairman)
    decision = make_decision(earlier, make_unit(name="县住建局"), by=chairman, title="楼道照明改造",
                             deadline=today - datetime.timedelta(days=10), today=earlier.held_on)
    upcoming = Meeting.plan(held_on=today + datetime.timedelta(days=5), place="党群服务中心三楼", by=chairman)
    return chairman, decision, upcoming


def test_the_next_meetings_agenda_lists_an_overdue_decision(phone, live_server, overdue):
    chairman, decision, upcoming = overdue
    browser_login(phone, live_server, chairman.username)
    phone.goto(f"{live_server.url}/me/")
    panel = phone.locator(".meeting-panel")
    assert "1项决定已逾期" in panel.inner_text()
    assert "落实楼道照明改造" in panel.inner_text()

    follow_menu(phone, "联席会议")
    phone.get_by_role("link", name=upcoming.held_on.strftime("%Y年%-m月%-d日")).click()
    phone.wait_for_load_state("networkidle")
    phone.get_by_role("button", name="登记出席").click()
    phone.wait_for_load_state("networkidle")
    assert "没有委员出席的会议不能登记" in phone.locator(".messages").inner_text()

    for checkbox in phone.locator("#attendance input[type=checkbox]").all()[:4]:
        checkbox.check()
    phone.get_by_role("button", name="登记出席").click()
    phone.wait_for_load_state("networkidle")
    assert "达到法定人数：6名委员中出席4名" in phone.locator(".quorum").inner_text()

    phone.get_by_role("button", name="根据提议生成议程").click()
    phone.wait_for_load_state("networkidle")
    item = phone.locator(".agenda-item").first
    assert "回头看（已逾期" in item.inner_text()
    assert "县住建局" in item.inner_text()
    assert Decision.objects.get(pk=decision.pk).followed_up_by.get().meeting == upcoming
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert phone.get_by_role("button", name="根据提议生成议程").bounding_box()["height"] >= 44
    _shot(phone, "meeting-agenda")
