"""Admin for the joint meeting: its committee members and the on-duty chairman rota."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from grid.territory.admin import ScopedHistoryAdmin
from partners.meeting.models import CommitteeMember, DutyRota


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
