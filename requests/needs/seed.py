"""Link the seeded needs to the residents' requests they stand for: up to three requests of the same category in
the need's grid, for a dozen needs. Idempotent: skipped when links exist."""

from django.db import transaction

from grid.territory.models import GridNode
from partners.lists.models import Need
from requests.lifecycle.models import Request
from requests.needs.models import NeedLink


@transaction.atomic
def run(rng, out, context):
    if NeedLink.objects.exists():
        out(f"needs from requests: {NeedLink.objects.count()} links already there")
        return
    links = []
    for need in Need.objects.select_related("grid").order_by("pk")[:12]:
        wishes = list(Request.objects.filter(category=need.category_id,
                                             micro_grid__in=GridNode.objects.subtree_of([need.grid]))
                      .order_by("pk").values_list("pk", flat=True)[:3])
        links += [NeedLink(request_id=pk, need=need) for pk in wishes]
    NeedLink.objects.bulk_create(links)
    out(f"needs from requests: {len(links)} requests linked to the needs they were promoted to")
