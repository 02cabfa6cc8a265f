"""Reads to the replica, the rest to the primary (DATABASE_REPLICA_URL; without it nothing here is installed).

A read goes to the replica only inside a GET or HEAD request that has not written anything and whose browser
has not written in the last DATABASE_REPLICA_PIN_SECONDS (a cookie). Everything else reads from the primary:
POSTs (a form's checks must see what the form will change), reads inside a transaction (select_for_update,
the model's transitions), reads after a write in the same request, anything outside a request (seed,
management commands, shells), and the tables that decide who may do what (sessions, login lockouts, and
what an app registers with read_from_primary(): the per-address limits), which must never be a moment behind.
"""

import contextvars

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import FileResponse

REPLICA = "replica"
ROUTER = "nanjie.db_router.PrimaryReplicaRouter"
PIN_COOKIE = "db_pin"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
PRIMARY_ONLY_APPS = frozenset({"sessions", "axes"})
# More models an app wants read from the primary, added in its AppConfig.ready() (as nanjie's ThrottleHit).
_primary_only_models = set()

# The routing of the request being served; None outside a request: the primary.
_current = contextvars.ContextVar("nanjie_db_routing", default=None)


def read_from_primary(model):
    """Register a model whose rows decide who may do what now: never read from a replica a moment behind."""
    _primary_only_models.add(model._meta.label_lower)


class Routing:
    """One request's choice: `primary` from the start (method, pin cookie), `wrote` once it writes."""

    __slots__ = ("primary", "wrote")

    def __init__(self, primary):
        self.primary = primary
        self.wrote = False

    def reads_replica(self):
        return not (self.primary or self.wrote)


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        routing = _current.get()
        if routing is None or not routing.reads_replica():
            return DEFAULT_DB_ALIAS
        meta = model._meta
        if meta.app_label in PRIMARY_ONLY_APPS or meta.label_lower in _primary_only_models:
            return DEFAULT_DB_ALIAS
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        return REPLICA

    def db_for_write(self, model, **hints):
        routing = _current.get()
        if routing is not None:
            routing.wrote = True  # what this request reads from now on must include what it wrote
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # one database, two copies

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS  # the standby replays the primary's schema; it cannot be written


def read_primary():
    """The rest of this request reads from the primary (nanjie/page_cache.py: a page about to be kept for every
    visitor must not be a lagging replica's). No pin cookie: the browser did not write."""
    routing = _current.get()
    if routing is not None:
        routing.primary = True


def replica_in_use():
    return REPLICA in settings.DATABASES and ROUTER in settings.DATABASE_ROUTERS


def _within(routing, chunks):
    """A streamed answer (a CSV export) reads its rows after the view returned: with the request's routing."""
    chunks = iter(chunks)
    while True:
        token = _current.set(routing)
        try:
            chunk = next(chunks)
        except StopIteration:
            return
        finally:
            _current.reset(token)
        yield chunk


class ReadReplicaMiddleware:
    """Sets the request's routing, and after a write pins this browser to the primary for a few seconds."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not replica_in_use():
            return self.get_response(request)
        routing = Routing(primary=request.method not in SAFE_METHODS or PIN_COOKIE in request.COOKIES)
        token = _current.set(routing)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        if response.streaming and not isinstance(response, FileResponse):
            response.streaming_content = _within(routing, response.streaming_content)
        if routing.wrote:
            # The redirect after a wish, and the next pages, read what was just written even if the replica lags.
            response.set_cookie(PIN_COOKIE, "1", max_age=settings.DATABASE_REPLICA_PIN_SECONDS, httponly=True,
                                secure=settings.SESSION_COOKIE_SECURE, samesite="Lax")
        return response
