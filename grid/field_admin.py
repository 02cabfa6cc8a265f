"""Admin for field-work records: the four-teams roster, pairs, and the registers (scoped like the views)."""

from django.contrib import admin

from grid.models import (
    AssistancePair,
    Dispute,
    DisputeTransition,
    GridTeamMember,
    Household,
    HouseholdTag,
    PairContact,
    ServiceRecord,
    Visit,
    Whistle,
    WhistleReport,
)


class ScopedAdmin(admin.ModelAdmin):
    list_per_page = 50

    def get_queryset(self, request):
        return self.model.objects.visible_to(request.user) if hasattr(self.model.objects, "visible_to") \
            else super().get_queryset(request)


class HouseholdTagInline(admin.TabularInline):
    model = HouseholdTag
    extra = 0


@admin.register(Household)
class HouseholdAdmin(ScopedAdmin):
    list_display = ["address", "contact_name", "people", "micro_grid"]
    list_filter = ["tags__group"]
    search_fields = ["contact_name", "compound", "building", "room", "micro_grid__code"]
    list_select_related = ["micro_grid"]
    raw_id_fields = ["micro_grid"]
    inlines = [HouseholdTagInline]


@admin.register(Visit)
class VisitAdmin(ScopedAdmin):
    list_display = ["visited_on", "household", "worker"]
    list_select_related = ["household", "worker"]
    raw_id_fields = ["household", "worker", "recorded_by"]
    date_hierarchy = "visited_on"


class PairContactInline(admin.TabularInline):
    model = PairContact
    extra = 0
    raw_id_fields = ["recorded_by"]


@admin.register(AssistancePair)
class AssistancePairAdmin(ScopedAdmin):
    list_display = ["helper", "helper_kind", "household", "member_name", "cadence_days", "active"]
    list_filter = ["helper_kind", "active"]
    list_select_related = ["helper", "household"]
    search_fields = ["helper__name", "member_name", "household__contact_name"]
    raw_id_fields = ["helper", "household"]
    inlines = [PairContactInline]


@admin.register(ServiceRecord)
class ServiceRecordAdmin(ScopedAdmin):
    list_display = ["done_on", "way", "what", "household", "helper"]
    list_filter = ["way"]
    list_select_related = ["household", "helper"]
    raw_id_fields = ["household", "helper", "recorded_by"]


class DisputeTransitionInline(admin.TabularInline):
    model = DisputeTransition
    extra = 0
    can_delete = False
    readonly_fields = ["old", "new", "by", "note", "at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Dispute)
class DisputeAdmin(ScopedAdmin):
    list_display = ["found_on", "kind", "micro_grid", "state", "resolved_on"]
    list_filter = ["state", "kind"]
    list_select_related = ["micro_grid"]
    raw_id_fields = ["micro_grid", "mediator", "registered_by"]
    readonly_fields = ["state", "resolved_on"]  # states move only through the register's buttons
    inlines = [DisputeTransitionInline]


@admin.register(GridTeamMember)
class GridTeamMemberAdmin(admin.ModelAdmin):
    list_display = ["grid", "team", "person", "since"]
    list_filter = ["team"]
    list_select_related = ["grid", "person"]
    search_fields = ["person__name", "grid__code", "grid__name"]
    raw_id_fields = ["person"]


class WhistleReportInline(admin.TabularInline):
    model = WhistleReport
    extra = 0
    raw_id_fields = ["person"]


@admin.register(Whistle)
class WhistleAdmin(ScopedAdmin):
    list_display = ["what", "grid", "urgency", "when", "closed_at"]
    list_filter = ["urgency"]
    list_select_related = ["grid"]
    raw_id_fields = ["blown_by", "closed_by"]
    inlines = [WhistleReportInline]
