"""GET services, GET requests, GET a request: thin views over params (checking), records (fields), render."""

from urllib.parse import urlencode

from django.utils.translation import gettext as _
from django.utils.translation import override
from django.views.decorators.http import require_safe

from nanjie.community import community_name, current_code
from nanjie.paper import public_url
from partners.models import Category
from requests.open311 import params, records, render
from requests.open311.errors import Open311Error


def jurisdictions(request):
    """The ids this endpoint answers to: the community's code and the portal's public host name (without www)."""
    host = public_url(request, "/").split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()
    return {current_code().lower(), host.removeprefix("www.")}


def check_jurisdiction(request):
    given = request.GET.get("jurisdiction_id", "").strip().lower()
    if given and given not in jurisdictions(request):
        raise Open311Error(_("jurisdiction_id not found: this endpoint serves only %(community)s.")
                           % {"community": community_name()}, status=404)


def open311(view):
    """Chinese answers whatever the visitor's language; an Open311Error becomes the spec's error list."""
    @require_safe
    def wrapper(request, format, **kwargs):
        with override("zh-hans"):
            try:
                check_jurisdiction(request)
                return view(request, format, **kwargs)
            except Open311Error as error:
                return render.errors(error.description, format, error.status)
    wrapper.__name__ = wrapper.__qualname__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


@open311
def services(request, format):
    rows = [records.service(category) for category in Category.objects.filter(active=True).order_by("position", "pk")]
    return render.answer("services", rows, format)


@open311
def service_requests(request, format):
    query = params.requests_query(request.GET, Category.objects.values_list("code", flat=True))
    found = records.public_requests()
    if query.ids:
        found = found.filter(reference__in=query.ids)
        return render.answer("service_requests", [records.service_request(wish) for wish in found], format)
    found = records.by_status(found.filter(ordered_at__gte=query.start, ordered_at__lte=query.end), query.statuses)
    if query.service_codes:
        found = found.filter(category__code__in=query.service_codes)
    first = (query.page - 1) * query.page_size
    rows = list(found[first:first + query.page_size + 1])  # one more: is there a next page?
    headers = {}
    if len(rows) > query.page_size:
        rows = rows[:query.page_size]
        following = request.GET.copy()
        following["page"] = str(query.page + 1)
        headers["Link"] = f'<{request.path}?{urlencode(list(following.lists()), doseq=True)}>; rel="next"'
    return render.answer("service_requests", [records.service_request(wish) for wish in rows], format, headers=headers)


@open311
def service_request(request, format, service_request_id):
    wish = records.public_requests().filter(reference=service_request_id).first()
    if wish is None:
        raise Open311Error(_("service_request_id not found: %(id)s.") % {"id": service_request_id[:40]}, status=404)
    return render.answer("service_requests", [records.service_request(wish)], format)
