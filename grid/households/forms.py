"""Household forms: validate and convert; the models act."""

from django import forms
from django.utils.translation import gettext_lazy as _

from grid.forms import SHORT_NOTE, PlainLength
from grid.households.models import Household, SpecialGroup
from grid.territory.models import GridNode


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


class ImportForm(PlainLength, forms.Form):
    file = forms.FileField(label=_("Excel file (.xlsx)"))
