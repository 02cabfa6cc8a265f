"""Cache-Control for pages that carry personal data: no browser, proxy or shared phone may keep a copy."""

from django.conf import settings
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

# A URL keyword or query parameter that is a secret key to one resident's matter (the tracking page's token,
# a photo's ?t=): what it opens is personal.
PERSONAL_URL_KWARGS = frozenset({"token"})
PERSONAL_QUERY_PARAMS = frozenset({"t"})
# Pages that hold credentials or a session's first moments, seen before anyone is logged in.
NO_STORE_URL_NAMES = frozenset({"login", "logout"})


def is_personal(request):
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        return True  # every staff page
    if request.method not in ("GET", "HEAD"):
        return True  # the answer to a submission (a form with the resident's own words in it)
    if PERSONAL_QUERY_PARAMS & request.GET.keys():
        return True
    match = getattr(request, "resolver_match", None)
    if match is None:
        return False
    return bool(PERSONAL_URL_KWARGS & match.kwargs.keys()) or match.url_name in NO_STORE_URL_NAMES \
        or "admin" in match.namespaces


class StaffNoStoreMiddleware:
    """Adds Cache-Control: no-store (and its companions) to every personal response, whatever its status."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_personal(request):
            add_never_cache_headers(response)
        return response


def _has_nul(query):
    """A NUL in any key or value of a QueryDict."""
    return any("\x00" in key or any("\x00" in value for value in values if isinstance(value, str))
               for key, values in query.lists())


class RejectNulMiddleware:
    """A NUL character in the address, the query or a form field is refused with a 400 page.

    PostgreSQL cannot store or even compare text containing NUL: any lookup with one (a tracking token, a grid
    code from the address, ?grid=) fails with DataError, a 500. Forms refuse NUL already; this covers the
    address and the parameters views read directly, once for every view.

    The address and the query are read before anything else; a form body only once the URL has found a view
    and CSRF has passed (process_view): reading request.POST of a multipart body spools its files to disk, which
    an anonymous POST to any address (a 404) must never cause.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info or _has_nul(request.GET):
            return render(request, "400.html", status=400)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method == "POST" and request.content_type in (
                "application/x-www-form-urlencoded", "multipart/form-data") and _has_nul(request.POST):
            return render(request, "400.html", status=400)
        return None


class BodyLimitMiddleware:
    """A request whose declared body is larger than MAX_REQUEST_BYTES is refused (413) before a byte is read.

    First in the stack: Django would otherwise read and spool the body (a multipart's files to a temporary file)
    wherever the request goes, a 404 included, before routing and CSRF. The proxy's client_max_body_size is the
    same limit (README, "Production"); this one holds where there is no proxy or it was set differently.
    A body without a Content-Length is never read by Django (it reads Content-Length bytes).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0  # Django reads nothing of a body whose length it cannot read either
        if declared > settings.MAX_REQUEST_BYTES:
            response = render(request, "413.html", {"limit_mb": settings.MAX_REQUEST_BYTES // (1024 * 1024)},
                              status=413)
            response["Connection"] = "close"  # the unread body must not be taken for the next request
            return response
        return self.get_response(request)


class HeadAsGetMiddleware:
    """HEAD is answered as GET (RFC 9110: the same headers, no body), on every page that answers GET.

    Views say @require_GET or require_http_methods(["GET", "POST"]), which refuse HEAD with a 405: monitors
    and link checkers that ask HEAD of /, /wish/ or /board/ saw the portal as broken. The view sees a GET;
    the server (gunicorn, Django's test client) sends no body for the HEAD the client asked.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "HEAD":
            return self.get_response(request)
        request.method = "GET"
        response = self.get_response(request)
        request.method = "HEAD"  # what the client asked: the server (and the test client) drop the body
        return response
