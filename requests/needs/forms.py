from django import forms
from django.utils.translation import gettext_lazy as _


class ChosenRequestsForm(forms.Form):
    """The requests ticked on the promote page, as ids (the view looks them up within the user's scope)."""

    chosen = forms.TypedMultipleChoiceField(label=_("Requests"), coerce=int, widget=forms.CheckboxSelectMultiple,
                                            error_messages={"required": _("Choose at least one request to promote.")})

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chosen"].choices = [(pk, pk) for pk in choices]
