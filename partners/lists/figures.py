"""The rates page (per list, per unit, per grid, each figure with its numerator, denominator and drill-down) and
a unit's own page (its resources, claims and record)."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from grid.territory.models import GridNode
from nanjie.paging import paginate
from partners.lists.claims import Claim
from partners.lists.models import Need, Project, Resource
from partners.lists.views import CLAIM_RELATED, view_need
from partners.units.models import Unit


@require_GET
@login_required
@view_need
def rates(request):
    needs, projects = Need.objects.visible_to(request.user), Project.objects.visible_to(request.user)
    units = list(Unit.objects.filter(active=True).order_by("kind", "name"))
    grids = list(GridNode.objects.working_area(request.user).filter(kind=GridNode.Kind.GRID).order_by("lft"))
    return render(request, "partners/lists/rates.html", {
        "lists": [(Need._meta.verbose_name_plural, needs.claim_rate(), needs.fulfilment_rate()),
                  (Project._meta.verbose_name_plural, projects.claim_rate(), projects.fulfilment_rate())],
        "fulfilled_this_year": needs.fulfilled_in().count(),
        "need_units": needs.rates_per_unit(units), "project_units": projects.rates_per_unit(units),
        "need_grids": needs.rates_per_grid(grids), "project_grids": projects.rates_per_grid(grids),
    })


@require_GET
@login_required
@view_need
def unit_record(request, pk):
    unit = get_object_or_404(Unit.objects.filter(active=True), pk=pk)
    claims = Claim.objects.visible_to(request.user).filter(unit=unit).select_related(*CLAIM_RELATED)
    return render(request, "partners/lists/unit_record.html", {
        "unit": unit, "resources": list(Resource.objects.visible_to(request.user).filter(unit=unit, active=True)
                          .prefetch_related("grids")),
        "page": paginate(request, claims.order_by("-claimed_at", "-pk"), 20), "query": "",
        "record": _record(Claim.objects.filter(unit=unit)),
        "led": list(Project.objects.visible_to(request.user).filter(lead_unit=unit).order_by("-approved_on")[:10]),
    })


def _record(claims):
    """(label, state, count) of the unit's claims in each state, in one query."""
    counts = dict(claims.order_by().values_list("state").annotate(n=Count("pk")))
    return [(label, state, counts.get(state, 0)) for state, label in Claim.State.choices]
