"""Helpers shared by the field-work views (the views themselves live in field_views_<feature>.py)."""

from django.core.exceptions import PermissionDenied
from django.urls import NoReverseMatch, reverse

from grid import paging

PER_PAGE = 30


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
