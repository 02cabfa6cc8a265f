"""Admin for visits, scoped like the visit pages."""

from django.contrib import admin

from grid.territory.admin import ScopedAdmin, subtree_filter
from grid.visits.models import Visit


@admin.register(Visit)
class VisitAdmin(ScopedAdmin):
    list_display = ["visited_on", "household", "worker"]
    list_filter = [subtree_filter("household__micro_grid")]
    list_select_related = ["household", "worker"]
    raw_id_fields = ["household", "worker"]  # recorded_by: the user (ScopedAdmin)
    date_hierarchy = "visited_on"
