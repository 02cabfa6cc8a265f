"""/me/: a staff member's home. Each app adds its panels to nanjie.registry.panels in its AppConfig.ready()."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from nanjie.registry import panels


def collect_panels(request):
    """The panels this user gets, in their registered order; a panel that has nothing to show returns None."""
    return [context for context in (panel.context(request) for panel in panels) if context is not None]


def render_me(request, **context):
    """The one staff home (工作台): /me/, and the requests app's /requests/ with its queue list beside."""
    return render(request, "me.html", {"panels": collect_panels(request), **context})


@require_GET
@login_required
def me(request):
    return render_me(request)
