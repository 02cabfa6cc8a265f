from django.shortcuts import render
from django.views.decorators.http import require_GET

from partners.models import DutyRota


@require_GET
def home(request):
    return render(request, "home.html", {"chairman": DutyRota.chairman_for()})
