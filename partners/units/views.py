"""The public list of partner units: who they are and what they handle (no phone numbers for anonymous users)."""

from django.db.models import Count, Prefetch
from django.shortcuts import render
from django.views.decorators.http import require_GET

from nanjie.paging import paginate, query_without_page
from partners.units.filters import UnitFilter
from partners.units.models import Category, Unit


@require_GET
def unit_list(request):
    units = (
        Unit.objects.filter(active=True)
        .annotate(party_member_count=Count("memberships", distinct=True))
        .prefetch_related(Prefetch("duties", queryset=Category.objects.order_by("position")))
        .order_by("kind", "name")
    )
    unit_filter = UnitFilter(request.GET, queryset=units)
    return render(request, "partners/units/unit_list.html", {
        "filter": unit_filter, "page": paginate(request, unit_filter.qs, 12), "query": query_without_page(request),
        "show_contacts": request.user.is_authenticated,
    })
