"""The "three ways" (三办): records counted per way and per grid, and a record added from a household."""

from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from grid.field_filters import ServiceFilter
from grid.field_forms import ServiceForm
from grid.field_once import post_once
from grid.field_views import paginate, query_without_page
from grid.models import Household, ServiceRecord


@require_GET
@login_required
@permission_required("grid.view_servicerecord", raise_exception=True)
def service_list(request):
    services = ServiceFilter(request.GET, request=request, queryset=ServiceRecord.objects.visible_to(request.user)
                             .select_related("household__micro_grid__parent", "helper"))
    ways = dict(ServiceRecord.Way.choices)
    counts = dict(services.qs.order_by().values_list("way").annotate(n=Count("pk")))
    by_way = [(label, counts.get(way, 0)) for way, label in ways.items()]  # every way, in the article's order
    by_grid = (services.qs.order_by().values("household__micro_grid__parent__code",
                                              "household__micro_grid__parent__name", "way")
               .annotate(n=Count("pk")).order_by("household__micro_grid__parent__code", "way"))
    grid_rows = {}
    for row in by_grid:
        entry = grid_rows.setdefault(row["household__micro_grid__parent__code"], {
            "name": row["household__micro_grid__parent__name"], "counts": dict.fromkeys(ways, 0), "total": 0})
        entry["counts"][row["way"]] = row["n"]
        entry["total"] += row["n"]
    return render(request, "grid/field/service_list.html", {
        "filter": services, "page": paginate(request, services.qs), "query": query_without_page(request),
        "by_way": by_way, "ways": ways, "grid_rows": grid_rows, "total": sum(n for _label, n in by_way)})


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("grid.add_servicerecord", raise_exception=True)
def service_new(request, household_pk):
    household = get_object_or_404(Household.objects.visible_to(request.user), pk=household_pk)
    form = ServiceForm(request.POST or None, household=household, user=request.user)
    if request.method == "POST":
        # The token is unique: the record it finds is this household's, the way back is this household's page.
        answer = post_once(request, form, owner={"recorded_by": request.user}, done=_("Service recorded."),
                           go_to=lambda _record: ("field:household", household.pk))
        if answer:
            return answer
    return render(request, "grid/field/service_form.html", {"form": form, "household": household})
