"""Admin for the four-teams roster (with history) and whistles, scoped like the whistle pages."""

from django.contrib import admin

from grid.teams.models import GridTeamMember, Whistle, WhistleReport, WhistleTransition
from grid.territory.admin import ScopedAdmin, ScopedHistoryAdmin, ScopedInline, subtree_filter


@admin.register(GridTeamMember)
class GridTeamMemberAdmin(ScopedHistoryAdmin):
    list_display = ["grid", "team", "person", "since"]
    list_filter = [subtree_filter("grid"), "team"]
    list_select_related = ["grid", "person"]
    search_fields = ["person__name", "grid__code", "grid__name"]
    raw_id_fields = ["person"]


class WhistleReportInline(ScopedInline):
    """Who reported in, and when, is the record of the turnout: shown, never edited here."""

    model = WhistleReport
    extra = 0
    can_delete = False
    readonly_fields = ["person", "note", "reported_at"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class WhistleTransitionInline(ScopedInline):
    model = WhistleTransition
    extra = 0
    can_delete = False
    readonly_fields = ["old", "new", "by", "note", "at"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Whistle)
class WhistleAdmin(ScopedAdmin):
    list_display = ["what", "grid", "urgency", "when", "closed_at"]
    list_filter = [subtree_filter("grid"), "urgency"]
    list_select_related = ["grid"]
    readonly_fields = ["closed_at", "closed_by", "outcome"]  # closed only through Whistle.close() on its page
    inlines = [WhistleReportInline, WhistleTransitionInline]
