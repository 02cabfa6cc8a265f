"""Admin for households, scoped like the household pages, with their special-group tags and history."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from grid.households.models import Household, HouseholdTag
from grid.territory.admin import ScopedHistoryAdmin, ScopedInline, subtree_filter


class HouseholdTagInline(ScopedInline):
    model = HouseholdTag
    extra = 0


@admin.register(Household)
class HouseholdAdmin(ScopedHistoryAdmin):
    list_display = ["address", "contact_name", "people", "micro_grid"]
    list_filter = [subtree_filter("micro_grid"), "tags__group"]
    search_fields = ["contact_name", "compound", "building", "room", "micro_grid__code"]
    list_select_related = ["micro_grid"]
    raw_id_fields = ["micro_grid"]
    inlines = [HouseholdTagInline]

    @admin.display(description=_("address"), ordering="compound")
    def address(self, household):
        return household.address
