"""Login throttling (django-axes): whose attempt it was, and from where.

Axes' own lookup stores the username as typed in a 255-character column: a longer one (a paste, a robot) is a
DataError on PostgreSQL, a 500 on the login page. No account has a name longer than the user model allows, so
what is typed is cut there; attempts stay counted per (cut) name and address.
"""

from django.conf import settings
from django.contrib.auth import get_user_model


def attempted_username(request, credentials=None):
    field = settings.AXES_USERNAME_FORM_FIELD
    source = credentials if credentials else getattr(request, "data", request.POST)
    username = source.get(field) if source is not None else None
    if not isinstance(username, str):
        return username
    return username[: get_user_model()._meta.get_field("username").max_length]


def client_address(request):
    """The visitor's address; behind our TLS proxy, the one that proxy saw (the last X-Forwarded-For entry).

    Every REMOTE_ADDR is the proxy's there: counted by it, anyone's six misses would lock a staff account.
    The residents' throttle (requests/public/throttle.py) counts by the same address.
    """
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")
