"""Coverage: households visited this month / households, per micro-grid and per grid, in two queries."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from grid.households.models import Household, stale_days
from grid.territory.models import GridNode
from grid.visits.models import Visit


@dataclass
class Coverage:
    node: GridNode
    households: int = 0
    visited: int = 0
    stale: int = 0

    @property
    def month(self):
        return month_start()

    @property
    def percent(self):
        return round(100 * self.visited / self.households) if self.households else 0


def month_start(today=None):
    return (today or timezone.localdate()).replace(day=1)


def _visited_since(day):
    # Correlated, so it uses the (household, visited_on) index for the households in scope; an uncorrelated
    # IN (…) read every visit of every household in a county (300,000) on each staff home page.
    return Exists(Visit.objects.filter(household=OuterRef("pk"), visited_on__gte=day))


def _counts(households):
    today = timezone.localdate()
    since_stale = today - datetime.timedelta(days=stale_days())
    return {row["micro_grid"]: row for row in households.values("micro_grid").annotate(
        total=Count("pk"), visited=Count("pk", filter=Q(_visited_since(month_start(today)))),
        stale=Count("pk", filter=~Q(_visited_since(since_stale))))}


def by_micro_grid(user, micro_grids=None):
    """[Coverage] for each micro-grid of the user's working area (or the given ones), households in scope."""
    nodes = micro_grids if micro_grids is not None else (
        GridNode.objects.working_area(user).filter(kind=GridNode.Kind.MICRO_GRID))
    nodes = list(nodes.select_related("parent").order_by("code"))
    counts = _counts(Household.objects.visible_to(user).filter(micro_grid__in=[node.pk for node in nodes]))
    result = []
    for node in nodes:
        row = counts.get(node.pk, {})
        result.append(Coverage(node, row.get("total", 0), row.get("visited", 0), row.get("stale", 0)))
    return result


def by_grid(micro_coverage):
    grids = {}
    for item in micro_coverage:
        entry = grids.setdefault(item.node.parent_id, Coverage(item.node.parent))
        entry.households += item.households
        entry.visited += item.visited
        entry.stale += item.stale
    return list(grids.values())


def total(coverages):
    return Coverage(None, sum(c.households for c in coverages), sum(c.visited for c in coverages),
                    sum(c.stale for c in coverages))


def own_micro_grids(user):
    """The micro-grids a worker covers by their posts (empty for staff without such a post)."""
    return GridNode.objects.filter(worker_posts__person__user=user, kind=GridNode.Kind.MICRO_GRID).distinct()
