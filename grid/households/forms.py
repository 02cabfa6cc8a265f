"""Field-work forms: validate and convert; the models act."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grid.field_once import token_field
from grid.models import Dispute, GridNode, Household, PairContact, Person, ServiceRecord, SpecialGroup, Visit, Whistle
from grid.models.disputes import FOLLOW_UP_BEFORE_RESOLUTION
from grid.models.households import NOTE_MAX_LENGTH
from grid.phones import normalise_phone

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SHORT_NOTE = {"rows": 2}
TOO_LONG = _("At most %(limit_value)d characters, please shorten it (it has %(show_value)d).")


class PlainLength:
    """Mixin for the field forms: "at most N characters" said plainly, the same for every text field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if getattr(field, "max_length", None):
                field.error_messages["max_length"] = TOO_LONG


def serving(grid_id, user):
    """The people who serve a grid, for "done by" and "mediator": its 1+1+N posts and its four-teams roster, and
    the user themself (a branch admin may do it). Not all 400 people of the community."""
    condition = Q(posts__node_id=grid_id) | Q(team_assignments__grid_id=grid_id)
    person = getattr(user, "person", None)
    if person is not None:
        condition |= Q(pk=person.pk)
    # Ids first: the joins would repeat a person with two posts, and DISTINCT does not mix with the ordering.
    return Person.objects.filter(pk__in=Person.objects.filter(condition).values("pk")).order_by("name", "pk")


class HouseholdForm(PlainLength, forms.ModelForm):
    special_groups = forms.MultipleChoiceField(label=_("Special groups"), choices=SpecialGroup.choices,
                                               required=False, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Household
        fields = ["micro_grid", "compound", "building", "unit_number", "room", "people", "contact_name",
                  "contact_phone", "notes"]
        widgets = {"notes": forms.Textarea(attrs=SHORT_NOTE), "contact_phone": forms.TextInput(attrs={"type": "tel"})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["micro_grid"].queryset = GridNode.objects.visible_to(user).filter(kind=GridNode.Kind.MICRO_GRID)
        if self.instance.pk:
            self.initial["special_groups"] = [tag.group for tag in self.instance.tags.all()]

    def clean_contact_phone(self):
        phone = self.cleaned_data["contact_phone"]
        return normalise_phone(phone) if phone else ""


class VisitForm(PlainLength, forms.ModelForm):
    """The one-minute form: today's date, four short notes, opinions; a one-time token against double taps."""

    token = token_field()

    class Meta:
        model = Visit
        fields = ["visited_on", "walked", "looked", "asked", "listened", "opinions"]
        widgets = {"visited_on": DATE, **{name: forms.Textarea(attrs=SHORT_NOTE)
                                          for name in ("walked", "looked", "asked", "listened", "opinions")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visited_on"].initial = timezone.localdate

    def clean(self):
        cleaned = super().clean()
        notes = [cleaned.get(name, "").strip() for name in ("walked", "looked", "asked", "listened", "opinions")]
        if not any(notes):
            raise ValidationError(_("Write at least one note about the visit."), code="empty_visit")
        return cleaned


class HouseholdSearchForm(PlainLength, forms.Form):
    q = forms.CharField(label=_("Building and room, or name"), required=False, max_length=50,
                        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("e.g. 3幢 201 or 张"),
                                                      "autocomplete": "off"}))


class ContactForm(PlainLength, forms.ModelForm):
    token = token_field()

    class Meta:
        model = PairContact
        fields = ["contacted_on", "how", "note"]
        widgets = {"contacted_on": DATE, "note": forms.Textarea(attrs=SHORT_NOTE)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contacted_on"].initial = timezone.localdate


class ServiceForm(PlainLength, forms.ModelForm):
    token = token_field()

    class Meta:
        model = ServiceRecord
        fields = ["way", "what", "person_name", "done_on", "helper", "notes"]
        widgets = {"done_on": DATE, "notes": forms.Textarea(attrs=SHORT_NOTE), "way": forms.RadioSelect}

    def __init__(self, *args, household, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.household = household
        self.fields["helper"].queryset = serving(household.micro_grid.parent_id, user)
        person = getattr(user, "person", None)
        if person is not None:
            self.fields["helper"].initial = person.pk


class DisputeForm(PlainLength, forms.ModelForm):
    token = token_field()

    class Meta:
        model = Dispute
        fields = ["micro_grid", "kind", "found_on", "parties", "summary"]
        widgets = {"found_on": DATE, "parties": forms.Textarea(attrs=SHORT_NOTE),
                   "summary": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["micro_grid"].queryset = GridNode.objects.visible_to(user).filter(kind=GridNode.Kind.MICRO_GRID)


class MoveForm(PlainLength, forms.Form):
    """A form moving a dispute on; it knows the dispute and who moves it."""

    def __init__(self, *args, dispute, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.dispute, self.user = dispute, user


class MediateForm(MoveForm):
    mediator = forms.ModelChoiceField(label=_("Mediator"), queryset=Person.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mediator"].queryset = serving(self.dispute.micro_grid.parent_id, self.user)


class ResolveForm(MoveForm):
    outcome = forms.CharField(label=_("Outcome"), max_length=NOTE_MAX_LENGTH, widget=forms.Textarea(attrs=SHORT_NOTE))
    follow_up_on = forms.DateField(label=_("Follow-up date"), required=False, widget=DATE)

    def clean_follow_up_on(self):
        # Resolved today (the page has no resolution date): the model refuses an earlier follow-up too.
        follow_up_on = self.cleaned_data["follow_up_on"]
        if follow_up_on and follow_up_on < timezone.localdate():
            raise ValidationError(FOLLOW_UP_BEFORE_RESOLUTION, code="follow_up_before_resolution")
        return follow_up_on


class ReferForm(MoveForm):
    referred_to = forms.CharField(label=_("Referred to"), max_length=100)
    note = forms.CharField(label=_("Why"), required=False, max_length=NOTE_MAX_LENGTH,
                           widget=forms.Textarea(attrs=SHORT_NOTE))


class WhistleForm(PlainLength, forms.ModelForm):
    token = token_field()

    class Meta:
        model = Whistle
        fields = ["grid", "what", "where", "when", "urgency"]
        widgets = {"when": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grid"].queryset = GridNode.objects.visible_to(user).filter(kind=GridNode.Kind.GRID)
        self.fields["when"].initial = lambda: timezone.localtime().replace(second=0, microsecond=0)


class ReportInForm(PlainLength, forms.Form):
    note = forms.CharField(label=_("Note"), required=False, max_length=500,
                           widget=forms.Textarea(attrs=SHORT_NOTE))


class CloseForm(PlainLength, forms.Form):
    outcome = forms.CharField(label=_("Outcome"), max_length=NOTE_MAX_LENGTH, widget=forms.Textarea(attrs=SHORT_NOTE))


class ImportForm(PlainLength, forms.Form):
    file = forms.FileField(label=_("Excel file (.xlsx)"))


