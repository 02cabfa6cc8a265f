"""The branch admin's public summary form: the same check as the model, and the refused passages to highlight."""

from django import forms
from django.utils.translation import gettext_lazy as _

from nanjie import personal_data
from requests.notices.models import SUMMARY_LIMIT


class SummaryForm(forms.Form):
    summary = forms.CharField(
        label=_("Public summary (公示内容)"), max_length=SUMMARY_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": SUMMARY_LIMIT}),
        help_text=_("What was done, for which kind of matter, in which micro-grid. No names, phone numbers, "
                    "house or room numbers: the board, its feed and its table are public."),
        error_messages={"required": _("Write the public summary before publicising."),
                        "max_length": _("Keep it under %(limit_value)d characters (you wrote %(show_value)d).")},
    )

    def __init__(self, *args, wish, **kwargs):
        super().__init__(*args, **kwargs)
        self.wish = wish
        self.refused = []  # the typed summary in pieces, the refused ones with their reason
        if not self.is_bound:
            self.fields["summary"].initial = wish.suggested_summary()

    def clean_summary(self):
        summary = self.cleaned_data["summary"].strip()
        passages = self.wish.personal_data_in(summary)
        if passages:
            self.refused = personal_data.segments(summary, passages)
            raise personal_data.refusal(summary, passages)
        return summary
