from django.db.models import Count
from django.shortcuts import render
from django.views.decorators.http import require_GET

from volunteers.models import Team


@require_GET
def team_list(request):
    teams = Team.objects.annotate(member_count=Count("memberships"))
    return render(request, "volunteers/team_list.html", {"teams": teams})
