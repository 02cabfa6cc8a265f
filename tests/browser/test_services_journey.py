"""A resident on a 390-px phone finds the next free clinic near their micro-grid, books a slot, and later cancels
it with the address (token) of their booking; the slot is free again."""

import datetime
import re

import pytest
from django.utils import timezone

from grid.territory.models import GridNode
from tests.factories import make_tree
from tests.volunteers.factories import make_position, make_rule, make_station
from volunteers.models import Booking

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def weekly(position, title, kind, days, **fields):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return make_rule(position, title=title, kind=kind, weekday=day.weekday(), starts_on=timezone.localdate(),
                     starts_at=datetime.time(9), ends_at=datetime.time(10), **fields)


def test_a_resident_books_the_next_free_clinic_near_home_and_cancels_it(phone, live_server):
    make_tree(grids=2, micro_per_grid=2)
    GridNode.objects.filter(code="NJ-02-02").update(description="栋川花园3幢")
    weekly(make_station("NJ-01-01", name="南街小区红色驿站"), "中医义诊", "clinic", 1)
    weekly(make_station("NJ-02-02", name="栋川花园红色驿站"), "社区义诊", "clinic", 2)
    weekly(make_position(name="司法行政服务站"), "律师坐班", "legal", 1)

    # The resident opens the services page and finds their place by the name of their compound.
    phone.goto(f"{live_server.url}/volunteers/services/")
    phone.fill("#place-q", "栋川花园")
    phone.click(".place-finder button[type=submit]")
    phone.locator(".place-choice", has_text="栋川花园3幢").click()
    phone.wait_for_url(re.compile(r"near=NJ-02-02"))
    phone.locator(".kind-chips a", has_text="义诊").click()

    # Their own station's clinic is first, under "where you live", with free times.
    first = phone.locator(".session-card").first
    assert "社区义诊" in first.inner_text()
    assert "栋川花园红色驿站" in first.inner_text()
    first.locator("a.button").click()

    # They take the second time, give their name and phone, and book.
    phone.wait_for_url(re.compile(r"/book/$"))
    phone.locator(".choice", has_text="09:20–09:40").click()
    phone.fill("#id_resident_name", "李秀英")
    phone.fill("#id_resident_phone", "138 1234 5678")
    phone.click("form.booking-form button[type=submit]")
    phone.wait_for_url(re.compile(r"/volunteers/bookings/[\w-]+/\?new=1$"))
    page_text = phone.locator("main").inner_text()
    assert "预约成功" in page_text
    assert "李**" in page_text
    assert "13812345678" not in page_text
    booking = Booking.objects.get()
    assert (booking.slot_at, booking.resident_phone) == (datetime.time(9, 20), "13812345678")

    # Days later they open the address they kept and cancel.
    phone.goto(f"{live_server.url}/volunteers/bookings/{booking.token}/")
    phone.click("text=取消我的预约")
    phone.wait_for_url(re.compile(rf"/volunteers/bookings/{booking.token}/$"))
    assert "预约已取消" in phone.locator(".messages").inner_text()
    booking.refresh_from_db()
    assert booking.cancelled_at is not None

    # The time is free again on the services page: all three slots.
    phone.goto(f"{live_server.url}/volunteers/services/?near=NJ-02-02&kind=clinic")
    assert "还有3个空位" in phone.locator(".session-card").first.inner_text()
    # Nothing is wider than the phone.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
