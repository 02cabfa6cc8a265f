"""Forms for pairs and the three ways: validate and convert; the models act."""

from django import forms
from django.utils import timezone

from grid.assistance.models import PairContact, ServiceRecord
from grid.forms import DATE, SHORT_NOTE, PlainLength, serving
from nanjie.once import OnceOnlyForm


class ContactForm(OnceOnlyForm, PlainLength, forms.ModelForm):
    class Meta:
        model = PairContact
        fields = ["contacted_on", "how", "note"]
        widgets = {"contacted_on": DATE, "note": forms.Textarea(attrs=SHORT_NOTE)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contacted_on"].initial = timezone.localdate


class ServiceForm(OnceOnlyForm, PlainLength, forms.ModelForm):
    class Meta:
        model = ServiceRecord
        fields = ["way", "what", "person_name", "done_on", "helper", "notes"]
        widgets = {"done_on": DATE, "notes": forms.Textarea(attrs=SHORT_NOTE), "way": forms.RadioSelect}

    def __init__(self, *args, household, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.household = household
        self.fields["way"].choices = ServiceRecord.Way.choices  # a radio list: no "---------" choice
        self.fields["helper"].queryset = serving(household.micro_grid.parent_id, user)
        person = getattr(user, "person", None)
        if person is not None:
            self.fields["helper"].initial = person.pk
