"""Admin for the sessions: to look, not to change their state (that is the session page's, through the model)."""

from django.contrib import admin

from grid.territory.admin import ScopedAdmin, ScopedInline, subtree_filter
from volunteers.sessions.models import Session, SessionChange

STATE_FIELDS = ["rule", "on", "starts_at", "ends_at", "origin", "moved_from", "state", "cancel_reason",
                "served_count", "summary", "servers", "other_servers", "households", "recorded_by", "recorded_at"]


class SessionChangeInline(ScopedInline):
    model = SessionChange
    extra = 0
    can_delete = False
    readonly_fields = ["old", "new", "by", "note", "at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Session)
class SessionAdmin(ScopedAdmin):
    list_display = ["rule", "on", "starts_at", "ends_at", "origin", "state", "served_count"]
    list_filter = ["state", "origin", "rule__kind", subtree_filter("rule__position__micro_grid")]
    search_fields = ["rule__title", "rule__position__name", "summary"]
    list_select_related = ["rule__position"]
    date_hierarchy = "on"
    fields = [*STATE_FIELDS, "note"]
    readonly_fields = STATE_FIELDS
    inlines = [SessionChangeInline]

    def has_add_permission(self, request):
        return False  # sessions come from their rule, or from "extra session" on the staff pages
