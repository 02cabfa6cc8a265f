"""Per-address limits for anonymous visitors, counted in the database so every gunicorn worker agrees.

One throttle for every floor: each app names its scopes with `limit(scope, count, seconds)` in its
AppConfig.ready() (the micro-wish and wrong tracking tokens in requests, slot bookings and wrong booking tokens
in volunteers). Addresses are stored as a keyed hash: we need to count them, not to know them.
"""

import hashlib
import hmac
import math
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from nanjie.login_throttle import client_address
from nanjie.models import ThrottleHit

# scope: (how many, in how many seconds), filled by the apps through limit()
LIMITS = {}


def limit(scope, count, seconds):
    """Allow `count` counted events of `scope` from one address in `seconds`."""
    if len(scope) > ThrottleHit._meta.get_field("scope").max_length:
        raise ValueError(f"throttle scope {scope!r} is too long")
    LIMITS[scope] = (count, seconds)


def _client_key(request):
    secret = settings.SECRET_KEY.encode()
    return hmac.new(secret, client_address(request).encode(), hashlib.sha256).hexdigest()


def _window(scope):
    limit, seconds = LIMITS[scope]
    return limit, timezone.now() - timedelta(seconds=seconds)


def is_limited(request, scope):
    """True once this address has used up its allowance for the scope in the current window."""
    return first_limited(request, scope) is not None


def first_limited(request, *scopes):
    """The first of these scopes whose allowance this address has used up, or None: one query for all."""
    windows = {scope: _window(scope) for scope in scopes}
    counts = ThrottleHit.objects.filter(scope__in=scopes, client=_client_key(request)).aggregate(**{
        f"hits_{number}": Count("pk", filter=Q(scope=scope, at__gte=since))
        for number, (scope, (_limit, since)) in enumerate(windows.items())})
    return next((scope for number, (scope, (limit, _since)) in enumerate(windows.items())
                 if counts[f"hits_{number}"] >= limit), None)


def retry_after(request, scope):
    """Seconds until this address may try again: until enough of its counted events have left the window."""
    limit, since = _window(scope)
    newest = list(ThrottleHit.objects.filter(scope=scope, client=_client_key(request), at__gte=since)
                  .order_by("-at").values_list("at", flat=True)[:limit])
    if len(newest) < limit:
        return 0
    # When the limit-th newest event leaves the window, one fewer than the limit is left: allowed again.
    return max(1, math.ceil((newest[-1] - since).total_seconds()))


def record(request, *scopes):
    """Count one event of each scope, and forget every event that has left every window (an indexed range
    delete): two statements however many scopes."""
    longest = max(seconds for _limit, seconds in LIMITS.values())
    client, now = _client_key(request), timezone.now()
    with transaction.atomic():  # one commit (one WAL flush) instead of two on every counted POST
        ThrottleHit.objects.filter(at__lt=now - timedelta(seconds=longest)).delete()
        ThrottleHit.objects.bulk_create([ThrottleHit(scope=scope, client=client, at=now) for scope in scopes])
