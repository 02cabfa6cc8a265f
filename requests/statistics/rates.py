"""The three rates (三率): response, resolution and satisfaction, per community, grid and unit.

Definitions (also written on the rates page, DEFINITIONS):
- response rate (响应率): of the requests whose response limit (the category's working days after ordering)
  ended in the period and is past, those dispatched or first acted on (any staff transition) by that limit;
- resolution rate (解决率): of the requests whose deadline fell in the period and is past (invalid ones left
  out), those closed by the deadline and still closed;
- satisfaction rate (满意率): of the ratings given in the period, 满意 + 基本满意; requests closed in the period
  and not rated are counted beside it, not in it.
A denominator under MIN_SAMPLE shows "sample too small" instead of a percentage.

The public and the Open311 API read these functions; a request is grouped by the grid of its micro-grid and
by the unit it is with now (after a return and a new dispatch, the last unit answers for it).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from django.db.models import Count, F, Min, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nanjie import workdays
from requests.lifecycle.models import Request, Transition

MIN_SAMPLE = 10
# A response limit is at most 30 working days: with the Spring Festival that is under 60 calendar days.
RESPONSE_LOOKBACK = datetime.timedelta(days=60)
S = Request.State

DEFINITIONS = {
    "response": _("Requests dispatched, or first acted on by staff, within their category's response limit "
                  "(working days after they were made) ÷ requests whose response limit ended in the period."),
    "resolution": _("Requests closed by their deadline (working days) ÷ requests whose deadline fell in the "
                    "period and has passed; requests found invalid are left out."),
    "satisfaction": _("Ratings “satisfied” and “basically satisfied” ÷ ratings given in the period; requests "
                      "closed in the period and not rated are shown separately."),
}


@dataclass(frozen=True)
class Rate:
    numerator: int
    denominator: int

    @property
    def too_small(self):
        return self.denominator < MIN_SAMPLE

    @property
    def percent(self):
        """A whole percentage, or None when the sample is too small to say."""
        return None if self.too_small else round(100 * self.numerator / self.denominator)

    def __add__(self, other):
        return Rate(self.numerator + other.numerator, self.denominator + other.denominator)


NO_RATE = Rate(0, 0)


@dataclass(frozen=True)
class Rates:
    response: Rate = NO_RATE
    resolution: Rate = NO_RATE
    satisfaction: Rate = NO_RATE
    unrated: int = 0


@lru_cache(maxsize=4096)
def _due(day, limit):
    # The same moment as Request.response_due (transitions.response_due): end of the limit-th working day.
    return workdays.end_of_workday(timezone.make_aware(datetime.datetime.combine(day, datetime.time(12))), limit)


GROUPS = {"community": None, "grid": "micro_grid__parent_id", "unit": "unit_id"}


def _first_action():
    """When staff first moved the request on (the ordering row and the resident's ratings are not actions)."""
    return Subquery(Transition.objects.filter(request=OuterRef("pk")).exclude(old_state="")
                    .exclude(old_state=F("new_state")).order_by().values("request")
                    .annotate(first=Min("at")).values("first")[:1])


def response(requests, period, by=None, now=None):
    """{group key: Rate} of the response rate (by: None, "grid" or "unit"; the community's key is None)."""
    now = now or timezone.now()
    start, end = period.moments()
    candidates = (requests.filter(ordered_at__gte=start - RESPONSE_LOOKBACK, ordered_at__lt=min(end, now))
                  .annotate(first_action=_first_action())
                  .values("ordered_at", "first_action", "category__response_workdays",
                          *([GROUPS[by]] if by else [])))
    counts = defaultdict(lambda: [0, 0])
    for row in candidates:
        due = _due(timezone.localtime(row["ordered_at"]).date(), row["category__response_workdays"])
        if not (start <= due < end and due <= now):
            continue
        key = row[GROUPS[by]] if by else None
        counts[key][1] += 1
        counts[key][0] += row["first_action"] is not None and row["first_action"] <= due
    return {key: Rate(*pair) for key, pair in counts.items()}


def resolution(requests, period, by=None, now=None):
    now = now or timezone.now()
    start, end = period.moments()
    due = requests.exclude(state=S.INVALID).filter(deadline__gte=start, deadline__lt=min(end, now))
    done = Q(state__in=[S.CLOSED, S.PUBLICISED], closed_at__lte=F("deadline"))
    return _grouped(due, by, numerator=Count("pk", filter=done), denominator=Count("pk"))


def satisfaction(requests, period, by=None):
    rated = requests.filter(**period.moment_range("rated_at")).exclude(rating="")
    pleased = Q(rating__in=[Request.Rating.SATISFIED, Request.Rating.BASICALLY])
    return _grouped(rated, by, numerator=Count("pk", filter=pleased), denominator=Count("pk"))


def unrated(requests, period, by=None):
    closed = requests.filter(state__in=[S.CLOSED, S.PUBLICISED], rating="", **period.moment_range("closed_at"))
    return {key: rate.denominator for key, rate in _grouped(closed, by, numerator=Count("pk"),
                                                            denominator=Count("pk")).items()}


def _grouped(requests, by, **counts):
    field = GROUPS[by] if by else None
    if field is None:
        totals = requests.aggregate(**counts)
        return {None: Rate(totals["numerator"], totals["denominator"])} if totals["denominator"] else {}
    rows = requests.order_by().values(field).annotate(**counts)
    return {row[field]: Rate(row["numerator"], row["denominator"]) for row in rows}


def rates(requests, period, by=None, now=None):
    """{group key: Rates}: the three rates of `requests` (already scoped) in the period, grouped `by`."""
    parts = {"response": response(requests, period, by, now), "resolution": resolution(requests, period, by, now),
             "satisfaction": satisfaction(requests, period, by)}
    missing = unrated(requests, period, by)
    keys = set(missing).union(*parts.values())
    return {key: Rates(**{name: part.get(key, NO_RATE) for name, part in parts.items()},
                       unrated=missing.get(key, 0)) for key in keys}


def community_rates(period, now=None):
    """The community's three rates: every request (the public page, the monthly report, Open311)."""
    return rates(Request.objects.all(), period, now=now).get(None, Rates())
