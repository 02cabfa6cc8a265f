"""The public, read-only needs and project lists: what is needed, who claimed it, what was delivered.

No resident's name, phone or address: a need's texts were refused on saving if they held any (models.py), the
page shows a grid's name only (never a micro-grid's or a household's), and claims show units and quantities.
"""

from django.db.models import Prefetch
from django.shortcuts import render
from django.views.decorators.http import require_GET

from nanjie.paging import paginate, query_without_page
from partners.lists.claims import Claim
from partners.lists.filters import PublicNeedFilter
from partners.lists.models import Milestone, Need, Project

PUBLIC_CLAIMS = Prefetch("claims", queryset=Claim.objects.active().select_related("unit").order_by("claimed_at"),
                         to_attr="public_claims")


@require_GET
def public_needs(request):
    needs = (Need.objects.exclude(state=Need.State.CANCELLED).filter(grid__in=_community())
             .select_related("category", "grid__parent").prefetch_related(PUBLIC_CLAIMS)
             .only("title", "description", "quantity", "measure", "state", "fulfilled_at", "created_at", "asked_count",
                   "urgency", "wanted_by", "category__name", "grid__name", "grid__kind", "grid__parent__name",
                   "grid__parent__kind")
             .order_by("state", "-created_at", "-pk"))
    found = PublicNeedFilter(request.GET, queryset=needs, request=request)
    return render(request, "partners/lists/public_needs.html", {
        "filter": found, "page": paginate(request, found.qs, 20), "query": query_without_page(request),
        "fulfilled_this_year": Need.objects.fulfilled_in().count()})


@require_GET
def public_projects(request):
    projects = (Project.objects.exclude(state=Project.State.CANCELLED).select_related("lead_unit")
                .prefetch_related(PUBLIC_CLAIMS, "grids", Prefetch("milestones", Milestone.objects.order_by("due_on")))
                .order_by("state", "-approved_on", "-pk"))
    return render(request, "partners/lists/public_projects.html", {
        "page": paginate(request, projects, 20), "query": query_without_page(request)})


def _community():
    from grid.territory.models import GridNode

    return GridNode.objects.of_community()
