"""The community's figures, computed from the portal's own records: a public page, community-wide counts only."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from requests.statistics.figures import figures


@require_GET
def stats(request):
    return render(request, "requests/stats.html", {"figures": figures()})
