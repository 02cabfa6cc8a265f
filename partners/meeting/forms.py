"""The joint meeting's forms: they validate and convert; the models (partners/meeting/models.py) act."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.meeting.models import CommitteeMember, Meeting
from partners.units.models import Unit

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
ROWS = {"rows": 4}


class MeetingForm(forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=DATE)
    place = forms.CharField(label=_("Place"), max_length=100, initial="南街社区党群服务中心")
    invited_units = forms.ModelMultipleChoiceField(
        label=_("Invited units"), required=False, widget=forms.CheckboxSelectMultiple,
        queryset=Unit.objects.filter(active=True).order_by("kind", "name"))


class AttendanceForm(forms.Form):
    present = forms.ModelMultipleChoiceField(
        label=_("Present"), required=False, widget=forms.CheckboxSelectMultiple,
        queryset=CommitteeMember.objects.filter(active=True).select_related("person").order_by("pk"))


class ItemForm(forms.Form):
    title = forms.CharField(label=_("New item"), max_length=200)


def active_units():
    return list(Unit.objects.filter(active=True).order_by("kind", "name"))


class DecisionForm(forms.Form):
    """One on every agenda item of the page: the units are loaded once (`units`) and shared by all of them."""

    text = forms.CharField(label=_("Decision"), max_length=2000, widget=forms.Textarea(attrs=ROWS))
    unit = forms.TypedChoiceField(label=_("Unit responsible"), coerce=int)
    deadline = forms.DateField(label=_("Deadline"), widget=DATE)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.units = {unit.pk: unit for unit in (active_units() if units is None else units)}
        self.fields["unit"].choices = [("", _("Choose a unit"))] + [(pk, str(u)) for pk, u in self.units.items()]

    def clean_unit(self):
        return self.units[self.cleaned_data["unit"]]

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise ValidationError(_("The deadline cannot be in the past."), code="past_deadline")
        return deadline


class DoneForm(forms.Form):
    note = forms.CharField(label=_("What was done"), max_length=2000, widget=forms.Textarea(attrs=ROWS))


class CarryForm(forms.Form):
    meeting = forms.ModelChoiceField(label=_("Carry to the meeting of"), empty_label=_("Choose a meeting"),
                                     queryset=Meeting.objects.none())

    def __init__(self, *args, decision, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Meeting.objects.filter(
            held_on__gt=decision.item.meeting.held_on, minutes_confirmed_at__isnull=True).order_by("held_on")


class MinutesForm(forms.Form):
    minutes = forms.CharField(label=_("Minutes"), max_length=20000, required=False,
                              widget=forms.Textarea(attrs={"rows": 10}))


class AmendmentForm(forms.Form):
    text = forms.CharField(label=_("Correction"), max_length=2000, widget=forms.Textarea(attrs=ROWS),
                           help_text=_("The confirmed minutes stay as they are; the correction is shown below them "
                                       "with who made it and when."))
