"""The public side of a request, mixed into Request: its public summary, what public pages show, its revision.

`publicise(summary)` (requests/transitions.py) and `revise_summary(summary)` both refuse a summary with personal
data in it (ValidationError code "personal_data", naming each passage); nothing is masked silently. The staff
texts the resident's tracking page shows pass the same check, or the page says something neutral instead.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from nanjie import personal_data
from requests.notices.names import known_names

SUMMARY_LIMIT = 500
UNDER_REVIEW = gettext_lazy("The party branch is reviewing this notice before it is shown again.")
WITHHELD_CLOSURE = gettext_lazy("The unit has recorded what was done; the party branch will publish a summary here.")
WITHHELD_REASON = gettext_lazy("It was closed without action. Ask the community office for the reason.")


class PublicNotice:
    @property
    def public_text(self):
        """What every public output shows as what was done. Masked once more on the way out, a second guard for
        spellings added to the check after the summary was published; a placeholder while the branch reviews it."""
        if self.state != self.State.PUBLICISED:
            return ""
        if self.summary_needs_review or not self.public_summary.strip():
            return str(UNDER_REVIEW)
        return personal_data.mask(self.public_summary)

    def personal_data_in(self, text):
        """The passages of `text` that are personal data, the names the portal knows included."""
        return personal_data.find(text, known_names(self, text)) if text else []

    def refuse_personal_data(self, text):
        passages = self.personal_data_in(text)
        if passages:
            raise personal_data.refusal(text, passages)

    def clean_summary(self, summary):
        summary = (summary or "").strip()
        if not summary:
            raise ValidationError(_("Write the public summary: what was done, for which kind of matter, where."),
                                  code="empty_summary")
        if len(summary) > SUMMARY_LIMIT:
            raise ValidationError(_("Keep it under %(limit)d characters.") % {"limit": SUMMARY_LIMIT},
                                  code="long_text")
        self.refuse_personal_data(summary)
        return summary

    def suggested_summary(self):
        """The closure note with whatever the check finds in it replaced by ***: the branch admin edits or accepts."""
        if self.state == self.State.PUBLICISED and self.public_summary and not self.summary_needs_review:
            return self.public_summary
        note = (self.closure_note or "").strip()
        return personal_data.mask(note, self.personal_data_in(note))[:SUMMARY_LIMIT]

    def closure_for_resident(self):
        """What the tracking page says was done: the public text once publicised; before, the closure note when
        the check finds nothing in it (the token may be shared: the page is as public as its address)."""
        if self.state == self.State.PUBLICISED:
            return self.public_text
        return self._for_resident(self.closure_note, WITHHELD_CLOSURE)

    def invalid_reason_for_resident(self):
        return self._for_resident(self.invalid_reason, WITHHELD_REASON)

    def _for_resident(self, text, withheld):
        if not text:
            return ""
        return str(withheld) if self.personal_data_in(text) else text

    def _guard_revise(self, current, by, person):
        self._refuse_unless(by is not None and by.has_perm("requests.publicise_request"),
                            _("Only the party branch can change a public notice."), "not_branch")
        self._refuse_unless_in(current, [self.State.PUBLICISED])

    @transaction.atomic
    def revise_summary(self, summary, *, by, at=None):
        """The branch rewrites a published notice (one flagged for review, or one to correct); audited as a
        publicised → publicised transition with the new text as its note."""
        self._guard_revise(self._locked(), by, None)
        summary = self.clean_summary(summary)
        self._move([self.State.PUBLICISED], self.State.PUBLICISED, by, summary, at=at or timezone.now(),
                   public_summary=summary, summary_needs_review=False)
