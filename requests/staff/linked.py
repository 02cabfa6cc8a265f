"""The requests raised from a visit or for a household, shown on its page (registered in RequestsConfig.ready())."""

LINKED_REQUESTS_SHOWN = 20


def linked_requests(record, user):
    """The record's requests, newest first, each with .can_open (the user's scope holds it, so its page is not a
    404). Two queries, whatever the number."""
    rows = list(record.requests.order_by("-ordered_at", "-pk")[:LINKED_REQUESTS_SHOWN])
    if not rows:
        return []
    openable = set(record.requests.visible_to(user).filter(pk__in=[row.pk for row in rows])
                   .values_list("pk", flat=True))
    for row in rows:
        row.can_open = row.pk in openable and bool(row.reference)
    return rows
