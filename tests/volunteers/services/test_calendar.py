"""The .ics feeds, read back by an independent parser (vobject, not the icalendar library that wrote them) and by a
strict check of RFC 5545's required properties: CRLF lines of at most 75 octets, VERSION and PRODID once, every
VEVENT with UID and DTSTAMP (UTC), DTSTART/DTEND with TZID=Asia/Shanghai and a VTIMEZONE of that TZID."""

import datetime
import re

import pytest
import vobject
from django.urls import reverse
from django.utils import timezone

from tests.volunteers.factories import make_position, make_rule, make_station
from volunteers.models import Booking, ServiceRule

pytestmark = pytest.mark.django_db
T = datetime.time


@pytest.fixture
def position(tree):
    position = make_position(name="司法行政服务站", location="党群服务中心一楼")
    make_rule(position, weekday=timezone.localdate().weekday(), starts_on=timezone.localdate())
    ServiceRule.objects.schedule_through()
    return position


def feed(client, url):
    response = client.get(url)
    assert response["Content-Type"].startswith("text/calendar")
    return response.content


def unfolded(raw):
    """RFC 5545 §3.1: lines end in CRLF and fold at 75 octets with CRLF + one space."""
    lines = raw.split(b"\r\n")
    assert lines[-1] == b"", "lines must be CRLF, at most 75 octets"
    assert all(len(line) <= 75 for line in lines), "lines must be CRLF, at most 75 octets"
    text = raw.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "")
    return [line for line in text.split("\r\n") if line]


def components(lines):
    """(name, {property name: [line]}) of every component, checking BEGIN/END nest."""
    stack, found = [], []
    for line in lines:
        name, _sep, value = line.partition(":")
        key = name.split(";")[0].upper()
        if key == "BEGIN":
            stack.append((value, {}))
        elif key == "END":
            assert stack, f"END:{value} closes {stack[-1][0] if stack else 'nothing'}"
            assert stack[-1][0] == value, f"END:{value} closes {stack[-1][0] if stack else 'nothing'}"
            found.append(stack.pop())
        else:
            stack[-1][1].setdefault(key, []).append(line)
    assert stack == []
    return found


def test_the_position_feed_reads_back_with_vobject(client, position):
    calendar = vobject.readOne(feed(client, reverse("volunteers:position_calendar", args=[position.pk])).decode())
    event = calendar.vevent_list[0]
    assert (event.summary.value, event.dtstart.params["X-VOBJ-ORIGINAL-TZID"]) == ("律师坐班 · 司法行政服务站",
                                                                                   ["Asia/Shanghai"])


def test_the_event_starts_at_the_sessions_local_time(client, position):
    calendar = vobject.readOne(feed(client, reverse("volunteers:position_calendar", args=[position.pk])).decode())
    start = calendar.vevent_list[0].dtstart.value
    assert (start.hour, start.minute, start.utcoffset()) == (9, 0, datetime.timedelta(hours=8))


def test_the_feed_has_every_property_rfc_5545_requires(client, position):
    found = components(unfolded(feed(client, reverse("volunteers:position_calendar", args=[position.pk]))))
    calendar = next(props for name, props in found if name == "VCALENDAR")
    zones = [props for name, props in found if name == "VTIMEZONE"]
    events = [props for name, props in found if name == "VEVENT"]
    assert (len(calendar["VERSION"]), calendar["VERSION"][0], len(calendar["PRODID"])) == (1, "VERSION:2.0", 1)
    assert [zone["TZID"] for zone in zones] == [["TZID:Asia/Shanghai"]]
    for event in events:
        assert len(event["UID"]) == len(event["DTSTAMP"]) == 1
        assert re.fullmatch(r"DTSTAMP:\d{8}T\d{6}Z", event["DTSTAMP"][0])
        assert re.fullmatch(r"DTSTART;TZID=Asia/Shanghai:\d{8}T\d{6}", event["DTSTART"][0])
        assert re.fullmatch(r"DTEND;TZID=Asia/Shanghai:\d{8}T\d{6}", event["DTEND"][0])


def test_each_session_has_its_own_stable_uid(client, position):
    url = reverse("volunteers:position_calendar", args=[position.pk])
    first = [event.uid.value for event in vobject.readOne(feed(client, url).decode()).vevent_list]
    again = [event.uid.value for event in vobject.readOne(feed(client, url).decode()).vevent_list]
    assert first == again
    assert len(set(first)) == len(first)


def test_a_cancelled_session_is_cancelled_in_the_feed(client, position, branch):
    session = position.rules.get().sessions.order_by("on").first()
    session.cancel("律师出庭", by=branch)
    calendar = vobject.readOne(feed(client, reverse("volunteers:position_calendar", args=[position.pk])).decode())
    statuses = {event.uid.value: event.status.value for event in calendar.vevent_list}
    assert statuses[f"service-session-{session.pk}@testserver"] == "CANCELLED"


def test_a_session_in_a_year_the_calendar_does_not_know_is_tentative(client, tree):
    position = make_position()
    make_rule(position, weekday=4, starts_on=datetime.date(2027, 1, 1), ends_on=datetime.date(2027, 1, 31))
    position.rules.get().schedule_through(datetime.date(2027, 1, 31))
    calendar = vobject.readOne(feed(client, reverse("volunteers:position_calendar", args=[position.pk])).decode())
    assert {event.status.value for event in calendar.vevent_list} == {"TENTATIVE"}


def test_a_feed_without_sessions_is_still_a_valid_calendar(client, tree):
    calendar = vobject.readOne(feed(client, reverse("volunteers:position_calendar", args=[make_position().pk]))
                               .decode())
    assert calendar.vtimezone.tzid.value == "Asia/Shanghai"
    assert not hasattr(calendar, "vevent_list")


def test_the_community_feed_lists_every_positions_sessions(client, position):
    make_rule(make_station(name="栋川花园红色驿站"), weekday=timezone.localdate().weekday(),
              starts_on=timezone.localdate(), title="社区义诊")
    calendar = vobject.readOne(feed(client, reverse("volunteers:calendar")).decode())
    assert {event.summary.value.split(" · ")[0] for event in calendar.vevent_list} == {"律师坐班", "社区义诊"}


def test_no_residents_name_or_phone_is_in_a_feed(client, position):
    # Booked the moment the day's first session opened, whatever the hour the suite runs at (booking refuses a
    # session that is over).
    session = position.rules.get().sessions.order_by("on").first()
    Booking.book(session, T(9), name="欧阳春华", phone="13900009999",
                 now=session.starts() - datetime.timedelta(hours=1))
    body = feed(client, reverse("volunteers:calendar")).decode()
    assert "欧阳" not in body
    assert "13900009999" not in body


def test_a_feed_takes_the_same_number_of_queries_at_any_size(client, position, django_assert_num_queries):
    url = reverse("volunteers:calendar")
    client.get(url)
    with django_assert_num_queries(3):  # the lagging rules, the community, the sessions with all they show
        client.get(url)
    for number in range(5):
        make_rule(make_station(name=f"驿站{number}"), weekday=timezone.localdate().weekday(),
                  starts_on=timezone.localdate(), title=f"义诊{number}")
    client.get(url)
    with django_assert_num_queries(3):
        client.get(url)


def test_an_unknown_position_has_no_feed(client, tree):
    assert client.get(reverse("volunteers:position_calendar", args=[999])).status_code == 404
