"""Visits (一走、一看、一问、一听): find the household, log the visit in under a minute, raise a request."""

from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from grid.field_filters import VisitFilter, address_query
from grid.field_forms import HouseholdSearchForm, VisitForm
from grid.field_once import post_once
from grid.field_views import linked_requests, paginate, person_of, query_without_page, raise_request_url
from grid.models import Household, Visit

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
    return render(request, "grid/field/visit_start.html", {"form": form, "results": results,
                                                            "limit": SEARCH_LIMIT})


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("grid.add_visit", raise_exception=True)
def visit_new(request, household_pk):
    household = get_object_or_404(Household.objects.visible_to(request.user).select_related("micro_grid"),
                                  pk=household_pk)
    worker = person_of(request.user)
    form = VisitForm(request.POST or None)
    if request.method == "POST":
        answer = post_once(request, form, owner={"recorded_by": request.user}, household=household, worker=worker,
                           done=_("Visit saved."), again=_("This visit was already saved."),
                           go_to=lambda visit: ("field:visit", visit.pk))
        if answer:
            return answer
    return render(request, "grid/field/visit_form.html", {"form": form, "household": household})


@require_GET
@login_required
@permission_required("grid.view_visit", raise_exception=True)
def visit_detail(request, pk):
    visit = get_object_or_404(Visit.objects.visible_to(request.user)
                              .select_related("household__micro_grid", "worker"), pk=pk)
    return render(request, "grid/field/visit_detail.html", {
        "visit": visit, "request_url": raise_request_url(visit),
        "linked_requests": linked_requests(visit, request.user)})


@require_GET
@login_required
@permission_required("grid.view_visit", raise_exception=True)
def visit_list(request):
    visits = VisitFilter(request.GET, request=request, queryset=Visit.objects.visible_to(request.user)
                         .select_related("household__micro_grid", "worker"))
    return render(request, "grid/field/visit_list.html", {"filter": visits, "page": paginate(request, visits.qs),
                                                           "query": query_without_page(request)})
