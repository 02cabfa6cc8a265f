"""The community's structure as the article reports it (units, grids, teams, the joint meeting), counted from
the rosters. The figures of a period (disputes, services, visits, requests…) are the registered ones
(nanjie/figures.py, requests/statistics/board.py).

Only community-wide counts: no figure here identifies a person or a household.
"""

from django.core.cache import cache
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from grid.models import GridNode
from nanjie.community import current_code
from partners.models import CommitteeMember, Unit
from volunteers.models import Team

CACHE_SECONDS = 300  # by time: a roster change shows within five minutes


def structure():
    """[(label, value, what the 2025 article reported)]."""
    key = f"stats:structure:{current_code()}"
    rows = cache.get(key)
    if rows is None:
        rows = _compute()
        cache.set(key, rows, CACHE_SECONDS)
    return rows


def _compute():
    units = Unit.objects.filter(active=True).aggregate(
        co_building=Count("pk", filter=Q(kind=Unit.Kind.CO_BUILDING)),
        two_new=Count("pk", filter=~Q(kind=Unit.Kind.CO_BUILDING)),
    )
    nodes = GridNode.objects.of_community().aggregate(
        total=Count("pk", filter=Q(kind=GridNode.Kind.TOTAL_GRID)),
        grids=Count("pk", filter=Q(kind=GridNode.Kind.GRID)),
        micro=Count("pk", filter=Q(kind=GridNode.Kind.MICRO_GRID)),
    )
    return [
        (_("Co-building units / “two new” organisations"), f"{units['co_building']} / {units['two_new']}", "14 / 6"),
        (_("Total grid / grids / micro-grids"), f"{nodes['total']} / {nodes['grids']} / {nodes['micro']}",
         "1 / 27 / 247"),
        (_("Volunteer teams"), Team.objects.count(), "7"),
        (_("Part-time committee members of the joint meeting"), CommitteeMember.objects.filter(active=True).count(),
         "6"),
    ]
