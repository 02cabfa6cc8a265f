"""Admin for field-work records: the four-teams roster, pairs, and the registers (scoped like the views)."""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.utils.translation import gettext_lazy as _

from grid.admin_filters import subtree_filter
from grid.admin_history import HistoryAdmin
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


class ScopedHistoryAdmin(ScopedAdmin, HistoryAdmin):
    """A roster kept with its history (who changed what, when), scoped like the views.

    simple_history shows the history rows of an id get_queryset misses (meant for deleted objects): outside the
    scope that would be another grid's households. Only community-wide staff see a deleted object's history.
    """

    def _outside_scope(self, request, object_id):
        if not self._parses(self.model._meta.pk, object_id):
            return False  # HistoryAdmin answers a malformed id
        in_scope = self.get_queryset(request).filter(pk=unquote(object_id)).exists()
        return not (in_scope or request.user.has_perm("grid.view_all_grids"))

    def history_view(self, request, object_id, extra_context=None):
        if self._outside_scope(request, object_id):
            return self._get_obj_does_not_exist_redirect(request, self.model._meta, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if self._outside_scope(request, object_id):
            return self._get_obj_does_not_exist_redirect(request, self.model._meta, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)


class HouseholdTagInline(admin.TabularInline):
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


@admin.register(Visit)
class VisitAdmin(ScopedAdmin):
    list_display = ["visited_on", "household", "worker"]
    list_filter = [subtree_filter("household__micro_grid")]
    list_select_related = ["household", "worker"]
    raw_id_fields = ["household", "worker", "recorded_by"]
    date_hierarchy = "visited_on"


class PairContactInline(admin.TabularInline):
    model = PairContact
    extra = 0
    raw_id_fields = ["recorded_by"]


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
    list_filter = [subtree_filter("micro_grid"), "state", "kind"]
    list_select_related = ["micro_grid"]
    raw_id_fields = ["micro_grid", "mediator", "registered_by"]
    readonly_fields = ["state", "resolved_on"]  # states move only through the register's buttons
    inlines = [DisputeTransitionInline]


@admin.register(GridTeamMember)
class GridTeamMemberAdmin(HistoryAdmin):
    list_display = ["grid", "team", "person", "since"]
    list_filter = [subtree_filter("grid"), "team"]
    list_select_related = ["grid", "person"]
    search_fields = ["person__name", "grid__code", "grid__name"]
    raw_id_fields = ["person"]


class WhistleReportInline(admin.TabularInline):
    """Who reported in, and when, is the record of the turnout: shown, never edited here."""

    model = WhistleReport
    extra = 0
    can_delete = False
    readonly_fields = ["person", "note", "reported_at"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Whistle)
class WhistleAdmin(ScopedAdmin):
    list_display = ["what", "grid", "urgency", "when", "closed_at"]
    list_filter = [subtree_filter("grid"), "urgency"]
    list_select_related = ["grid"]
    raw_id_fields = ["blown_by"]
    readonly_fields = ["closed_at", "closed_by", "outcome"]  # closed only through Whistle.close() on its page
    inlines = [WhistleReportInline]
