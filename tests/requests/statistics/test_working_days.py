"""Deadlines and response limits in Chinese working days, shown on the request, and the escalation on /me/."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from nanjie import workdays
from requests.lifecycle.transitions import default_deadline, response_due
from requests.models import Request
from tests.requests.staff_world import S, bring_to, fast_passwords, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def local(moment):
    return timezone.localtime(moment).replace(tzinfo=None)


def at(month, day, hour=10):
    return timezone.make_aware(datetime.datetime(2026, month, day, hour))


@pytest.fixture
def w():
    return world()


def test_a_deadline_skips_national_day_and_counts_the_make_up_saturday(w):
    w.category.default_deadline_days = 3
    # From Wed 30 Sep: Thu 8, Fri 9 and the make-up Saturday 10 Oct.
    assert local(default_deadline(w.category, at(9, 30))) == datetime.datetime(2026, 10, 10, 23, 59, 59)


def test_a_response_limit_starting_on_a_holiday_counts_from_the_next_working_day(w):
    w.category.response_workdays = 2
    # Ordered on the Mid-autumn holiday (Fri 25 Sep): Mon 28 and Tue 29 Sep.
    assert local(response_due(w.category, at(9, 25))) == datetime.datetime(2026, 9, 29, 23, 59, 59)


def test_dispatch_sets_a_working_day_deadline(w):
    wish = bring_to(w, S.ORDERED)
    wish.dispatch(w.hospital, by=w.chairman, at=at(9, 30))
    assert local(wish.deadline).date() == workdays.add_workdays(datetime.date(2026, 9, 30), 7)


def test_the_request_page_shows_the_response_limit_and_the_working_days_left(w, client):
    wish = bring_to(w, S.DISPATCHED)
    client.force_login(w.chairman)
    page = client.get(reverse("requests:detail", args=[wish.reference])).content.decode()
    assert "响应期限" in page
    assert f"还剩 {wish.workdays_left} 个工作日" in page


def test_the_request_page_says_by_how_many_working_days_it_is_overdue(w, client):
    wish = bring_to(w, S.DISPATCHED)
    deadline_day = workdays.subtract_workdays(workdays.previous_workday(timezone.localdate()), 2)
    Request.objects.filter(pk=wish.pk).update(deadline=timezone.make_aware(
        datetime.datetime.combine(deadline_day, datetime.time(23, 59, 59))))
    client.force_login(w.chairman)
    page = client.get(reverse("requests:detail", args=[wish.reference])).content.decode()
    assert "已超期 2 个工作日" in page


def _late_by(wish, count):
    """Move the deadline so the request is exactly `count` working days overdue today."""
    day = workdays.previous_workday(timezone.localdate())
    if count > 1:
        day = workdays.subtract_workdays(day, count - 1)
    day = workdays.previous_workday(day - datetime.timedelta(days=1))
    Request.objects.filter(pk=wish.pk).update(
        deadline=timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 59, 59))))
    wish.refresh_from_db()
    return wish


def test_overdue_by_counts_working_days_not_calendar_days(w):
    wish = _late_by(bring_to(w, S.DISPATCHED), 3)
    assert (wish.overdue_workdays, list(Request.objects.overdue_by(3)), list(Request.objects.overdue_by(4))) \
        == (3, [wish], [])


def test_the_branch_sees_a_long_overdue_request_on_me(w, client, settings):
    settings.NANJIE_ESCALATE_WORKDAYS = 3
    wish = _late_by(bring_to(w, S.ACCEPTED), 3)
    client.force_login(w.branch)
    assert wish.reference in client.get(reverse("me")).content.decode().split("督办")[1]


def test_a_request_overdue_by_fewer_working_days_is_not_escalated(w, client, settings):
    settings.NANJIE_ESCALATE_WORKDAYS = 3
    _late_by(bring_to(w, S.ACCEPTED), 2)
    client.force_login(w.branch)
    assert "督办" not in client.get(reverse("me")).content.decode()


def test_a_grid_worker_gets_no_escalation_panel(w, client, settings):
    settings.NANJIE_ESCALATE_WORKDAYS = 1
    _late_by(bring_to(w, S.ACCEPTED), 3)
    client.force_login(w.worker1)
    assert "督办" not in client.get(reverse("me")).content.decode()
