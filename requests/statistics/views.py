from django.shortcuts import render
from django.views.decorators.http import require_GET

from requests.stats import figures


@require_GET
def stats(request):
    return render(request, "requests/stats.html", {"figures": figures()})
