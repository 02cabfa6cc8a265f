"""Admin for the seven-colour volunteer teams and their members."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from grid.people.admin import PersonAdmin
from grid.territory.admin import ScopedHistoryAdmin, ScopedInline
from volunteers.teams.models import Team, TeamMember

# People are filtered by the volunteer team they serve in (the ground floor does not know the teams).
PersonAdmin.list_filter = [*PersonAdmin.list_filter, "teams"]


class TeamMemberInline(ScopedInline):
    model = TeamMember
    extra = 1
    raw_id_fields = ["person"]


@admin.register(Team)
class TeamAdmin(ScopedHistoryAdmin):
    list_display = ["name", "colour", "member_count"]
    search_fields = ["name", "mission"]
    inlines = [TeamMemberInline]
    ordering = ["pk"]  # the Count annotation drops Meta.ordering: the autocomplete lookup's paginator warned (500)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_total=Count("memberships"))

    @admin.display(description=_("members"), ordering="member_total")
    def member_count(self, team):
        return team.member_total


@admin.register(TeamMember)
class TeamMemberAdmin(ScopedHistoryAdmin):
    list_display = ["person", "team", "skills", "is_leader"]
    list_filter = ["team", "is_leader"]
    search_fields = ["person__name", "person__phone", "skills"]
    list_select_related = ["person", "team"]
    raw_id_fields = ["person"]
