"""The requests a need was promoted from, on the need's page (registered in RequestsConfig.ready())."""

SHOWN = 30


def need_requests(need, user):
    """The need's requests, each with .can_open (within the user's scope). Two queries whatever the number; no
    resident's name (the page is staff's, but the need speaks for many residents)."""
    from requests.lifecycle.models import Request

    rows = list(Request.objects.filter(need_links__need=need).select_related("category", "micro_grid")
                .only("reference", "state", "ordered_at", "category__name", "micro_grid__name")
                .order_by("-ordered_at", "-pk")[:SHOWN])
    openable = set(Request.objects.visible_to(user).filter(pk__in=[row.pk for row in rows])
                   .values_list("pk", flat=True)) if rows else set()
    for row in rows:
        row.can_open = row.pk in openable and bool(row.reference)
    return rows
