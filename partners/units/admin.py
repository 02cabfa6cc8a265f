"""Admin for the partners' rosters: units with their duties and party members, the joint meeting and its rota."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from grid.admin_history import HistoryAdmin
from partners.models import Category, CommitteeMember, DutyRota, Unit, UnitMembership


@admin.register(Category)
class CategoryAdmin(HistoryAdmin):
    list_display = ["name", "code", "default_deadline_days", "position", "active"]
    list_filter = ["active"]
    search_fields = ["name", "code"]


class UnitMembershipInline(admin.TabularInline):
    model = UnitMembership
    extra = 1
    raw_id_fields = ["person"]


@admin.register(Unit)
class UnitAdmin(HistoryAdmin):
    list_display = ["name", "short_name", "kind", "contact_name", "contact_phone", "active"]
    list_filter = ["kind", "duties", "active"]
    search_fields = ["name", "short_name", "contact_name", "contact_phone"]
    filter_horizontal = ["duties"]
    inlines = [UnitMembershipInline]


@admin.register(UnitMembership)
class UnitMembershipAdmin(HistoryAdmin):
    list_display = ["person", "unit", "duty"]
    list_filter = ["unit", "unit__kind"]
    search_fields = ["person__name", "person__phone", "unit__name", "unit__short_name"]
    list_select_related = ["person", "unit"]
    raw_id_fields = ["person"]


@admin.register(CommitteeMember)
class CommitteeMemberAdmin(HistoryAdmin):
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
class DutyRotaAdmin(HistoryAdmin):
    form = DutyRotaForm
    list_display = ["month", "member"]
    list_filter = ["member"]
    search_fields = ["member__person__name"]
    list_select_related = ["member__person"]
    date_hierarchy = "month"
