"""Whistle forms: blow one, report in, close it."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grid.forms import SHORT_NOTE, PlainLength
from grid.households.models import NOTE_MAX_LENGTH
from grid.teams.models import Whistle
from grid.territory.models import GridNode
from nanjie.once import OnceOnlyForm


class WhistleForm(OnceOnlyForm, PlainLength, forms.ModelForm):
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
