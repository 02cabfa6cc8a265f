"""Forms for the grid pages: a grid worker keeps the description of what their nodes cover up to date."""

from django import forms
from django.utils.translation import gettext_lazy as _

from grid.territory.models import GridNode


class NodeDescriptionForm(forms.ModelForm):
    description = forms.CharField(
        label=_("What it covers"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Resident groups, compounds and buildings it covers."),
    )

    class Meta:
        model = GridNode
        fields = ["description"]
