"""Booking a slot without an account: the resident's name masked, the phone private, a token to cancel with."""

import datetime
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from nanjie import throttle
from nanjie.masking import mask_name
from tests.factories import make_unit_member
from tests.volunteers.factories import make_position, make_rule, make_station, session_on
from volunteers.models import Booking

pytestmark = pytest.mark.django_db
T = datetime.time
NAME, PHONE = "欧阳春华", "13900009999"


@pytest.fixture
def session(tree):
    """Next week's session, 09:00–10:00 in three 20-minute slots."""
    day = timezone.localdate() + datetime.timedelta(days=7)
    rule = make_rule(make_position(name="司法行政服务站"), weekday=day.weekday(), starts_on=timezone.localdate())
    return session_on(rule, day)


def post(client, session, **fields):
    data = {"slot": "09:00", "resident_name": NAME, "resident_phone": PHONE, "topic": "",
            "submission": str(uuid.uuid4())}
    return client.post(reverse("volunteers:book", args=[session.pk]), {**data, **fields})


def test_a_resident_books_a_slot_and_lands_on_their_bookings_page(client, session):
    response = post(client, session)
    booking = Booking.objects.get()
    assert response["Location"] == reverse("volunteers:booking", args=[booking.token]) + "?new=1"


def test_the_booking_page_shows_the_name_masked_and_no_phone(client, session):
    post(client, session)
    body = client.get(reverse("volunteers:booking", args=[Booking.objects.get().token])).content.decode()
    assert mask_name(NAME) in body
    assert NAME not in body
    assert PHONE not in body


def test_the_booking_records_a_booked_event(client, session):
    post(client, session)
    assert list(Booking.objects.get().events.values_list("event", flat=True)) == ["booked"]


def test_the_same_form_sent_twice_books_one_slot(client, session):
    key = str(uuid.uuid4())
    post(client, session, submission=key)
    post(client, session, submission=key)
    assert Booking.objects.count() == 1


def test_a_taken_slot_is_refused_with_a_message_and_nothing_saved(client, session):
    post(client, session)
    response = post(client, session, resident_name="王秀英", resident_phone="13800001112")
    assert (response.status_code, Booking.objects.count()) == (400, 1)
    assert "刚刚被别人预约了" in response.content.decode()


def test_a_full_session_is_refused(session):
    for slot in session.slot_times():
        Booking.book(session, slot, name=NAME, phone=PHONE)
    with pytest.raises(ValidationError) as refused:
        Booking.book(session, T(9), name="王秀英", phone="13800001112")
    assert refused.value.code == "full"


def test_a_past_slot_is_refused(session):
    late = timezone.make_aware(datetime.datetime.combine(session.on, T(9, 30)))
    with pytest.raises(ValidationError) as refused:
        Booking.book(session, T(9, 20), name=NAME, phone=PHONE, now=late)
    assert refused.value.code == "past"


def test_a_time_that_is_not_a_slot_is_refused(session):
    with pytest.raises(ValidationError) as refused:
        Booking.book(session, T(9, 5), name=NAME, phone=PHONE)
    assert refused.value.code == "no_such_slot"


def test_a_cancelled_session_takes_no_booking(session, branch):
    session.cancel("律师出庭", by=branch)
    with pytest.raises(ValidationError) as refused:
        Booking.book(session, T(9), name=NAME, phone=PHONE)
    assert refused.value.code == "cancelled"


def test_a_service_without_slots_takes_no_booking(tree):
    day = timezone.localdate() + datetime.timedelta(days=7)
    session = session_on(make_rule(make_position(), weekday=day.weekday(), slot_minutes=None,
                                   starts_on=timezone.localdate()), day)
    with pytest.raises(ValidationError) as refused:
        Booking.book(session, T(9), name=NAME, phone=PHONE)
    assert refused.value.code == "not_bookable"


def test_a_phone_is_required_and_checked(client, session):
    response = post(client, session, resident_phone="12345")
    assert (response.status_code, Booking.objects.count()) == (400, 0)


