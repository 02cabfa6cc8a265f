"""Admin for the joint meeting: its committee members, the on-duty chairman rota, the meetings and decisions."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from grid.territory.admin import ScopedAdmin, ScopedHistoryAdmin, ScopedInline
from partners.meeting.models import (
    AgendaItem,
    Attendance,
    CommitteeMember,
    Decision,
    DecisionEvent,
    DutyRota,
    Meeting,
    MinutesAmendment,
    _community,
)


@admin.register(CommitteeMember)
class CommitteeMemberAdmin(ScopedHistoryAdmin):
    list_display = ["person", "title", "unit", "active"]
    list_filter = ["active", "unit"]
    search_fields = ["person__name", "title", "unit__name"]
    list_select_related = ["person", "unit"]
    raw_id_fields = ["person"]


class DutyRotaForm(forms.ModelForm):
    class Meta:
        model = DutyRota
        fields = ["month", "member"]
        help_texts = {"month": _("Any day of the month; it is stored as the first day.")}

    def clean_month(self):
        # Normalise before the unique check, so 15 March clashes with an existing 1 March.
        month = self.cleaned_data["month"]
        return month.replace(day=1) if month else month


@admin.register(DutyRota)
class DutyRotaAdmin(ScopedHistoryAdmin):
    form = DutyRotaForm
    list_display = ["month", "member"]
    list_filter = ["member"]
    search_fields = ["member__person__name"]
    list_select_related = ["member__person"]
    date_hierarchy = "month"


# --- meetings: the pages' rules hold here too (transitions only through the model; confirmed minutes read-only) ---

class AttendanceInline(ScopedInline):
    model = Attendance
    extra = 0
    fields = ["member", "present", "recorded_by"]
    readonly_fields = ["recorded_by"]


class AmendmentInline(ScopedInline):
    model = MinutesAmendment
    extra = 0
    fields = ["text", "by", "at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Meeting)
class MeetingAdmin(ScopedHistoryAdmin):
    list_display = ["held_on", "place", "chairman", "minutes_confirmed_at"]
    list_filter = ["held_on", "chairman"]
    search_fields = ["place", "minutes"]
    list_select_related = ["chairman__person"]
    date_hierarchy = "held_on"
    filter_horizontal = ["invited_units"]
    inlines = [AttendanceInline, AmendmentInline]
    readonly_fields = ["community", "minutes_confirmed_at", "minutes_confirmed_by", "created_by"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_confirmed:  # confirmed minutes are corrected by an amendment only
            return [*self.readonly_fields, "held_on", "place", "chairman", "minutes", "invited_units"]
        return self.readonly_fields

    def get_inlines(self, request, obj):
        return [AmendmentInline] if obj is not None and obj.is_confirmed else self.inlines

    def save_model(self, request, obj, form, change):
        if not change:
            obj.community = obj.community if obj.community_id else _community()
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Attendance)
class AttendanceAdmin(ScopedHistoryAdmin):
    list_display = ["meeting", "member", "present"]
    list_filter = ["present", "member"]
    list_select_related = ["meeting", "member__person"]
    readonly_fields = ["recorded_by"]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj and obj.meeting.is_confirmed)


@admin.register(AgendaItem)
class AgendaItemAdmin(ScopedHistoryAdmin):
    list_display = ["title", "meeting", "position", "source", "dropped"]
    list_filter = ["dropped", "source"]
    search_fields = ["title"]
    list_select_related = ["meeting"]
    raw_id_fields = ["meeting", "follows_up"]
    readonly_fields = ["key", "source", "added_by"]


class DecisionEventInline(ScopedInline):
    model = DecisionEvent
    extra = 0
    fields = ["old_state", "new_state", "by", "at", "note"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Decision)
class DecisionAdmin(ScopedAdmin):
    """Decided, done and carried over on the meeting's pages (each a DecisionEvent row): read-only here."""

    list_display = ["text", "unit", "deadline", "state"]
    list_filter = ["state", "unit"]
    search_fields = ["text", "unit__name"]
    list_select_related = ["unit"]
    date_hierarchy = "deadline"
    inlines = [DecisionEventInline]
    readonly_fields = ["item", "text", "unit", "deadline", "state", "done_note", "done_on", "carried_to",
                       "decided_at"]

    def has_add_permission(self, request):
        return False


@admin.register(DecisionEvent)
class DecisionEventAdmin(ScopedAdmin):
    list_display = ["decision", "old_state", "new_state", "by", "at"]
    list_filter = ["new_state"]
    list_select_related = ["decision", "by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(MinutesAmendment)
class MinutesAmendmentAdmin(ScopedAdmin):
    list_display = ["meeting", "by", "at"]
    list_select_related = ["meeting", "by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
