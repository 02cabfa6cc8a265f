"""Admin for the dispute register, scoped like its pages; states move only through the register's buttons."""

from django.contrib import admin

from grid.disputes.models import Dispute, DisputeTransition
from grid.territory.admin import ScopedAdmin, ScopedInline, subtree_filter


class DisputeTransitionInline(ScopedInline):
    model = DisputeTransition
    extra = 0
    can_delete = False
    readonly_fields = ["old", "new", "by", "note", "at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Dispute)
class DisputeAdmin(ScopedAdmin):
    list_display = ["found_on", "kind", "micro_grid", "state", "resolved_on"]
    list_filter = [subtree_filter("micro_grid"), "state", "kind"]
    list_select_related = ["micro_grid"]
    raw_id_fields = ["micro_grid", "mediator"]  # registered_by: the user (ScopedAdmin)
    readonly_fields = ["state", "resolved_on"]  # states move only through the register's buttons
    inlines = [DisputeTransitionInline]
