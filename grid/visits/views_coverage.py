"""Coverage page: per grid and micro-grid, and the households not visited for N days, longest first."""

from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from grid import field_coverage
from grid.field_filters import HouseholdFilter
from grid.field_views import paginate, query_without_page
from grid.models import Household
from grid.models.households import stale_days


@require_GET
@login_required
@permission_required("grid.view_household", raise_exception=True)
def coverage(request):
    micro = field_coverage.by_micro_grid(request.user)
    grids = field_coverage.by_grid(micro)
    params = request.GET.copy()
    params.setdefault("stale", "true")
    stale = HouseholdFilter(params, request=request, queryset=Household.objects.visible_to(request.user)
                            .select_related("micro_grid").prefetch_related("tags").stale_first())
    return render(request, "grid/field/coverage.html", {
        "grids": grids, "micro": micro, "total": field_coverage.total(grids), "filter": stale,
        "page": paginate(request, stale.qs, 15), "query": query_without_page(request), "stale_days": stale_days(),
        "month": field_coverage.month_start(), "today": timezone.localdate()})
