"""Activity day on a 390-px phone: the branch publishes the month's plan, the red team's leader claims its item,
a party member signs up, signs in with the code the organiser shows, the organiser confirms the hours and
the member prints a numbered volunteer-service certificate."""

import datetime
import re

import pytest
from django.db.models import F
from django.utils import timezone

from tests.conftest import browser_login
from tests.factories import make_branch_admin, make_tree
from tests.volunteers.activities.factories import make_activity, make_team, make_volunteer
from volunteers.models import Activity, ActivityDay, Certificate, SignUp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def as_user(phone, live_server, username):
    phone.context.clear_cookies()
    browser_login(phone, live_server, username)


def fits(phone):
    return phone.evaluate("document.documentElement.scrollWidth") <= 390


def test_the_branch_publishes_a_team_claims_a_member_serves_and_prints_a_certificate(phone, live_server):
    make_tree(grids=2, micro_per_grid=1)
    branch = make_branch_admin("branch")
    leader = make_volunteer("leader")
    make_volunteer("member")
    make_team("red", leader=leader)
    plan = ActivityDay.for_month(timezone.localdate())
    starts = timezone.now() + datetime.timedelta(minutes=10)  # the code already shows a quarter of an hour before
    item = make_activity(grids=("NJ-01", "NJ-02"), plan=plan, colour="red", title="关爱空巢老人上门服务",
                         starts=starts, ends=starts + datetime.timedelta(hours=2), organiser=branch.person)

    # The branch opens the month's plan: both grids have the item; it publishes.
    as_user(phone, live_server, "branch")
    phone.goto(f"{live_server.url}/volunteers/work/plans/{plan.pk}/")
    phone.click("button.publish")
    assert "计划已发布" in phone.locator(".messages").inner_text()
    assert fits(phone)

    # The red team's leader claims the item for the team.
    as_user(phone, live_server, "leader")
    phone.goto(f"{live_server.url}/volunteers/work/activities/{item.pk}/")
    phone.click("form.claim-form button[type=submit]")
    assert "红色" in phone.locator(".facts").inner_text() or "red" in phone.locator(".facts").inner_text()

    # A party member signs up.
    as_user(phone, live_server, "member")
    phone.goto(f"{live_server.url}/volunteers/work/activities/{item.pk}/")
    phone.check("#id_show_name")
    phone.click("form.signup-form button[type=submit]")
    assert "您已报名" in phone.locator(".messages").inner_text() or SignUp.objects.get().state == "active"

    # The organiser's page shows the code; the member types it to sign in, and again to sign out.
    as_user(phone, live_server, "branch")
    phone.goto(f"{live_server.url}/volunteers/work/activities/{item.pk}/")
    code = phone.locator(".signin-code .code").inner_text().strip()
    as_user(phone, live_server, "member")
    phone.goto(f"{live_server.url}/volunteers/work/activities/{item.pk}/")
    phone.fill("#id_code", code)
    phone.click("form.code-form button[type=submit]")
    assert "签到成功" in phone.locator(".messages").inner_text()

    # Two hours and a quarter later (every stored time moved back by as much) the organiser confirms the hours:
    # from the start (the member came early) to the end.
    later = datetime.timedelta(hours=2, minutes=15)
    Activity.objects.filter(pk=item.pk).update(starts=F("starts") - later, ends=F("ends") - later)
    SignUp.objects.update(signed_in_at=F("signed_in_at") - later)
    as_user(phone, live_server, "branch")
    phone.goto(f"{live_server.url}/volunteers/work/activities/{item.pk}/")
    phone.click("form.confirm-form button[type=submit]")
    assert "已确认2.0小时" in phone.locator(".roster").inner_text()
    assert fits(phone)

    # The member prints the certificate from their own page.
    as_user(phone, live_server, "member")
    phone.goto(f"{live_server.url}/volunteers/work/my-activities/")
    phone.click("text=打印我的志愿服务记录证明")
    phone.wait_for_url(re.compile(r"/volunteers/work/certificates/\d+/$"))
    certificate = Certificate.objects.get()
    text = phone.locator("main").inner_text()
    assert certificate.number in text
    assert "关爱空巢老人上门服务" in text
    assert fits(phone)
