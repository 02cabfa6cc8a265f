"""The period and grid a statistics page counts: this year by default, a month (2026-11) or a range of days."""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grid.models import GridNode
from nanjie.figures import Period

MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
LONGEST_RANGE = datetime.timedelta(days=5 * 366)  # five years: the pages stay quick and the cache small
EARLIEST_YEAR = 2000


class GridChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        # A NUL in a query string would reach PostgreSQL, which refuses it with an error (a 500).
        if isinstance(value, str) and "\x00" in value:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class PeriodForm(forms.Form):
    month = forms.CharField(label=_("Month"), required=False, max_length=7,
                            widget=forms.TextInput(attrs={"type": "month", "placeholder": "2026-11"}),
                            help_text=_("A month, e.g. 2026-11. Leave empty for this year or a range."))
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    grid = GridChoiceField(label=_("Grid"), required=False, queryset=GridNode.objects.none(),
                                  empty_label=_("The whole community"), to_field_name="code")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grid"].queryset = GridNode.objects.of_community().filter(kind=GridNode.Kind.GRID) \
            .order_by("code")

    def clean_month(self):
        value = (self.cleaned_data.get("month") or "").strip()
        if not value:
            return None
        found = MONTH.match(value)
        if not found or not 1 <= int(found[2]) <= 12 or int(found[1]) < EARLIEST_YEAR:
            raise ValidationError(_("Give the month as year and month, e.g. 2026-11."), code="month")
        return Period.month(int(found[1]), int(found[2]))

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if (start or end) and data.get("month"):
            raise ValidationError(_("Choose a month or a range of days, not both."), code="both")
        if bool(start) != bool(end) and not self.errors:
            raise ValidationError(_("A range needs both its first and its last day."), code="half_range")
        if start and end:
            if end < start:
                raise ValidationError(_("The last day cannot be before the first."), code="reversed")
            if end - start > LONGEST_RANGE:
                raise ValidationError(_("Choose at most five years."), code="too_long")
            if start.year < EARLIEST_YEAR:
                raise ValidationError(_("Choose a range from the year 2000 on."), code="too_early")
        return data

    def chosen_period(self):
        """The chosen period; this year when nothing (or nothing valid) was chosen."""
        if self.is_valid():
            if self.cleaned_data.get("month"):
                return self.cleaned_data["month"]
            if self.cleaned_data.get("start"):
                return Period(self.cleaned_data["start"], self.cleaned_data["end"])
        return Period.this_year(timezone.localdate())

    def chosen_grid(self):
        return self.cleaned_data.get("grid") if self.is_valid() else None


def period_query(period, grid=None):
    """The query string that chooses `period` (and `grid`) again: for links to charts, drill-downs, the CSV."""
    query = {"start": period.start.isoformat(), "end": period.end.isoformat()}
    if grid is not None:
        query["grid"] = grid.code
    return query


class AreaPeriodForm(forms.Form):
    """A roll-up counts whole months: a year (this one by default) or one month."""

    year = forms.IntegerField(label=_("Year"), required=False, min_value=EARLIEST_YEAR, max_value=2100)
    month = PeriodForm.base_fields["month"]

    clean_month = PeriodForm.clean_month

    def chosen_period(self):
        if self.is_valid():
            if self.cleaned_data.get("month"):
                return self.cleaned_data["month"]
            if self.cleaned_data.get("year"):
                return Period.year(self.cleaned_data["year"])
        return Period.this_year(timezone.localdate())
