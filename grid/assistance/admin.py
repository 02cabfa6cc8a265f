"""Admin for assistance pairs (with their contacts and history) and three-ways records, scoped like their pages."""

from django.contrib import admin

from grid.assistance.models import AssistancePair, PairContact, ServiceRecord
from grid.territory.admin import ScopedAdmin, ScopedHistoryAdmin, ScopedInline, subtree_filter


class PairContactInline(ScopedInline):
    model = PairContact
    extra = 0  # recorded_by: the user (ScopedAdmin.save_formset)


@admin.register(AssistancePair)
class AssistancePairAdmin(ScopedHistoryAdmin):
    list_display = ["helper", "helper_kind", "household", "member_name", "cadence_days", "active"]
    list_filter = [subtree_filter("household__micro_grid"), "helper_kind", "active"]
    list_select_related = ["helper", "household"]
    search_fields = ["helper__name", "member_name", "household__contact_name"]
    raw_id_fields = ["helper", "household"]
    inlines = [PairContactInline]


@admin.register(ServiceRecord)
class ServiceRecordAdmin(ScopedAdmin):
    list_display = ["done_on", "way", "what", "household", "helper"]
    list_filter = [subtree_filter("household__micro_grid"), "way"]
    list_select_related = ["household", "helper"]
    raw_id_fields = ["household", "helper"]  # recorded_by: the user (ScopedAdmin)
