"""The monthly report (月度工作报告): the month's figures and rates, per-grid tables, the units' record, the overdue
items and the charts, on A4 (print CSS), always in Chinese (nanjie/paper.py). For the party branch."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from django.views.decorators.http import require_GET

from nanjie.figures import Period, Scope
from nanjie.paper import render_on_paper
from requests.lifecycle.models import Request
from requests.statistics import board as numbers
from requests.statistics import views
from requests.statistics.rates import DEFINITIONS, MIN_SAMPLE

OVERDUE_SHOWN = 100


@require_GET
@login_required
def monthly_report(request, year, month):
    if not request.user.has_perm(views.BRANCH):
        raise PermissionDenied
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        raise Http404
    period = Period.month(year, month)
    community = Scope(None, numbers.community_nodes())
    found = numbers.board(period, community)
    rates = numbers.rates_table(period, community)
    per_grid = numbers.rates_table(period, community, by="grid")["rows"]
    ranked, _at = views.unit_ranking(period)
    overdue = (Request.objects.overdue().select_related("category", "micro_grid__parent", "unit")
               .order_by("deadline", "pk"))
    grid_rates = {grid.pk: per_grid.get(grid.pk) for grid, _values in found.per_grid}
    return render_on_paper(request, "requests/statistics/report.html", {
        "period": period, "board": found, "rates": rates["rows"].get(None), "computed_at": rates["computed_at"],
        "grid_rows": [(grid, values, grid_rates.get(grid.pk)) for grid, values in found.per_grid],
        "ranked": ranked, "overdue": list(overdue[:OVERDUE_SHOWN]), "overdue_count": overdue.count(),
        "charts": views._charts(found), "definitions": DEFINITIONS, "min_sample": MIN_SAMPLE,
        "printed_at": timezone.now(),
    })
