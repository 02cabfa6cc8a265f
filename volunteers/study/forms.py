"""The study pages' forms: planning a session, ticking who came, signing in with the code, cancelling, and a
tutor's contact with a mobile member. Forms convert; the models refuse (their messages come back on the form)."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grid.forms import DATE, SHORT_NOTE, PlainLength
from nanjie.once import OnceOnlyForm
from volunteers.positions.models import Position
from volunteers.study.models import MATERIALS, NOTE_MAX_LENGTH, StudySession, TutorContact, branch_members

TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
DATE_ERRORS = {"required": _("Give the date."), "invalid": _("Enter a date such as 2026-12-02.")}
TIME_ERRORS = {"required": _("Give the time."), "invalid": _("Enter a time such as 09:30.")}


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class StudySessionForm(PlainLength, OnceOnlyForm, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=StudySession.Kind.choices)
    topic = forms.CharField(label=_("Topic"), max_length=120, error_messages={"required": _("Give the topic.")})
    position = forms.ModelChoiceField(label=_("Place"), queryset=Position.objects.none(),
                                      error_messages={"required": _("Choose where it is held."),
                                                      "invalid_choice": _("Choose a place from the list.")})
    day = forms.DateField(label=_("Date"), widget=DATE, error_messages=DATE_ERRORS)
    starts = forms.TimeField(label=_("Starts at"), widget=TIME, error_messages=TIME_ERRORS)
    ends = forms.TimeField(label=_("Ends at"), widget=TIME, error_messages=TIME_ERRORS)
    organiser = PersonChoice(label=_("Organiser (leads the study)"), queryset=branch_members().none(),
                             error_messages={"required": _("Choose who leads it."),
                                             "invalid_choice": _("Choose the organiser from the branch's members.")})
    makes_up = forms.ModelChoiceField(label=_("Make-up for"), queryset=StudySession.objects.none(), required=False,
                                      help_text=_("Only for a make-up: the held session whose misses it makes up."),
                                      error_messages={"invalid_choice": _("Choose a held session from the list.")})
    materials = forms.CharField(label=_("Materials"), max_length=NOTE_MAX_LENGTH, required=False,
                                widget=forms.Textarea(attrs=SHORT_NOTE))
    materials_file = forms.FileField(label=_("Materials file"), required=False,
                                     help_text=_("Optional: PDF, Word, PowerPoint, a picture or text, at most 10 MB."),
                                     widget=forms.ClearableFileInput(attrs={"accept": ",".join(
                                         f".{ext}" for ext in MATERIALS)}),
                                     error_messages={"invalid": _("This file could not be read; choose another."),
                                                     "empty": _("The file is empty.")})

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].queryset = Position.objects.visible_to(user).filter(active=True).order_by(
            "kind", "order", "pk")
        self.fields["organiser"].queryset = branch_members().order_by("name", "pk")
        self.fields["makes_up"].queryset = (StudySession.objects.visible_to(user).held()
                                            .filter(makes_up__isnull=True).order_by("-starts_at"))
        person = getattr(user, "person", None)
        if person is not None and not self.is_bound:
            self.initial.setdefault("organiser", person.pk)

    def clean(self):
        cleaned = super().clean()
        day, starts, ends = cleaned.get("day"), cleaned.get("starts"), cleaned.get("ends")
        if day and starts and ends:
            zone = timezone.get_current_timezone()
            cleaned["starts_at"] = timezone.make_aware(datetime.datetime.combine(day, starts), zone)
            cleaned["ends_at"] = timezone.make_aware(datetime.datetime.combine(day, ends), zone)
            if ends <= starts:
                self.add_error("ends", _("The end must be after the start."))
        return cleaned

    def session_fields(self):
        data = self.cleaned_data
        return {"kind": data["kind"], "topic": data["topic"], "position": data["position"],
                "starts_at": data["starts_at"], "ends_at": data["ends_at"], "organiser": data["organiser"],
                "makes_up": data["makes_up"], "materials": data["materials"],
                "materials_file": data["materials_file"] or "", "token": self.submission_key}


class TickForm(forms.Form):
    people = forms.ModelMultipleChoiceField(
        label=_("Who came"), queryset=branch_members().none(), widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one member."),
                        "invalid_choice": _("Someone ticked is not on this session's roster."),
                        "invalid_pk_value": _("Someone ticked is not on this session's roster.")})

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        came = session.attendances.values("person_id")
        self.fields["people"].queryset = session.roster().exclude(pk__in=came).order_by("name", "pk")
        self.fields["people"].label_from_instance = lambda person: person.name


class SignInForm(forms.Form):
    code = forms.CharField(label=_("Sign-in code"), max_length=12,
                           widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
                           error_messages={"required": _("Type the six-digit code shown at the session.")})


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Why it is cancelled"), max_length=200,
                             error_messages={"required": _("Say why the session is cancelled.")})


class ContactForm(PlainLength, OnceOnlyForm, forms.Form):
    on = forms.DateField(label=_("Date"), widget=DATE, initial=timezone.localdate, error_messages=DATE_ERRORS)
    how = forms.ChoiceField(label=_("How"), choices=TutorContact.How.choices,
                            error_messages={"required": _("Say how you were in touch."),
                                            "invalid_choice": _("Choose how from the list.")})
    studied = forms.CharField(label=_("What was studied"), max_length=NOTE_MAX_LENGTH,
                              widget=forms.Textarea(attrs=SHORT_NOTE),
                              error_messages={"required": _("Say what was studied.")})


class CameBackForm(forms.Form):
    on = forms.DateField(label=_("Came back on"), widget=DATE, initial=timezone.localdate, error_messages=DATE_ERRORS)
