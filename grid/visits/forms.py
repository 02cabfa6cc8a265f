"""Visit forms: the one-minute visit, and the search that finds the household first."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grid.forms import DATE, SHORT_NOTE, PlainLength
from grid.visits.models import Visit
from nanjie import photos
from nanjie.once import OnceOnlyForm

NOTES = ("walked", "looked", "asked", "listened", "opinions")
# 走、看、问、听: what a worker most often notes, ticked instead of typed on a phone; the ticks are written into
# the note (in the worker's language), before whatever is typed beside them.
QUICK_PICKS = {
    "walked": [_("Stairwell clean"), _("Things piled in the stairwell"), _("Fire escape clear"),
               _("Surroundings tidy")],
    "looked": [_("No safety hazard seen"), _("Safety hazard seen"), _("Living conditions fine"),
               _("Living in difficulty")],
    "asked": [_("No particular need"), _("Needs a doctor or medicine"), _("Needs help with daily life"),
              _("Asked about a policy")],
    "listened": [_("No opinion to pass on"), _("Satisfied with the community"), _("Raised a problem nearby"),
                 _("Raised a neighbour dispute")],
}


class VisitForm(OnceOnlyForm, PlainLength, forms.ModelForm):
    """The one-minute form: today's date, four short notes, opinions, an optional photo; once-only against double
    taps."""

    photo = photos.PhotoField(label=_("Photo (optional)"))

    class Meta:
        model = Visit
        fields = ["visited_on", *NOTES]
        widgets = {"visited_on": DATE, **{name: forms.Textarea(attrs=SHORT_NOTE) for name in NOTES}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visited_on"].initial = timezone.localdate
        for name, picks in QUICK_PICKS.items():
            # The quick picks say what the help text said ("走：走楼道、走周边"): the label alone stays.
            self.fields[name].help_text = ""
            self.fields[name].widget.attrs["placeholder"] = _("More, in your own words")
            self.fields[f"{name}_picks"] = forms.MultipleChoiceField(
                label=self.fields[name].label, required=False, widget=forms.CheckboxSelectMultiple,
                choices=[(str(number), label) for number, label in enumerate(picks)],
                error_messages={"invalid_choice": _("Tick only the choices in the list.")})

    def note_rows(self):
        """(date), then each note with its quick picks beside it, for the template."""
        return [(self[name], self[f"{name}_picks"] if name in QUICK_PICKS else None) for name in NOTES]

    def clean(self):
        cleaned = super().clean()
        for name, picks in QUICK_PICKS.items():
            ticked = "、".join(str(picks[int(number)]) for number in cleaned.get(f"{name}_picks", []))
            typed = cleaned.get(name, "").strip()
            if ticked:
                cleaned[name] = f"{ticked}。{typed}" if typed else f"{ticked}。"
        if not any(cleaned.get(name, "").strip() for name in NOTES):
            raise ValidationError(_("Write at least one note about the visit."), code="empty_visit")
        return cleaned

    def save(self, commit=True):
        visit = super().save(commit=False)
        if self.cleaned_data.get("photo"):
            visit.photo = photos.as_file(self.cleaned_data["photo"])  # written by the visit's save, with the row
        if commit:
            visit.save()
        return visit


class HouseholdSearchForm(PlainLength, forms.Form):
    q = forms.CharField(label=_("Building and room, or name"), required=False, max_length=50,
                        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("e.g. 3幢 201 or 张"),
                                                      "autocomplete": "off"}))
