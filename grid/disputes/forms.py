"""Dispute forms: register one, and move it on (mediate, resolve, refer)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grid.disputes.models import FOLLOW_UP_BEFORE_RESOLUTION, Dispute
from grid.forms import DATE, SHORT_NOTE, PlainLength, serving
from grid.households.models import NOTE_MAX_LENGTH
from grid.people.models import Person
from grid.territory.models import GridNode
from nanjie.once import OnceOnlyForm


class DisputeForm(OnceOnlyForm, PlainLength, forms.ModelForm):
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
