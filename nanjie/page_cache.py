"""The residents' busiest pages (home, the closure board, its feed) kept whole for a few seconds in the shared
cache, for anonymous visitors only.

Only with REDIS_URL (NANJIE_PAGE_CACHE_SECONDS is 0 without it): a cache per process would keep a page another
process has already changed. A stored page is keyed by a version, the scheme, the host, the full path, the
language and elderly mode; the version goes up when a transaction that saved or deleted a watched row commits
(each app names its models with watch() in its AppConfig.ready()), so a notice publicised is on the board at
the next request, and a page is at most NANJIE_PAGE_CACHE_SECONDS old for what no row records (the month's
on-duty chairman turning over at midnight).

What is never shared: a logged-in user's page (never stored, never served from here), the cookies of the
visitor who filled the entry (only the body and headers are kept), and the CSRF tokens in its forms: the
entry keeps a placeholder where each token was, and each visitor gets tokens of their own secret.
"""

import functools
import hashlib
import re

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import patch_vary_headers

from nanjie import db_router, elderly

VERSION_KEY = "page-cache:version"
TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{64}(")')
PLACEHOLDER = "\x00csrf\x00"  # never in a rendered page: RejectNulMiddleware refuses NUL everywhere it could enter
UNSHAREABLE = ("private", "no-store", "no-cache")


def enabled():
    return settings.NANJIE_PAGE_CACHE_SECONDS > 0


def _cache():
    return caches["default"]


def version():
    return _cache().get(VERSION_KEY, 0)


def bump():
    """Every stored page is out of date: the next visitor of each gets a fresh one."""
    if not enabled():
        return
    cache = _cache()
    cache.add(VERSION_KEY, 0, timeout=None)
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # evicted between add and incr: start again
        cache.set(VERSION_KEY, 1, timeout=None)


def _changed(sender, **kwargs):
    transaction.on_commit(bump, using=kwargs.get("using"))


def watch(*models):
    """Models whose rows the cached pages show: a save or delete makes them out of date once it commits."""
    for model in models:
        uid = f"nanjie.page_cache:{model._meta.label_lower}"
        post_save.connect(_changed, sender=model, dispatch_uid=uid, weak=False)
        post_delete.connect(_changed, sender=model, dispatch_uid=uid, weak=False)


def key(request):
    parts = [str(version()), request.scheme, request.get_host(), request.get_full_path(),
             getattr(request, "LANGUAGE_CODE", ""), "elderly" if elderly.is_on(request) else ""]
    return "page-cache:page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _servable(request):
    """A GET with no session (anyone with a session cookie, logged in or once, gets their own page) and no
    message waiting to be shown (the messages cookie): the same page for everyone."""
    return (request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES and not request.user.is_authenticated)


def _frozen(response):
    """What may be kept of a response: its status, headers and body with placeholders for the CSRF tokens;
    None for what must not be shared (an error, cookies set by the view, a response marked private)."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return None
    if any(word in response.get("Cache-Control", "") for word in UNSHAREABLE):
        return None
    body = response.content.decode(response.charset)
    frozen, tokens = TOKEN.subn(rf"\g<1>{PLACEHOLDER}\g<2>", body)
    if frozen.count("csrfmiddlewaretoken") != tokens:  # a token in a shape we do not know: do not share it
        return None
    return {"status": response.status_code, "headers": list(response.items()), "body": frozen}


def _thawed(request, entry):
    # Each visitor's own secret (the CSRF middleware sets its cookie on the way out), masked anew each time.
    body = re.sub(re.escape(PLACEHOLDER), lambda match: get_token(request), entry["body"])
    response = HttpResponse(body, status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    patch_vary_headers(response, ("Cookie",))  # as the CSRF middleware does for a page that used a token
    return response


def anonymous_page(view):
    """Serve `view` from the shared cache to anonymous visitors (see the module's docstring)."""

    @functools.wraps(view)
    def cached(request, *args, **kwargs):
        if not enabled() or not _servable(request):
            return view(request, *args, **kwargs)
        cache = _cache()
        page_key = key(request)
        entry = cache.get(page_key)
        if entry is not None:
            return _thawed(request, entry)
        db_router.read_primary()  # what is stored for everyone is what the primary holds now, not a lagging replica
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        frozen = _frozen(response)
        if frozen is not None:
            cache.set(page_key, frozen, settings.NANJIE_PAGE_CACHE_SECONDS)
        return response

    return cached
