"""Admin for study sessions (attendance shown, not edited: it is recorded through the model) and the register of
mobile party members with their tutors' contacts, scoped like the pages."""

from django.contrib import admin

from grid.territory.admin import ScopedAdmin, ScopedHistoryAdmin, ScopedInline, subtree_filter
from volunteers.study.models import MobileMember, StudyAttendance, StudySession, StudySessionChange, TutorContact


class AttendanceInline(ScopedInline):
    model = StudyAttendance
    fk_name = "session"
    fields = ["person", "present", "how", "made_up_in", "recorded_by", "at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ChangeInline(ScopedInline):
    model = StudySessionChange
    fields = ["old", "new", "by", "note", "at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(StudySession)
class StudySessionAdmin(ScopedAdmin):
    list_display = ["topic", "kind", "starts_at", "position", "organiser", "state", "makes_up"]
    list_filter = ["kind", "state", subtree_filter("position__micro_grid")]
    search_fields = ["topic", "materials", "organiser__name"]
    list_select_related = ["position", "organiser", "makes_up"]
    date_hierarchy = "starts_at"
    raw_id_fields = ["organiser", "makes_up"]
    exclude = ["token"]
    readonly_fields = ["state", "created_by"]  # states change through the model: close/cancel write change rows
    inlines = [AttendanceInline, ChangeInline]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        if not change:
            obj.changes.create(old="", new=obj.state, by=request.user, note="admin")


class ContactInline(ScopedInline):
    model = TutorContact
    fields = ["on", "how", "studied", "recorded_by"]
    readonly_fields = ["recorded_by"]
    extra = 0


@admin.register(MobileMember)
class MobileMemberAdmin(ScopedHistoryAdmin):
    list_display = ["person", "grid", "tutor", "since", "returned_on"]
    list_filter = [subtree_filter("grid"), "returned_on"]
    search_fields = ["person__name", "tutor__name", "works_in"]
    list_select_related = ["person", "tutor", "grid"]
    raw_id_fields = ["person", "tutor"]
    inlines = [ContactInline]

    def save_formset(self, request, form, formset, change):
        for contact in formset.save(commit=False):
            if not contact.recorded_by_id:
                contact.recorded_by = request.user
            contact.save()
        for gone in formset.deleted_objects:
            gone.delete()


@admin.register(TutorContact)
class TutorContactAdmin(ScopedAdmin):
    list_display = ["member", "on", "how", "recorded_by"]
    list_filter = ["how", subtree_filter("member__grid")]
    search_fields = ["member__person__name", "studied"]
    list_select_related = ["member__person", "recorded_by"]
    date_hierarchy = "on"
    exclude = ["token"]
    readonly_fields = ["recorded_by"]
    raw_id_fields = ["member"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)
