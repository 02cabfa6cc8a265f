"""The resident's booking form: a free slot, a name (shown only masked), a phone (private), what it is about."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from nanjie.once import OnceOnlyForm
from nanjie.phones import PhoneFormField


def slot_label(session, slot):
    ends = (datetime.datetime.combine(session.on, slot) + datetime.timedelta(minutes=session.rule.slot_minutes)).time()
    return f"{slot:%H:%M}–{ends:%H:%M}"


class BookingForm(OnceOnlyForm, forms.Form):
    once_key = "submission"
    expired_message = _("This page had expired. Everything you typed is kept: check it and press “Book this time” "
                        "again.")

    slot = forms.ChoiceField(label=_("Which time?"), widget=forms.RadioSelect,
                             error_messages={"required": _("Choose a time."),
                                             "invalid_choice": _("This time is no longer free; choose another.")})
    resident_name = forms.CharField(label=_("Your name"), max_length=50,
                                    help_text=_("Shown only as 张** on every page."),
                                    error_messages={"required": _("Tell us your name, so you are called in turn."),
                                                    "max_length": _("A name has at most 50 characters.")})
    resident_phone = PhoneFormField(label=_("Your phone"), required=True,
                                    widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel",
                                                                  "inputmode": "tel"}),
                                    help_text=_("So the station can call you if the session moves. Never shown in "
                                                "public."),
                                    error_messages={"required": _("Give a phone number the station can call.")})
    topic = forms.CharField(label=_("What is it about? (optional)"), max_length=200, required=False,
                            help_text=_("A few words, so the lawyer or doctor can prepare. Only they see it."),
                            error_messages={"max_length": _("Please keep it under 200 characters.")})

    def __init__(self, *args, session, free, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session
        self.offer(free)
        if free and not self.is_bound:
            self.initial.setdefault("slot", f"{free[0]:%H:%M}")

    def offer(self, slots):
        self.fields["slot"].choices = [(f"{slot:%H:%M}", slot_label(self.session, slot)) for slot in slots]

    def clean_slot(self):
        try:
            return datetime.time.fromisoformat(self.cleaned_data["slot"])
        except ValueError:
            raise ValidationError(_("Choose a time."), code="invalid_slot") from None
