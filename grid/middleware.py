"""Cache-Control for pages that carry personal data: no browser, proxy or shared phone may keep a copy."""

from django.utils.cache import add_never_cache_headers

# A URL keyword that is a secret key to one resident's matter (the tracking page): its page is personal.
PERSONAL_URL_KWARGS = frozenset({"token"})
# Pages that hold credentials or a session's first moments, seen before anyone is logged in.
NO_STORE_URL_NAMES = frozenset({"login", "logout"})


def is_personal(request):
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        return True  # every staff page
    if request.method not in ("GET", "HEAD"):
        return True  # the answer to a submission (a form with the resident's own words in it)
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
