"""The community's figures and the three rates: public pages (counts only), the drill-downs behind each figure
(staff, scoped like the records), the branch's unit ranking, the CSV bundle and the monthly report."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from nanjie.figures import Scope, figures
from nanjie.paging import paginate, query_without_page
from partners.models import Unit
from requests.statistics import board as numbers
from requests.statistics import charts
from requests.statistics.figures import structure
from requests.statistics.forms import PeriodForm, period_query
from requests.statistics.rates import DEFINITIONS, MIN_SAMPLE

BRANCH = "requests.publicise_request"  # the party branch: the unit ranking and the monthly report


def _chosen(request):
    form = PeriodForm(request.GET or None)
    return form, form.chosen_period(), form.chosen_grid()


def _scope(request, grid):
    """Logged-in staff count the records they can see (so each figure equals its drill-down); visitors the
    community's, cached."""
    nodes = numbers.grid_nodes(grid) if grid else numbers.community_nodes()
    return Scope(request.user, nodes) if request.user.is_authenticated else Scope(None, nodes)


@require_GET
def stats(request):
    form, period, grid = _chosen(request)
    found = numbers.board(period, _scope(request, grid))
    rows = numbers.rates_table(period, Scope(None, found.scope.node_ids))
    return render(request, "requests/statistics/stats.html", {
        "form": form, "filter": {"form": form}, "period": period, "grid": grid, "board": found,
        "structure": structure(), "rates": rows["rows"].get(None), "rates_at": rows["computed_at"],
        "query": request.GET.urlencode(), "period_query": urlencode(period_query(period, grid)),
        "charts": _charts(found),
        "signed_in": request.user.is_authenticated, "branch": request.user.has_perm(BRANCH),
    })


def _charts(found):
    dated = found.dated
    month_labels = [f"{month:%Y-%m}" for month, _values in found.per_month]
    by_month = charts.bars(_("Per month"), month_labels, [
        (figure.label, [values[column] for _month, values in found.per_month]) for column, figure in enumerate(dated)
        if not figure.sum_field])
    names = [figure.name for figure, _value in found.values]
    wanted = [name for name in ("requests.received", "requests.fulfilled", "grid.disputes") if name in names]
    by_grid = charts.bars(_("Per grid"), [grid.name for grid, _values in found.per_grid], [
        (found.values[names.index(name)][0].label, [values[names.index(name)] for _grid, values in found.per_grid])
        for name in wanted], horizontal=True)
    by_category = charts.bars(_("Requests per category"), [name for name, _count in found.per_category],
                              [(_("Requests received"), [count for _name, count in found.per_category])])
    return {"month": by_month, "grid": by_grid, "category": by_category}


@require_GET
@login_required
def figure_detail(request, name):
    try:
        figure = figures[name]
    except KeyError:
        raise Http404 from None
    form, period, grid = _chosen(request)
    scope = Scope(request.user, numbers.grid_nodes(grid) if grid else numbers.community_nodes())
    records = figure.records(period, scope)
    page = paginate(request, records)
    return render(request, "requests/statistics/figure_detail.html", {
        "figure": figure, "value": figure.value(period, scope), "page": page, "query": query_without_page(request),
        "rows": [figure.row(record) for record in page], "form": form, "filter": {"form": form}, "period": period,
        "grid": grid,
    })


@require_GET
def rates(request):
    form, period, grid = _chosen(request)
    community = Scope(None, numbers.community_nodes())
    overall = numbers.rates_table(period, Scope(None, numbers.grid_nodes(grid)) if grid else community)
    per_grid = numbers.rates_table(period, community, by="grid")
    named = {g.pk: g for g in numbers.grids()}
    grid_rows = [(named[pk], found) for pk, found in per_grid["rows"].items() if pk in named]
    grid_rows.sort(key=lambda item: item[0].code)
    return render(request, "requests/statistics/rates.html", {
        "form": form, "filter": {"form": form}, "period": period, "grid": grid,
        "overall": overall["rows"].get(None), "computed_at": overall["computed_at"], "grid_rows": grid_rows,
        "definitions": DEFINITIONS, "min_sample": MIN_SAMPLE, "query": request.GET.urlencode(),
        "period_query": urlencode(period_query(period, grid)),
        "branch": request.user.has_perm(BRANCH),
    })


def unit_ranking(period):
    """[(unit, Rates)], best resolution first; units whose sample is too small last. Unit names only: never a
    member's name or phone."""
    found = numbers.rates_table(period, Scope(None, numbers.community_nodes()), by="unit")
    units = Unit.objects.in_bulk([pk for pk in found["rows"] if pk is not None])
    ranked = [(units[pk], rates) for pk, rates in found["rows"].items() if pk in units]
    ranked.sort(key=lambda item: (item[1].resolution.too_small, -(item[1].resolution.percent or 0),
                                  -(item[1].response.percent or 0), item[0].name))
    return ranked, found["computed_at"]


@require_GET
@login_required
def rates_units(request):
    if not request.user.has_perm(BRANCH):
        raise PermissionDenied
    form, period, _grid = _chosen(request)
    ranked, computed_at = unit_ranking(period)
    return render(request, "requests/statistics/rates_units.html", {
        "form": form, "filter": {"form": form}, "period": period, "ranked": ranked, "computed_at": computed_at,
        "definitions": DEFINITIONS, "min_sample": MIN_SAMPLE, "now": timezone.now(),
    })
