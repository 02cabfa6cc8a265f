"""The forms of activity day and the activities: a month's plan, an item or ordinary activity, a grid's reason, a
claim, a sign-up, the sign-in code, confirming hours, a late entry, the record of what it did."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grid.forms import DATE, SHORT_NOTE, PlainLength
from grid.households.models import Household
from grid.people.models import Person
from grid.territory.models import GridNode
from nanjie.once import OnceOnlyForm
from volunteers.activities.models import Activity, community_grids
from volunteers.activities.signups import SignUp
from volunteers.positions.models import Position
from volunteers.teams.models import Team, TeamMember


def _plain_id(value):
    text = str(value)
    return text.isascii() and text.isdigit() and len(text) <= 18  # a bigger number overflows the database's integer


class IdChoice(forms.ModelChoiceField):
    """A choice whose value a hostile form may make any number: one beyond 64 bits is "not a choice", not a 500."""

    def to_python(self, value):
        if value not in self.empty_values and not _plain_id(value):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class IdChoices(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for pk in value if isinstance(value, (list, tuple)) else [value]:
            if not _plain_id(pk):
                raise forms.ValidationError(self.error_messages["invalid_pk_value"], code="invalid_pk_value",
                                            params={"pk": pk})
        return super()._check_values(value)


TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
MONTH = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")


class PlanForm(forms.Form):
    month = forms.DateField(label=_("Month"), widget=MONTH, input_formats=["%Y-%m", "%Y-%m-%d"], error_messages={
        "required": _("Give the month."), "invalid": _("Enter a month such as 2026-12.")})

    def clean_month(self):
        month = self.cleaned_data["month"]
        if not 2000 <= month.year <= 2100:
            raise forms.ValidationError(_("Enter a month such as 2026-12."), code="invalid")
        return month.replace(day=1)


class ActivityForm(PlainLength, OnceOnlyForm, forms.Form):
    title = forms.CharField(label=_("Activity"), max_length=100, error_messages={"required": _("Name the activity.")})
    needs = forms.CharField(label=_("Content and what is needed"), max_length=1000, required=False,
                            widget=forms.Textarea(attrs=SHORT_NOTE))
    colour = forms.ChoiceField(label=_("Team colour"), required=False,
                               choices=[("", _("Any team"))] + list(Team.Colour.choices))
    grids = IdChoices(label=_("Grids served"), queryset=GridNode.objects.none(),
                                           widget=forms.CheckboxSelectMultiple,
                                           error_messages={"required": _("Choose the grids it serves.")})
    capacity = forms.IntegerField(label=_("Volunteers needed"), min_value=1, max_value=500, initial=5,
                                  error_messages={"required": _("Say how many volunteers are needed."),
                                                  "invalid": _("Enter a whole number.")})
    on = forms.DateField(label=_("Date"), widget=DATE, error_messages={
        "required": _("Give the date."), "invalid": _("Enter a date such as 2026-12-07.")})
    starts_at = forms.TimeField(label=_("Starts at"), widget=TIME, initial=datetime.time(9), error_messages={
        "required": _("Give the starting time."), "invalid": _("Enter a time such as 09:00.")})
    ends_at = forms.TimeField(label=_("Ends at"), widget=TIME, initial=datetime.time(11, 30),
                              help_text=_("An end before the start means the next day (an evening patrol)."),
                              error_messages={"required": _("Give the ending time."),
                                              "invalid": _("Enter a time such as 11:30.")})
    place = forms.CharField(label=_("Place"), max_length=100, error_messages={"required": _("Say where.")})
    position = IdChoice(label=_("At a service position (optional)"), required=False,
                                      queryset=Position.objects.filter(active=True).order_by("kind", "order", "pk"))

    def __init__(self, *args, plan=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grids"].queryset = community_grids() if user is None or user.has_perm(
            "grid.view_all_grids") else community_grids().filter(pk__in=_grid_ids_of(user))
        if plan is not None:
            self.initial.setdefault("on", plan.held_on)
        self.initial.setdefault("on", timezone.localdate())

    def clean_on(self):
        on = self.cleaned_data["on"]
        if not 2000 <= on.year <= 2100:
            raise forms.ValidationError(_("Enter a date such as 2026-12-07."), code="invalid")
        return on

    def times(self):
        """Aware start and end; an end at or before the start is on the next day."""
        data = self.cleaned_data
        starts = timezone.make_aware(datetime.datetime.combine(data["on"], data["starts_at"]))
        end_day = data["on"] + datetime.timedelta(days=1 if data["ends_at"] <= data["starts_at"] else 0)
        return starts, timezone.make_aware(datetime.datetime.combine(end_day, data["ends_at"]))


def _grid_ids_of(user):
    from grid.territory.scoping import node_ids_of

    return node_ids_of(user)


class ReasonForm(PlainLength, forms.Form):
    grid = IdChoice(label=_("Grid"), queryset=GridNode.objects.none(),
                                  error_messages={"required": _("Choose the grid."),
                                                  "invalid_choice": _("Choose one of the community's grids.")})
    reason = forms.CharField(label=_("Why no item this month"), max_length=200,
                             error_messages={"required": _("Say why this grid has no item this month.")})

    def __init__(self, *args, grids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grid"].queryset = grids


class ClaimForm(forms.Form):
    team = IdChoice(label=_("Team"), queryset=Team.objects.none(),
                                  error_messages={"required": _("Choose your team."),
                                                  "invalid_choice": _("Choose a team you lead.")})

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams


class SignUpForm(forms.Form):
    show_name = forms.BooleanField(label=_("My name may be shown on the public page of past activities"),
                                   required=False)


class AddVolunteerForm(forms.Form):
    """The organiser signs a volunteer up (one who asked in person), and may let a clash with another activity
    pass (e.g. they leave that one early)."""

    person = IdChoice(label=_("Volunteer"), queryset=Person.objects.none(),
                      error_messages={"required": _("Choose the volunteer."),
                                      "invalid_choice": _("Choose one of the teams' volunteers.")})
    allow_clash = forms.BooleanField(label=_("Allow a clash with another activity at the same time"),
                                     required=False)

    def __init__(self, *args, activity, **kwargs):
        super().__init__(*args, **kwargs)
        members = TeamMember.objects.filter(team=activity.team) if activity.team_id else TeamMember.objects.all()
        self.fields["person"].queryset = Person.objects.filter(pk__in=members.values("person")).order_by("name", "pk")


class CodeForm(forms.Form):
    code = forms.CharField(label=_("The code shown by the organiser"), max_length=12,
                           widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
                           error_messages={"required": _("Type the six digits shown by the organiser.")})


class ConfirmForm(forms.Form):
    evaluation = forms.ChoiceField(label=_("Evaluation"), choices=SignUp.Evaluation.choices,
                                   initial=SignUp.Evaluation.GOOD,
                                   error_messages={"invalid_choice": _("Choose an evaluation.")})


class LateForm(PlainLength, forms.Form):
    minutes = forms.IntegerField(label=_("Minutes served"), min_value=1, max_value=24 * 60, error_messages={
        "required": _("Give the minutes served."), "invalid": _("Enter a whole number.")})
    reason = forms.CharField(label=_("Why entered late"), max_length=200,
                             error_messages={"required": _("Say why the hours are entered late.")})
    evaluation = forms.ChoiceField(label=_("Evaluation"), choices=SignUp.Evaluation.choices,
                                   initial=SignUp.Evaluation.GOOD,
                                   error_messages={"invalid_choice": _("Choose an evaluation.")})


class RecordForm(PlainLength, forms.Form):
    beneficiaries = forms.IntegerField(label=_("People benefited"), min_value=0, max_value=100000, error_messages={
        "required": _("Give the number of people benefited (0 if nobody)."), "invalid": _("Enter a whole number.")})
    summary = forms.CharField(label=_("What was done"), max_length=1000, required=False,
                              widget=forms.Textarea(attrs=SHORT_NOTE))
    households = IdChoices(label=_("Households benefited (optional)"), required=False,
                                                queryset=Household.objects.none(),
                                                widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, activity, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["households"].queryset = (Household.objects.visible_to(user)
                                              .filter(micro_grid__parent__in=activity.grids.all())
                                              .select_related("micro_grid").order_by("micro_grid__code", "pk"))
        self.fields["households"].label_from_instance = lambda household: household.address
        if activity.state == Activity.State.HELD and not self.is_bound:
            self.initial.update(beneficiaries=activity.beneficiaries, summary=activity.summary)
