from django.shortcuts import render
from django.views.decorators.http import require_GET

from partners.models import Unit


@require_GET
def unit_list(request):
    units = Unit.objects.filter(active=True).prefetch_related("duties")
    return render(request, "partners/unit_list.html", {"units": units})
