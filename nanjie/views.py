"""The portal's own pages: the health check, the error pages, the login lockout and the benchmark floor.

The floor is base.html rendered with no queries, so `make bench` can tell page cost from stack cost. It is
mounted at /_floor/ only when NANJIE_BENCH_FLOOR=1 (see nanjie/urls.py); production never serves it.
"""

import sys

from django.conf import settings
from django.db import OperationalError, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from nanjie.paper import community_office


@require_GET
@never_cache
def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def server_error(request):
    """Our 500 page; while the database (or Redis: the sessions) is unreachable, the same page as a 503 with
    Retry-After.

    A resident who sees it mid-submission is told to check their tracking page before sending again; a client
    or a monitor that reads the status learns the outage is passing. The page itself needs no database.
    """
    unavailable = isinstance(sys.exc_info()[1], (OperationalError, RedisConnectionError, RedisTimeoutError))
    # No request context: its processors (the user, the menu) may need the database that just failed.
    page = loader.render_to_string("500.html", {"office": community_office()})  # settings only, no database
    response = HttpResponse(page, status=503 if unavailable else 500)
    if unavailable:
        response["Retry-After"] = "30"
    return response


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


def locked_out(request, credentials=None, *args, **kwargs):
    response = render(request, "registration/locked_out.html", status=429)
    # A client (or a script) learns when to try again: the cool-off, counted from now at the latest.
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME * 3600))
    return response


def floor(request):
    return render(request, "base.html")
