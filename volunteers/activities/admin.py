"""Admin for activity day, the activities, sign-ups and certificates: to look and correct texts, not to change
state (that is the pages', through the models); every change of state is an ActivityLog row, read-only here."""

from django.contrib import admin

from grid.territory.admin import ScopedAdmin, ScopedInline, subtree_filter
from volunteers.activities.models import Activity, ActivityDay, ActivityLog, PlanReason
from volunteers.activities.signups import Certificate, SignUp


class LogInline(ScopedInline):
    model = ActivityLog
    extra = 0
    can_delete = False
    fields = readonly_fields = ["event", "signup", "by", "note", "at"]

    def has_add_permission(self, request, obj=None):
        return False


class ReasonInline(ScopedInline):
    model = PlanReason
    extra = 0
    raw_id_fields = ["grid"]
    readonly_fields = ["by"]


@admin.register(ActivityDay)
class ActivityDayAdmin(ScopedAdmin):
    list_display = ["month", "held_on", "moved_from", "state", "published_at"]
    list_filter = ["state"]
    readonly_fields = ["month", "held_on", "moved_from", "state", "published_at", "published_by"]
    inlines = [ReasonInline]

    def has_add_permission(self, request):
        return False  # a plan is drafted on the plans page (its day computed from the Chinese calendar)


STATE_FIELDS = ["plan", "team", "claimed_at", "state", "beneficiaries", "recorded_by", "created_by"]


@admin.register(Activity)
class ActivityAdmin(ScopedAdmin):
    list_display = ["title", "starts", "ends", "colour", "team", "capacity", "state", "beneficiaries"]
    list_filter = ["state", "colour", subtree_filter("grids")]
    search_fields = ["title", "place", "needs"]
    list_select_related = ["team"]
    date_hierarchy = "starts"
    exclude = ["token"]
    readonly_fields = STATE_FIELDS
    raw_id_fields = ["organiser", "households"]
    filter_horizontal = ["grids"]
    inlines = [LogInline]

    def has_add_permission(self, request):
        return False  # activities are added on the activities page, with the once-only form


@admin.register(SignUp)
class SignUpAdmin(ScopedAdmin):
    list_display = ["activity", "person", "state", "signed_in_at", "signed_out_at", "minutes", "hours_state"]
    list_filter = ["state", "hours_state"]
    search_fields = ["activity__title", "person__name"]
    list_select_related = ["activity", "person"]
    readonly_fields = ["activity", "person", "state", "queued_at", "clash_allowed_by", "signed_in_at",
                       "signed_out_at", "minutes", "hours_state", "confirmed_by", "confirmed_at", "late_reason",
                       "late_entered_by"]

    def has_add_permission(self, request):
        return False


@admin.register(Certificate)
class CertificateAdmin(ScopedAdmin):
    list_display = ["number", "person", "minutes", "issued_at", "issued_by"]
    search_fields = ["number", "person__name"]
    list_select_related = ["person", "issued_by"]
    readonly_fields = ["person", "year", "serial", "number", "records", "minutes", "issued_at", "issued_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # a certificate issued is a document: it is not edited
