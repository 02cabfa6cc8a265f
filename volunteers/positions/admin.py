"""Admin for the service positions, their duty roster, amenities and inspections (scoped like the pages)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from grid.territory.admin import ScopedHistoryAdmin, ScopedInline, subtree_filter
from volunteers.positions.models import Amenity, DutyShift, Inspection, Position


class AmenityInline(ScopedInline):
    model = Amenity
    extra = 1


class DutyShiftInline(ScopedInline):
    model = DutyShift
    extra = 1
    raw_id_fields = ["person"]


@admin.register(Position)
class PositionAdmin(ScopedHistoryAdmin):
    list_display = ["name", "kind", "micro_grid", "compound", "host_unit", "phone", "active"]
    list_filter = ["kind", "active", subtree_filter("micro_grid")]
    search_fields = ["name", "compound", "location"]
    list_select_related = ["micro_grid", "host_unit"]
    inlines = [AmenityInline, DutyShiftInline]
    fieldsets = [
        (None, {"fields": ["kind", "name", "order", "active", "description"]}),
        (_("Where"), {"fields": ["micro_grid", "compound", "location", "host_unit"]}),
        (_("Hours and phone"), {"fields": ["open_weekdays", "opens_at", "closes_at", "hours_note", "phone"]}),
    ]


@admin.register(DutyShift)
class DutyShiftAdmin(ScopedHistoryAdmin):
    list_display = ["position", "weekday", "part", "person", "duty"]
    list_filter = ["weekday", "part", "position__kind"]
    search_fields = ["position__name", "person__name", "duty"]
    list_select_related = ["position", "person"]
    raw_id_fields = ["person"]


@admin.register(Amenity)
class AmenityAdmin(ScopedHistoryAdmin):
    list_display = ["position", "kind", "label", "quantity", "expires_on"]
    list_filter = ["kind"]
    search_fields = ["position__name", "label"]
    list_select_related = ["position"]


@admin.register(Inspection)
class InspectionAdmin(ScopedHistoryAdmin):
    list_display = ["position", "month", "inspected_on", "missing", "fixed_on"]
    list_filter = ["month", subtree_filter("position__micro_grid")]
    search_fields = ["position__name", "checked", "missing"]
    list_select_related = ["position"]
    date_hierarchy = "inspected_on"  # the token is never shown, recorded_by is the user (ScopedAdmin)
