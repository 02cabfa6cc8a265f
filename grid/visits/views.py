"""Visits (一走、一看、一问、一听): find the household, log the visit in under a minute; and the coverage page
(per grid and micro-grid, and the households not visited for N days, longest first)."""

from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from grid.households.filters import HouseholdFilter, address_query
from grid.households.models import Household, stale_days
from grid.people.models import person_of
from grid.territory.models import GridNode
from grid.visits import coverage as counts
from grid.visits import worksheets
from grid.visits.filters import VisitFilter
from grid.visits.forms import HouseholdSearchForm, VisitForm
from grid.visits.models import Visit
from grid.visits.sections import sections_for
from nanjie import photos
from nanjie.once import post_once
from nanjie.paging import CAP, paginate, query_without_page
from nanjie.paper import render_on_paper

SEARCH_LIMIT = 20


@require_GET
@login_required
@permission_required("grid.add_visit", raise_exception=True)
def visit_start(request):
    """A plain GET search (works without JS) within the worker's own micro-grids."""
    form = HouseholdSearchForm(request.GET or None)
    results = None
    if form.is_valid() and form.cleaned_data["q"].strip():
        results = list(Household.objects.in_micro_grids_of(request.user).filter(address_query(form.cleaned_data["q"]))
                       .select_related("micro_grid").with_last_visit()
                       .order_by("micro_grid__code", "building", "unit_number", "room", "pk")[:SEARCH_LIMIT])
    return render(request, "grid/visits/visit_start.html", {"form": form, "results": results,
                                                            "limit": SEARCH_LIMIT})


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("grid.add_visit", raise_exception=True)
def visit_new(request, household_pk):
    household = get_object_or_404(Household.objects.visible_to(request.user).select_related("micro_grid"),
                                  pk=household_pk)
    worker = person_of(request.user)
    form = VisitForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        answer = post_once(request, form, owner={"recorded_by": request.user}, household=household, worker=worker,
                           done=_("Visit saved."), again=_("This visit was already saved."),
                           go_to=lambda visit: ("field:visit", visit.pk))
        if answer:
            return answer
    return render(request, "grid/visits/visit_form.html", {"form": form, "household": household})


@require_GET
@login_required
@permission_required("grid.view_visit", raise_exception=True)
def visit_detail(request, pk):
    visit = get_object_or_404(Visit.objects.visible_to(request.user)
                              .select_related("household__micro_grid", "worker"), pk=pk)
    return render(request, "grid/visits/visit_detail.html", {
        "visit": visit, "sections": sections_for(visit, request.user, "visit")})


@require_GET
@login_required
@permission_required("grid.view_visit", raise_exception=True)
def visit_photo(request, pk):
    """The visit's photo, to whoever may open the visit's page; a 404 outside that scope or without a photo."""
    return photos.serve(get_object_or_404(Visit.objects.visible_to(request.user).only("photo"), pk=pk).photo)


@require_GET
@login_required
@permission_required("grid.view_visit", raise_exception=True)
def visit_list(request):
    visits = VisitFilter(request.GET, request=request, queryset=Visit.objects.visible_to(request.user)
                         .select_related("household__micro_grid", "worker"))
    return render(request, "grid/visits/visit_list.html", {"filter": visits, "page": paginate(request, visits.qs),
                                                           "query": query_without_page(request)})


@require_GET
@login_required
@permission_required("grid.view_household", raise_exception=True)
def coverage(request):
    micro = counts.by_micro_grid(request.user)
    grids = counts.by_grid(micro)
    params = request.GET.copy()
    params.setdefault("stale", "true")
    stale = HouseholdFilter(params, request=request, queryset=Household.objects.visible_to(request.user)
                            .select_related("micro_grid").prefetch_related("tags").stale_first())
    return render(request, "grid/visits/coverage.html", {
        "grids": grids, "micro": micro, "total": counts.total(grids), "filter": stale,
        "page": paginate(request, stale.qs, 15), "query": query_without_page(request), "stale_days": stale_days(),
        "month": counts.month_start(), "today": timezone.localdate()})


@require_GET
@login_required
@permission_required("grid.add_visit", raise_exception=True)
def worksheet_index(request):
    """The grids a worker can print visit worksheets for, with the households due in each micro-grid."""
    return render(request, "grid/visits/worksheet_index.html", {
        "grids": worksheets.index(request.user), "stale_days": stale_days()})


@require_GET
@login_required
@permission_required("grid.add_visit", raise_exception=True)
def worksheet(request, code):
    """A grid's worksheets on A4, one micro-grid a page, in Chinese: only the user's micro-grids; else a 404."""
    grid = get_object_or_404(GridNode.objects.working_area(request.user).filter(kind=GridNode.Kind.GRID), code=code)
    sheets, cut = worksheets.sheets(request.user, grid)
    return render_on_paper(request, "grid/visits/worksheet.html", {
        "grid": grid, "sheets": sheets, "cut": cut, "cap": CAP, "stale_days": stale_days(),
        "today": timezone.localdate(), "worker": getattr(request.user, "person", None)})
