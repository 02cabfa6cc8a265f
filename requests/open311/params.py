"""The query of GET requests.[format], read and checked: every bad value is an Open311Error (400), never a 500.

"Optional" in the spec means an empty parameter is treated as absent. A parameter declared several times counts
as one comma-separated list (status=open&status=closed is status=open,closed).
"""

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from requests.open311.errors import Open311Error

WINDOW = datetime.timedelta(days=90)  # the spec's default span, and the longest one a query may ask for
CAP = 1000  # the spec's default limit: at most this many requests in one answer
MAX_IDS = CAP
STATUSES = ("open", "closed")
# The W3C note's complete date plus hours and minutes (seconds, fractions optional); the zone is required.
W3C_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})")


@dataclass
class RequestsQuery:
    ids: list
    service_codes: list
    statuses: list
    start: datetime.datetime
    end: datetime.datetime
    page: int
    page_size: int


def listed(query, name):
    """The comma-separated values of `name`, however many times it was given, blanks dropped."""
    return [value.strip() for raw in query.getlist(name) for value in raw.split(",") if value.strip()]


def w3c_datetime(query, name):
    raw = query.get(name, "").strip()
    if not raw:
        return None
    if W3C_DATETIME.fullmatch(raw):
        try:
            return datetime.datetime.fromisoformat(raw.replace("Z", "+00:00"))
        except ValueError:
            pass  # a month 13, a 30 February: as wrong as a bad format
    raise Open311Error(_("%(name)s must be a W3C datetime with its time zone, e.g. 2026-01-01T00:00:00+08:00.")
                       % {"name": name})


def window(start, end, now=None):
    """[start, end] in UTC as the spec has it: the 90 days up to now, or from/to the one date given; at most 90 days."""
    try:
        if start is None and end is None:
            end = now or timezone.now()
            start = end - WINDOW
        elif end is None:
            end = start + WINDOW
        elif start is None:
            start = end - WINDOW
        start, end = start.astimezone(datetime.UTC), end.astimezone(datetime.UTC)
    except OverflowError:
        raise Open311Error(_("start_date and end_date must lie between the years 1 and 9999.")) from None
    if start > end:
        raise Open311Error(_("start_date must not be after end_date."))
    if end - start > WINDOW:
        raise Open311Error(_("start_date and end_date may not span more than 90 days."))
    return start, end


def positive(query, name, default, largest):
    raw = query.get(name, "").strip()
    if not raw:
        return default
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= largest:
        raise Open311Error(_("%(name)s must be a whole number from 1 to %(largest)d.")
                           % {"name": name, "largest": largest})
    return int(raw)


def requests_query(query, known_codes):
    """The checked query; `known_codes` is the set of service codes (categories) that exist."""
    ids = listed(query, "service_request_id")
    if len(ids) > MAX_IDS:
        raise Open311Error(_("Ask for at most %(count)d service_request_id at once.") % {"count": MAX_IDS})
    if ids:  # the spec: "This overrides all other arguments."
        return RequestsQuery(ids=ids, service_codes=[], statuses=[], start=None, end=None, page=1, page_size=CAP)
    codes = listed(query, "service_code")
    unknown = sorted(set(codes) - set(known_codes))
    if unknown:
        raise Open311Error(_("Unknown service_code: %(codes)s.") % {"codes": ", ".join(unknown)[:200]})
    statuses = listed(query, "status")
    if any(status not in STATUSES for status in statuses):
        raise Open311Error(_("status must be open or closed (or both, comma separated)."))
    start, end = window(w3c_datetime(query, "start_date"), w3c_datetime(query, "end_date"))
    return RequestsQuery(ids=[], service_codes=codes, statuses=statuses, start=start, end=end,
                         page=positive(query, "page", 1, 10**6), page_size=positive(query, "page_size", CAP, CAP))
