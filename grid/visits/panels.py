"""The /me/ panel of visits: coverage of the worker's micro-grids this month, and who has waited longest."""

import datetime

from django.utils import timezone

from grid.households.models import Household, stale_days
from grid.visits import coverage

STALE_SHOWN = 5


def _stale(households):
    limit = timezone.localdate() - datetime.timedelta(days=stale_days())
    oldest = households.select_related("micro_grid").stale_first()[:STALE_SHOWN]
    return [h for h in oldest if h.last_visit is None or h.last_visit < limit]


def coverage_panel(request):
    user = request.user
    if not user.has_perm("grid.view_household"):
        return None
    own = coverage.own_micro_grids(user)
    micro = coverage.by_micro_grid(user, own if own.exists() else None)
    if not micro:
        return None
    scope = Household.objects.visible_to(user).filter(micro_grid__in=[c.node.pk for c in micro])
    return {"template": "grid/visits/_panel_coverage.html", "total": coverage.total(micro),
            "micro": micro if len(micro) <= 12 else [], "stale_days": stale_days(), "stale": _stale(scope),
            "month": coverage.month_start()}
