"""The figures the article reports, computed from the portal's own records (never typed in).

Only community-wide counts: no figure here identifies a person or a household.
"""

from django.core.cache import cache
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grid.models import AssistancePair, Dispute, GridNode, Household, ServiceRecord, Visit
from partners.models import CommitteeMember, Unit
from requests.lifecycle.models import Request
from volunteers.models import Team

CACHE_SECONDS = 300


def figures(today=None):
    """[(label, value, what the 2025 article reported)], cached for a few minutes: the counts scan big tables."""
    today = today or timezone.localdate()
    key = f"stats:{today.isoformat()}"
    rows = cache.get(key)
    if rows is None:
        rows = _compute(today)
        cache.set(key, rows, CACHE_SECONDS)
    return rows


def _compute(today):
    year = today.year
    units = Unit.objects.filter(active=True).aggregate(
        co_building=Count("pk", filter=Q(kind=Unit.Kind.CO_BUILDING)),
        two_new=Count("pk", filter=~Q(kind=Unit.Kind.CO_BUILDING)),
    )
    nodes = GridNode.objects.aggregate(
        total=Count("pk", filter=Q(kind=GridNode.Kind.TOTAL_GRID)),
        grids=Count("pk", filter=Q(kind=GridNode.Kind.GRID)),
        micro=Count("pk", filter=Q(kind=GridNode.Kind.MICRO_GRID)),
    )
    requests = Request.objects.aggregate(
        received=Count("pk", filter=Q(ordered_at__year=year)),
        fulfilled=Count("pk", filter=Q(closed_at__year=year,
                                       state__in=[Request.State.CLOSED, Request.State.PUBLICISED])),
        rated=Count("pk", filter=Q(rated_at__year=year)),
        pleased=Count("pk", filter=Q(rated_at__year=year,
                                     rating__in=[Request.Rating.SATISFIED, Request.Rating.BASICALLY])),
    )
    vulnerable = Household.objects.filter(tags__isnull=False).distinct()
    visited = Visit.objects.filter(visited_on__year=year, household__in=vulnerable)
    satisfaction = f"{100 * requests['pleased'] // requests['rated']}%" if requests["rated"] else "—"
    return [
        (_("Co-building units / “two new” organisations"), f"{units['co_building']} / {units['two_new']}", "14 / 6"),
        (_("Total grid / grids / micro-grids"), f"{nodes['total']} / {nodes['grids']} / {nodes['micro']}",
         "1 / 27 / 247"),
        (_("Volunteer teams"), Team.objects.count(), "7"),
        (_("Part-time committee members of the joint meeting"), CommitteeMember.objects.filter(active=True).count(),
         "6"),
        (_("Disputes resolved within the community this year"), Dispute.objects.resolved_in_community(year).count(),
         "26"),
        (_("Staff–special-group assistance pairs"), AssistancePair.objects.filter(active=True).count(), "100"),
        (_("Doorstep services this year"),
         ServiceRecord.objects.filter(way=ServiceRecord.Way.DOORSTEP, done_on__year=year).count(), "37"),
        (_("Residents' requests received this year"), requests["received"], "—"),
        (_("Residents' requests fulfilled this year"), requests["fulfilled"], "15"),
        (_("Requests overdue now"), Request.objects.overdue().count(), "—"),
        (_("Residents satisfied with the result (this year)"), satisfaction, "—"),
        (_("Special-group households visited this year"), visited.values("household").distinct().count(), "48 + 2"),
        (_("Special-group households on the rosters"), vulnerable.count(), "—"),
    ]
