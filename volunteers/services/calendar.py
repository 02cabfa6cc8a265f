"""The iCalendar feeds (RFC 5545) of the fixed-day services: one per position and one for the community, built
with the icalendar library, for a phone calendar to subscribe to.

Every session is a VEVENT with a stable UID (its id, so a calendar updates it in place when it moves or is
cancelled), DTSTAMP in UTC, DTSTART/DTEND in Asia/Shanghai with the matching VTIMEZONE, SUMMARY, LOCATION,
DESCRIPTION, URL and STATUS (CANCELLED; TENTATIVE in a year whose holiday calendar is not published yet).
Nothing about residents is in it: no bookings, no names.
"""

import datetime
import zoneinfo
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone

from nanjie.paper import public_url
from volunteers.sessions.models import Session

FEED_DAYS_BACK = 30  # a subscriber keeps the last month's sessions as they were


def _host(request):
    return urlsplit(public_url(request, "/")).hostname or "nanjie-grid"


def _event(request, session, zone, stamp, host):
    rule, position = session.rule, session.rule.position
    event = Event()
    event.add("uid", f"service-session-{session.pk}@{host}")
    event.add("dtstamp", stamp)
    event.add("dtstart", datetime.datetime.combine(session.on, session.starts_at, tzinfo=zone))
    event.add("dtend", datetime.datetime.combine(session.on, session.ends_at, tzinfo=zone))
    event.add("summary", f"{rule.title} · {position.name}")
    event.add("location", "，".join(part for part in (position.name, position.location, rule.place) if part))
    lines = [rule.get_kind_display(), _("Provided by: %(provider)s") % {"provider": rule.provider}]
    if session.moved_from:
        lines.append(_("Moved from %(day)s (public holiday)") % {"day": session.moved_from.isoformat()})
    if session.provisional:
        lines.append(_("Provisional: the holiday calendar of this year is not published yet."))
    if session.state == Session.State.CANCELLED:
        lines.append(_("Cancelled: %(reason)s") % {"reason": session.cancel_reason})
    if rule.note:
        lines.append(rule.note)
    event.add("description", "\n".join(str(line) for line in lines))
    event.add("url", public_url(request, reverse("volunteers:position", args=[position.pk])))
    if session.state == Session.State.CANCELLED:
        event.add("status", "CANCELLED")
    else:
        event.add("status", "TENTATIVE" if session.provisional else "CONFIRMED")
    return event


def feed(request, sessions, name):
    """The .ics answer for these sessions (a queryset with rule, position and provider selected)."""
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    calendar = Calendar()
    calendar.add("prodid", "-//Nanjie Grid//Service positions//ZH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    # The VTIMEZONE of the TZID every event uses, also in a feed with no session yet (RFC 5545 wants at least
    # one component in a calendar).
    calendar.add_component(Timezone.from_tzid(settings.TIME_ZONE))
    stamp, host = timezone.now().astimezone(datetime.UTC), _host(request)
    for session in sessions:
        calendar.add_component(_event(request, session, zone, stamp, host))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="nanjie-services.ics"'
    response["Cache-Control"] = "public, max-age=900"
    return response


def feed_window(sessions):
    start = timezone.localdate() - datetime.timedelta(days=FEED_DAYS_BACK)
    return sessions.filter(on__gte=start, rule__active=True).select_related(
        "rule__position", "rule__unit", "rule__team").order_by("on", "starts_at", "pk")
