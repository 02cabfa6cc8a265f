"""Short sign-in codes an organiser shows at an activity or a study session, for those present to type in.

A code is six digits derived from the secret key, the thing signed in to ("volunteers.activity:42") and the
current five-minute window, so it rotates by itself, needs no table and is the same on every app server. It is
shown and accepted only while the thing is on (from `GRACE` before its start to its end); the previous window's
code is still accepted, for whoever read it just before it rotated. A wrong code is refused like an expired one.
"""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import constant_time_compare

STEP = 300  # seconds one code is shown before the next replaces it
DIGITS = 6
GRACE = timedelta(minutes=15)  # people arrive early: the code works from a quarter of an hour before the start


def _window(at):
    return int(at.timestamp()) // STEP


def _code(subject, window):
    message = f"{subject}:{window}".encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).digest()
    return f"{int.from_bytes(digest[:8], 'big') % 10**DIGITS:0{DIGITS}d}"


def is_open(starts, ends, now=None):
    """Whether codes are shown and accepted now: from GRACE before the start to the end."""
    now = now or timezone.now()
    return starts - GRACE <= now <= ends


def current_code(subject, starts, ends, now=None):
    """The code to show now, or None outside the time the thing is on."""
    now = now or timezone.now()
    return _code(subject, _window(now)) if is_open(starts, ends, now) else None


def is_valid(subject, code, starts, ends, now=None):
    """Whether a typed code signs in now: this window's or the previous one's, only while the thing is on."""
    now = now or timezone.now()
    typed = "".join(str(code or "").split())
    if not is_open(starts, ends, now) or len(typed) != DIGITS:
        return False
    window = _window(now)
    return any(constant_time_compare(typed, _code(subject, w)) for w in (window, window - 1))