def test_the_resident_cancels_with_the_token_and_the_slot_is_free_again(client, session):
    post(client, session)
    booking = Booking.objects.get()
    client.post(reverse("volunteers:booking_cancel", args=[booking.token]))
    assert post(client, session, resident_name="王秀英").status_code == 302


def test_cancelling_twice_says_it_was_already_cancelled(client, session):
    post(client, session)
    booking = Booking.objects.get()
    client.post(reverse("volunteers:booking_cancel", args=[booking.token]))
    response = client.post(reverse("volunteers:booking_cancel", args=[booking.token]), follow=True)
    assert "已经取消" in response.content.decode()


def test_a_booking_whose_time_has_passed_cannot_be_cancelled(session):
    booking = Booking.book(session, T(9), name=NAME, phone=PHONE)
    with pytest.raises(ValidationError) as refused:
        booking.cancel(now=booking.slot_starts() + datetime.timedelta(minutes=1))
    assert refused.value.code == "past"


def test_a_get_on_cancel_is_405(client, session):
    booking = Booking.book(session, T(9), name=NAME, phone=PHONE)
    assert client.get(reverse("volunteers:booking_cancel", args=[booking.token])).status_code == 405


def test_a_wrong_token_is_a_404(client, tree):
    assert client.get(reverse("volunteers:booking", args=["x" * 43])).status_code == 404


def test_too_many_wrong_tokens_from_one_address_are_throttled(client, tree):
    for _ in range(throttle.LIMITS["booking-miss"][0]):
        client.get(reverse("volunteers:booking", args=["x" * 43]))
    assert client.get(reverse("volunteers:booking", args=["y" * 43])).status_code == 429


def test_too_many_bookings_from_one_address_are_throttled_like_the_wish_form(client, session):
    limit = throttle.LIMITS["booking"][0]
    for _number in range(limit):
        Booking.objects.all().delete()
        post(client, session, slot="09:00")
    response = post(client, session, slot="09:40")
    assert (response.status_code, "Retry-After" in response) == (429, True)


def test_staff_book_for_a_resident_without_the_throttle(client, session, branch):
    client.force_login(branch)
    for _ in range(throttle.LIMITS["booking"][0]):
        Booking.objects.all().delete()
        post(client, session)
    assert post(client, session, slot="09:40").status_code == 302


# --- staff cancel a booking for a resident who phoned ----------------------------------------------------------

@pytest.fixture
def station_booking(tree):
    day = timezone.localdate() + datetime.timedelta(days=7)
    rule = make_rule(make_station("NJ-02-01"), weekday=day.weekday(), starts_on=timezone.localdate())
    return Booking.book(session_on(rule, day), T(9), name=NAME, phone=PHONE)


def test_the_branch_cancels_a_booking_for_the_resident(client, station_booking, branch):
    client.force_login(branch)
    client.post(reverse("volunteers:booking_staff_cancel", args=[station_booking.pk]))
    station_booking.refresh_from_db()
    assert (station_booking.cancelled_by, station_booking.events.last().by) == (branch, branch)


def test_a_worker_of_another_grid_gets_a_404(client, station_booking, worker):
    client.force_login(worker)
    assert client.post(reverse("volunteers:booking_staff_cancel", args=[station_booking.pk])).status_code == 404


def test_a_member_of_the_station_host_who_may_only_look_gets_a_403(client, station_booking):
    host = station_booking.session.rule.unit
    member = make_unit_member(host, "host_member")
    member.groups.clear()
    from django.contrib.auth.models import Permission

    member.user_permissions.add(Permission.objects.get(codename="view_booking"))
    client.force_login(member)
    assert client.post(reverse("volunteers:booking_staff_cancel", args=[station_booking.pk])).status_code == 403


def test_a_get_on_staff_cancel_is_405(client, station_booking, branch):
    client.force_login(branch)
    assert client.get(reverse("volunteers:booking_staff_cancel", args=[station_booking.pk])).status_code == 405
