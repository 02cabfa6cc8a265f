from django.utils.cache import add_never_cache_headers


class StaffNoStoreMiddleware:
    """Pages seen by a logged-in user carry personal data: no browser or proxy may keep a copy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            add_never_cache_headers(response)
        return response
