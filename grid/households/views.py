"""Households: list, detail, add/edit, and Excel import/export (all scoped by visible_to)."""

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from grid.households import excel
from grid.households.filters import HouseholdFilter
from grid.households.forms import HouseholdForm, ImportForm
from grid.households.models import Household, stale_days
from grid.territory.models import GridNode
from grid.visits.sections import sections_for
from nanjie.community import current_code
from nanjie.paging import paginate, query_without_page


def scoped(user):
    return Household.objects.visible_to(user).select_related("micro_grid").prefetch_related("tags")


@require_GET
@login_required
@permission_required("grid.view_household", raise_exception=True)
def household_list(request):
    households = HouseholdFilter(request.GET, queryset=scoped(request.user).stale_first(), request=request,
                                 mine_by_default=True)
    return render(request, "grid/households/household_list.html", {
        "filter": households, "page": paginate(request, households.qs), "query": query_without_page(request),
        "stale_days": stale_days(), "today": timezone.localdate()})


@require_GET
@login_required
@permission_required("grid.view_household", raise_exception=True)
def household_detail(request, pk):
    household = get_object_or_404(scoped(request.user).with_last_visit(), pk=pk)
    return render(request, "grid/households/household_detail.html", {
        "household": household,
        "visits": household.visits.select_related("worker")[:10],
        "pairs": household.assistance_pairs.select_related("helper"),
        "services": household.services.select_related("helper")[:10],
        "sections": sections_for(household, request.user, "household"),
    })


@require_http_methods(["GET", "POST"])
@login_required
def household_edit(request, pk=None):
    if pk is None:
        if not request.user.has_perm("grid.add_household"):
            return render(request, "403.html", status=403)
        household = Household()
    else:
        household = get_object_or_404(scoped(request.user), pk=pk)
        if not request.user.has_perm("grid.change_household"):
            return render(request, "403.html", status=403)
    form = HouseholdForm(request.POST or None, instance=household, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                household = form.save()
                household.set_special_groups(form.cleaned_data["special_groups"])
        except IntegrityError:
            if not _lost_a_race(form, is_new=pk is None):
                raise
        else:
            messages.success(request, _("Household saved."))
            return redirect("field:household", household.pk)
    return render(request, "grid/households/household_form.html", {"form": form, "household": household})


def _lost_a_race(form, *, is_new):
    """Two quick posts of one household both passed validation and the other one won: put on the form what it
    would have said had this post come second (the address-and-contact message). False for any other error."""
    household = form.instance
    if is_new:  # the insert was rolled back with the transaction
        household.pk, household._state.adding = None, True
    try:
        household.validate_constraints()
    except ValidationError as error:
        form.add_error(None, error)
        return True
    return False


@require_GET
@login_required
@permission_required("grid.view_household", raise_exception=True)
def household_export(request):
    chosen = HouseholdFilter(request.GET, queryset=scoped(request.user), request=request)
    response = HttpResponse(excel.export_households(chosen.qs), content_type=excel.XLSX)
    stem = f"{_export_scope_code(request.user, chosen)}-{timezone.localdate():%Y%m%d}.xlsx"
    # RFC 6266/5987: browsers that read filename* save 住户-NJ-03-20261202.xlsx, older ones the ASCII name.
    response["Content-Disposition"] = (f'attachment; filename="households-{stem}"; '
                                       f"filename*=UTF-8''{quote('住户-' + stem)}")
    return response


def _export_scope_code(user, chosen):
    """The code the sheet covers: the micro-grid or grid filtered on, else the worker's one grid, else the
    community. Node codes are capitals, digits and hyphens, so the name needs no escaping."""
    cleaned = chosen.form.cleaned_data if chosen.form.is_valid() else {}
    node = cleaned.get("micro_grid") or cleaned.get("grid")
    if node is not None:
        return node.code
    own = list(GridNode.objects.filter(posts__person__user=user, kind=GridNode.Kind.GRID)
               .values_list("code", flat=True).distinct()[:2])
    return own[0] if len(own) == 1 else current_code()


@require_http_methods(["GET", "POST"])
@login_required
@permission_required(["grid.add_household", "grid.change_household"], raise_exception=True)
def household_import(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        result = excel.import_households(form.cleaned_data["file"], request.user)
        if result.errors:
            errors = result.errors
            messages.error(request, _("Nothing was imported: fix the rows below and upload the file again."))
        else:
            messages.success(request, _("Imported: %(created)d new, %(updated)d changed, %(unchanged)d unchanged.") % {
                "created": result.created, "updated": result.updated, "unchanged": result.unchanged})
            return redirect("field:households")
    return render(request, "grid/households/household_import.html", {
        "form": form, "errors": errors, "headers": excel.HEADERS})
