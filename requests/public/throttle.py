"""Per-address limits for anonymous visitors, counted in the database so every gunicorn worker agrees.

Addresses are stored as a keyed hash: we need to count them, not to know them.
"""

import hashlib
import hmac
import math
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from nanjie.login_throttle import client_address
from requests.public.models import ThrottleHit

# scope: (how many, in how many seconds)
LIMITS = {
    "wish": (10, 3600),  # anonymous wishes from one address in an hour
    "track-miss": (20, 3600),  # wrong tracking tokens from one address in an hour
}


def _client_key(request):
    secret = settings.SECRET_KEY.encode()
    return hmac.new(secret, client_address(request).encode(), hashlib.sha256).hexdigest()


def _window(scope):
    limit, seconds = LIMITS[scope]
    return limit, timezone.now() - timedelta(seconds=seconds)


def is_limited(request, scope):
    """True once this address has used up its allowance for the scope in the current window."""
    limit, since = _window(scope)
    return ThrottleHit.objects.filter(scope=scope, client=_client_key(request), at__gte=since).count() >= limit


def retry_after(request, scope):
    """Seconds until this address may try again: until enough of its counted events have left the window."""
    limit, since = _window(scope)
    newest = list(ThrottleHit.objects.filter(scope=scope, client=_client_key(request), at__gte=since)
                  .order_by("-at").values_list("at", flat=True)[:limit])
    if len(newest) < limit:
        return 0
    # When the limit-th newest event leaves the window, one fewer than the limit is left: allowed again.
    return max(1, math.ceil((newest[-1] - since).total_seconds()))


def record(request, scope):
    """Count one event, and forget every event that has left every window (an indexed range delete)."""
    longest = max(seconds for _limit, seconds in LIMITS.values())
    with transaction.atomic():  # one commit (one WAL flush) instead of two on every counted POST
        ThrottleHit.objects.filter(at__lt=timezone.now() - timedelta(seconds=longest)).delete()
        ThrottleHit.objects.create(scope=scope, client=_client_key(request), at=timezone.now())
