"""The seven-colour volunteer teams: public pages (members' names masked for anonymous visitors; phones only for
the team's leaders and the branch)."""

from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from volunteers.teams.models import Team


@require_GET
def team_list(request):
    teams = Team.objects.annotate(member_count=Count("memberships")).order_by("pk")
    return render(request, "volunteers/teams/team_list.html", {"teams": teams})


@require_GET
def team_detail(request, colour):
    team = get_object_or_404(Team.objects.annotate(member_count=Count("memberships")), colour=colour)
    members = team.memberships.select_related("person").order_by("-is_leader", "pk")
    return render(request, "volunteers/teams/team_detail.html", {
        "team": team, "members": members, "staff_view": request.user.is_authenticated,
        "show_phones": team.phones_visible_to(request.user),
    })
