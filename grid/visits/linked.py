"""Helpers shared by the field-work views (the views themselves live in field_views_<feature>.py)."""

from django.core.exceptions import PermissionDenied
from django.urls import NoReverseMatch, reverse

from grid import paging

PER_PAGE = 30
LINKED_REQUESTS_SHOWN = 20


def paginate(request, queryset, per_page=PER_PAGE):
    return paging.paginate(request, queryset, per_page)


def query_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def person_of(user):
    """The roster person behind a login; field records need one (who visited, who reported in)."""
    person = getattr(user, "person", None)
    if person is None:
        raise PermissionDenied
    return person


def raise_request_url(visit):
    """The request loop's "record" form for this visit, or None while the request app has no such view."""
    try:
        return f"{reverse('requests:record')}?visit={visit.pk}"
    except NoReverseMatch:
        return None


def linked_requests(record, user):
    """The requests raised from a visit or for a household, newest first, through the request loop's own links
    back (record.requests: the ground floor never imports the requests app). Each gets .can_open: the user's
    scope holds it, so its page is not a 404. Two queries, whatever the number."""
    related = getattr(record, "requests", None)  # absent while the request loop is not installed
    if related is None:
        return []
    rows = list(related.order_by("-ordered_at", "-pk")[:LINKED_REQUESTS_SHOWN])
    openable = set(related.visible_to(user).filter(pk__in=[row.pk for row in rows]).values_list("pk", flat=True)) \
        if rows else set()
    for row in rows:
        row.can_open = row.pk in openable and bool(row.reference)
    return rows
