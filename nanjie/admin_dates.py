"""An admin changelist's date hierarchy given a date no calendar holds gets the changelist's own answer, not a 500.

Django reads ?<field>__year=&__month=&__day= with int() and datetime(): a ValueError there (year=abc, month=13)
is its "invalid lookup" answer, back to the list with ?e=1. But a year too large for datetime is an
OverflowError, and a year at the calendar's edge (9999, 1) overflows when Django computes the end of the range
or moves it to UTC: 500s. This middleware gives them the same ?e=1 answer, for every ModelAdmin at once.
"""

from datetime import MAXYEAR, MINYEAR, datetime

from django.contrib.admin.views.main import ERROR_FLAG
from django.http import HttpResponseRedirect


def _is_out_of_calendar(query, field):
    year = query.getlist(f"{field}__year")
    if not year:
        return False  # Django reads month and day only with a year
    month, day = query.getlist(f"{field}__month"), query.getlist(f"{field}__day")
    try:
        start = datetime(int(year[-1]), int(month[-1]) if month else 1, int(day[-1]) if day else 1)
    except ValueError:
        return False  # Django's own answer
    except OverflowError:
        return True
    # The range is [start, start + a year or less): its end, and its start in UTC, must stay in the calendar.
    # (Year 1 is refused for a DateField too, where it would work: no record of ours is from year 1.)
    return not MINYEAR < start.year < MAXYEAR


class AdminDateHierarchyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # ModelAdmin.get_urls marks each of its views with the ModelAdmin they belong to.
        field = getattr(getattr(view_func, "model_admin", None), "date_hierarchy", None)
        if not field or not (request.resolver_match.url_name or "").endswith("_changelist"):  # some have no name
            return None
        if _is_out_of_calendar(request.GET, field):
            return HttpResponseRedirect(f"{request.path}?{ERROR_FLAG}=1")  # what ChangeList does for year=abc
        return None
