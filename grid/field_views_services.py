"""The "three ways" (三办): records counted per way and per grid, and a record added from a household."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from grid.field_filters import ServiceFilter
from grid.field_forms import ServiceForm
from grid.field_once import earlier, save_once
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
        first = earlier(request, ServiceRecord, household=household, recorded_by=request.user)
        if first is None and form.is_valid():
            record = form.save(commit=False)
            record.recorded_by, record.token = request.user, form.cleaned_data["token"]
            try:
                first, created = save_once(record, recorded_by=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if created:
                    messages.success(request, _("Service recorded."))
                    return redirect("field:household", household.pk)
        if first is not None:
            messages.info(request, _("This was already saved; it was not saved twice."))
            return redirect("field:household", household.pk)
    return render(request, "grid/field/service_form.html", {"form": form, "household": household})
