"""Visit forms: the one-minute visit, and the search that finds the household first."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grid.forms import DATE, SHORT_NOTE, PlainLength
from grid.visits.models import Visit
from nanjie.once import OnceOnlyForm

NOTES = ("walked", "looked", "asked", "listened", "opinions")


class VisitForm(OnceOnlyForm, PlainLength, forms.ModelForm):
    """The one-minute form: today's date, four short notes, opinions; once-only against double taps."""

    class Meta:
        model = Visit
        fields = ["visited_on", *NOTES]
        widgets = {"visited_on": DATE, **{name: forms.Textarea(attrs=SHORT_NOTE) for name in NOTES}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visited_on"].initial = timezone.localdate

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name, "").strip() for name in NOTES):
            raise ValidationError(_("Write at least one note about the visit."), code="empty_visit")
        return cleaned


class HouseholdSearchForm(PlainLength, forms.Form):
    q = forms.CharField(label=_("Building and room, or name"), required=False, max_length=50,
                        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("e.g. 3幢 201 or 张"),
                                                      "autocomplete": "off"}))
