"""The public list of partner units: who they are and what they handle (no phone numbers for anonymous users)."""

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.shortcuts import render
from django.views.decorators.http import require_GET

from partners.filters import UnitFilter
from partners.models import Category, Unit


@require_GET
def unit_list(request):
    units = (
        Unit.objects.filter(active=True)
        .annotate(party_member_count=Count("memberships", distinct=True))
        .prefetch_related(Prefetch("duties", queryset=Category.objects.order_by("position")))
        .order_by("kind", "name")
    )
    unit_filter = UnitFilter(request.GET, queryset=units)
    page = Paginator(unit_filter.qs, 12).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "partners/unit_list.html", {
        "filter": unit_filter, "page": page, "query": query.urlencode(),
        "show_contacts": request.user.is_authenticated,
    })
