"""The staff's forms for positions: this month's inspection of a station, and marking what was missing fixed."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grid.forms import DATE, SHORT_NOTE, PlainLength
from nanjie.once import OnceOnlyForm
from volunteers.positions.models import NOTE_MAX_LENGTH


class InspectionForm(PlainLength, OnceOnlyForm, forms.Form):
    inspected_on = forms.DateField(label=_("Inspected on"), widget=DATE, initial=timezone.localdate,
                                   error_messages={"required": _("Give the date of the inspection."),
                                                   "invalid": _("Enter a date such as 2026-12-02.")})
    checked = forms.CharField(label=_("What was checked"), max_length=NOTE_MAX_LENGTH,
                              widget=forms.Textarea(attrs=SHORT_NOTE),
                              initial=_("Seats, drinking water, first-aid kit, phone chargers, umbrellas, cleanliness"),
                              error_messages={"required": _("Say what was checked.")})
    missing = forms.CharField(label=_("What is missing or broken (empty if nothing)"), required=False,
                              max_length=NOTE_MAX_LENGTH, widget=forms.Textarea(attrs=SHORT_NOTE))


class FixedForm(PlainLength, forms.Form):
    fixed_on = forms.DateField(label=_("Fixed on"), widget=DATE, initial=timezone.localdate,
                               error_messages={"required": _("Give the date it was fixed."),
                                               "invalid": _("Enter a date such as 2026-12-02.")})
    fixed_note = forms.CharField(label=_("How it was fixed"), max_length=200, required=False)
