"""Admin for the fixed-day service rules: saving a changed rule plans its future sessions again."""

import datetime

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from grid.territory.admin import ScopedHistoryAdmin, subtree_filter
from volunteers.services.models import HORIZON_DAYS, ServiceRule

# A change to any of these moves the sessions the rule makes.
PLANNING_FIELDS = {"starts_at", "ends_at", "frequency", "weekday", "every_weeks", "day_of_month", "week_of_month",
                   "on_holiday", "starts_on", "ends_on", "active"}


@admin.register(ServiceRule)
class ServiceRuleAdmin(ScopedHistoryAdmin):
    list_display = ["title", "kind", "position", "repeats", "hours", "provider", "slot_minutes", "active"]
    list_filter = ["kind", "frequency", "on_holiday", "active", subtree_filter("position__micro_grid")]
    search_fields = ["title", "position__name", "unit__name", "team__name"]
    list_select_related = ["position", "unit", "team"]
    fieldsets = [
        (None, {"fields": ["position", "kind", "title", "note", "active"]}),
        (gettext_lazy("Who provides it"), {"fields": ["unit", "team"]}),
        (gettext_lazy("When"), {"fields": ["frequency", "weekday", "every_weeks", "day_of_month", "week_of_month",
                                           "starts_at", "ends_at", "on_holiday", "starts_on", "ends_on"]}),
        (gettext_lazy("Where and booking"), {"fields": ["place", "slot_minutes"]}),
    ]

    @admin.display(description=gettext_lazy("repeats"))
    def repeats(self, rule):
        return rule.repeats_label()

    @admin.display(description=gettext_lazy("hours"))
    def hours(self, rule):
        return rule.hours_label()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and PLANNING_FIELDS & set(form.changed_data):
            kept = obj.replan(by=request.user)
            if kept:
                self.message_user(request, _("%(count)d future sessions were kept because residents booked them: "
                                             "cancel them on the session page if they no longer happen.")
                                  % {"count": kept}, messages.WARNING)
        else:
            obj.schedule_through(timezone.localdate() + datetime.timedelta(days=HORIZON_DAYS))
