"""Admin for the partners' rosters: categories of matters, units with their duties and party members."""

from django.contrib import admin

from grid.people.admin import PersonAdmin
from grid.territory.admin import ScopedHistoryAdmin, ScopedInline
from partners.units.models import Category, Unit, UnitMembership

# People are filtered by the unit they are a party member of (the ground floor does not know units).
PersonAdmin.list_filter = [*PersonAdmin.list_filter, "units"]


@admin.register(Category)
class CategoryAdmin(ScopedHistoryAdmin):
    list_display = ["name", "code", "default_deadline_days", "response_workdays", "position", "active"]
    list_filter = ["active"]
    search_fields = ["name", "code"]


class UnitMembershipInline(ScopedInline):
    model = UnitMembership
    extra = 1
    raw_id_fields = ["person"]


@admin.register(Unit)
class UnitAdmin(ScopedHistoryAdmin):
    list_display = ["name", "short_name", "kind", "contact_name", "contact_phone", "active"]
    list_filter = ["kind", "duties", "active"]
    search_fields = ["name", "short_name", "contact_name", "contact_phone"]
    filter_horizontal = ["duties"]
    inlines = [UnitMembershipInline]


@admin.register(UnitMembership)
class UnitMembershipAdmin(ScopedHistoryAdmin):
    list_display = ["person", "unit", "duty"]
    list_filter = ["unit", "unit__kind"]
    search_fields = ["person__name", "person__phone", "unit__name", "unit__short_name"]
    list_select_related = ["person", "unit"]
    raw_id_fields = ["person"]
