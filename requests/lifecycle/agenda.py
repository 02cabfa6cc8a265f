"""The joint meeting's agenda proposes the overdue requests (registered in requests/apps.py: partners never
imports requests). Titles name the reference, category, micro-grid and unit, never the resident."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from partners.meeting.agenda import ProposedItem

PROPOSED_AT_MOST = 10  # the longest overdue; the rest are in the overdue queue


def overdue_requests(meeting):
    from requests.lifecycle.models import Request

    day_start = timezone.make_aware(datetime.datetime.combine(meeting.held_on, datetime.time.min))
    until = min(day_start, timezone.now())  # a meeting ahead proposes what is overdue now
    overdue = (Request.objects.overdue(now=until).select_related("category", "micro_grid", "unit")
               .order_by("deadline", "pk")[:PROPOSED_AT_MOST])
    for wish in overdue:
        yield ProposedItem(key=f"request:{wish.reference}", title=_(
            "Overdue request %(reference)s (%(category)s, %(grid)s, %(unit)s, due %(day)s)") % {
            "reference": wish.reference, "category": wish.category, "grid": wish.micro_grid.name,
            "unit": wish.unit, "day": timezone.localtime(wish.deadline).date().isoformat()},
            url=reverse("requests:detail", args=[wish.reference]))

