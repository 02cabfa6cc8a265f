"""The statistics page's numbers: every registered figure for a period and scope, per grid and per month, and the
three rates per grid and unit.

Caching (honest, by time): the community-wide numbers (the public page, the CSV bundle, the monthly report and
everyone who sees every record) are kept CACHE_SECONDS in the cache (Redis in production), keyed by period and
grid; a new record shows there within five minutes, and each page says when its numbers were computed. Numbers
scoped to a login's own grids are computed on every request (they are small).
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from grid.models import GridNode
from nanjie.figures import Scope, figures
from requests.lifecycle.models import Request
from requests.statistics import rates as three_rates

CACHE_SECONDS = 300


def community_nodes():
    return tuple(GridNode.objects.of_community().values_list("pk", flat=True))


def grids():
    return list(GridNode.objects.of_community().filter(kind=GridNode.Kind.GRID).order_by("code"))


def grid_nodes(grid):
    return tuple(GridNode.objects.subtree_of([grid]).values_list("pk", flat=True))


def scope_for(user, grid=None):
    """The scope a page counts in: community-wide for visitors and see-all roles, else the login's own rows."""
    nodes = grid_nodes(grid) if grid else community_nodes()
    if user is None or not user.is_authenticated or user.has_perm("requests.view_all_requests"):
        return Scope(None, nodes)
    return Scope(user, nodes)


def _cached(name, scope, period, compute, extra=""):
    if scope.user is not None:
        return compute()
    key = f"stats:v1:{name}:{period.key}:{hash(scope.node_ids)}:{extra}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, CACHE_SECONDS)
    return found


@dataclass
class Board:
    """What the statistics page and the monthly report show, computed at `computed_at`."""

    period: object
    scope: object
    computed_at: object
    values: list  # [(figure, value)]
    per_grid: list  # [(grid, [value per figure])]
    per_month: list  # [(month, [value per figure with a date])]
    dated: list  # the figures per_month has columns for
    per_category: list  # [(category name, requests received)]


def board(period, scope):
    def compute():
        entries = list(figures)
        values = [(figure.name, figure.value(period, scope)) for figure in entries]
        return {"values": values, "per_grid": _per_grid(entries, period, scope),
                "per_month": _per_month(entries, period, scope), "per_category": _per_category(period, scope),
                "computed_at": timezone.now()}

    found = _cached("board", scope, period, compute)
    entries = {figure.name: figure for figure in figures}
    return Board(period, scope, found["computed_at"], [(entries[name], value) for name, value in found["values"]
                                                        if name in entries],
                 _named_grids(found["per_grid"]), found["per_month"],
                 [figure for figure in figures if figure.date_field], found["per_category"])


def _named_grids(rows):
    named = {grid.pk: grid for grid in grids()}
    return [(named[pk], values) for pk, values in rows if pk in named]


def _per_grid(entries, period, scope):
    by_grid = {}
    for column, figure in enumerate(entries):
        parent = f"{figure.node_path}__parent_id"
        rows = figure.records(period, scope).order_by().values(parent).annotate(value=figure.aggregate())
        for row in rows:
            by_grid.setdefault(row[parent], [0] * len(entries))[column] = row["value"] or 0
    return sorted(by_grid.items(), key=lambda item: (item[0] is None, item[0] or 0))


def _per_month(entries, period, scope):
    dated = [figure for figure in entries if figure.date_field]
    months = {month: [0] * len(dated) for month in period.months()}
    for column, figure in enumerate(dated):
        rows = (figure.records(period, scope).order_by().annotate(month=TruncMonth(figure.date_field))
                .values("month").annotate(value=figure.aggregate()))
        for row in rows:
            month = row["month"]
            month = month.date() if hasattr(month, "date") else month
            if month in months:
                months[month][column] = row["value"] or 0
    return sorted(months.items())


def _per_category(period, scope):
    rows = (scope.rows(Request.objects.ordered_between(period.start, period.end), "micro_grid").order_by()
            .values("category__name", "category__position").annotate(value=Count("pk"))
            .order_by("category__position", "category__name"))
    return [(row["category__name"], row["value"]) for row in rows]


def requests_in(scope):
    return scope.rows(Request.objects.all(), "micro_grid")


def rates_table(period, scope, by=None):
    """{key: Rates} (key None for the whole scope; grid or unit ids with `by`), with the time computed."""
    def compute():
        return {"rows": three_rates.rates(requests_in(scope), period, by), "computed_at": timezone.now()}
    return _cached("rates", scope, period, compute, extra=by or "")
