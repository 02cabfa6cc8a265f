"""/me/: a staff member's home. Each app adds panels without the ground floor importing it."""

from importlib import import_module

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

# Modules with panels(request) -> [{"template": "...", ...context}], in the order they appear.
PANEL_MODULES = ["grid.field_panels", "requests.panels"]


def collect_panels(request):
    panels = []
    for dotted in PANEL_MODULES:
        try:
            module = import_module(dotted)
        except ModuleNotFoundError as error:
            if error.name != dotted:
                raise
            continue
        panels.extend(module.panels(request))
    return panels


@require_GET
@login_required
def me(request):
    return render(request, "grid/me.html", {"panels": collect_panels(request)})
