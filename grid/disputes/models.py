"""The dispute register (矛盾纠纷排查化解): small matters stay in the community.

Registered → mediating → resolved, or referred upward; every change is one model method and one
DisputeTransition row, guarded by a conditional UPDATE so two mediators cannot both move it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grid.households.models import NOTE_MAX_LENGTH
from grid.territory.scoping import ScopedQuerySet
from nanjie.once import SubmissionKeyField

FOLLOW_UP_BEFORE_RESOLUTION = _("The follow-up date cannot be before the date it was resolved.")


class DisputeQuerySet(ScopedQuerySet):
    node_path = "micro_grid"

    def resolved_in_community(self, year=None):
        year = year or timezone.localdate().year
        return self.filter(state=Dispute.State.RESOLVED, resolved_on__year=year)

    def resolved_between(self, start, end):
        """The figure 矛盾纠纷排查化解: resolved within the community (not referred upward) on start..end."""
        return self.filter(state=Dispute.State.RESOLVED, resolved_on__range=(start, end))


class Dispute(models.Model):
    class State(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        MEDIATING = "mediating", _("Mediating")
        RESOLVED = "resolved", _("Resolved in the community")
        REFERRED = "referred", _("Referred upward")

    class Kind(models.TextChoices):
        NEIGHBOURS = "neighbours", _("Between neighbours")
        FAMILY = "family", _("Family and marriage")
        PROPERTY = "property", _("Property management")
        LAND = "land", _("Land and housing")
        WAGES = "wages", _("Unpaid wages")
        OTHER = "other", _("Other")

    micro_grid = models.ForeignKey("grid.GridNode", on_delete=models.PROTECT, related_name="disputes",
                                   verbose_name=_("micro-grid"))
    kind = models.CharField(_("type"), max_length=12, choices=Kind)
    parties = models.TextField(_("parties"), max_length=NOTE_MAX_LENGTH,
                               help_text=_("Private: only staff of this grid see it."))
    summary = models.TextField(_("what happened"), max_length=NOTE_MAX_LENGTH)
    found_on = models.DateField(_("date found"), default=timezone.localdate)
    mediator = models.ForeignKey("grid.Person", on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="disputes_mediated", verbose_name=_("mediator"))
    state = models.CharField(_("state"), max_length=12, choices=State, default=State.REGISTERED)
    outcome = models.TextField(_("outcome"), max_length=NOTE_MAX_LENGTH, blank=True)
    referred_to = models.CharField(_("referred to"), max_length=100, blank=True)
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    follow_up_on = models.DateField(_("follow-up date"), null=True, blank=True)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                      verbose_name=_("registered by"))
    token = SubmissionKeyField(_("submission token"))  # nanjie/once.py: a double tap registers one dispute
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)

    objects = DisputeQuerySet.as_manager()

    class Meta:
        verbose_name = _("dispute")
        verbose_name_plural = _("disputes")
        ordering = ["-found_on", "-pk"]
        indexes = [models.Index(fields=["state", "resolved_on"], name="grid_dispute_state_resolved")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(state="resolved") | models.Q(resolved_on__isnull=False),
                name="resolved_dispute_has_date", violation_error_code="resolved_without_date",
                violation_error_message=_("A resolved dispute needs the date it was resolved.")),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.found_on}"

    def clean(self):
        super().clean()
        if self.found_on and self.found_on > timezone.localdate():
            raise ValidationError({"found_on": ValidationError(
                _("The date found cannot be in the future."), code="future_dispute")})
        if self.follow_up_on and self.resolved_on and self.follow_up_on < self.resolved_on:
            raise ValidationError({"follow_up_on": ValidationError(
                FOLLOW_UP_BEFORE_RESOLUTION, code="follow_up_before_resolution")})

    def _refuse_unless(self, allowed, action):
        """Say why this dispute, as it stands now, cannot make this move (the page may show an older state)."""
        if self.state in allowed:
            return
        if self.state == self.State.RESOLVED:
            raise ValidationError(_("This dispute has already been resolved."), code="already_resolved")
        if self.state == self.State.REFERRED:
            raise ValidationError(_("This dispute has already been referred upward."), code="already_referred")
        if action == "resolve":  # still registered
            raise ValidationError(_("Start mediation before marking the dispute resolved."), code="not_mediating")
        raise ValidationError(_("Mediation of this dispute has already started."), code="already_mediating")

    @transaction.atomic
    def _move(self, old_states, new, *, by, note="", at=None, **fields):
        won = Dispute.objects.filter(pk=self.pk, state__in=old_states).update(state=new, **fields)
        if not won:  # it was in old_states when loaded: someone moved it a moment ago
            raise ValidationError(_("This dispute has already moved on; reload the page."), code="stale_state")
        old = self.state
        self.transitions.create(old=old, new=new, by=by, note=note, at=at or timezone.now())
        self.refresh_from_db(fields=["state", *fields])

    def start_mediation(self, mediator, *, by, at=None):
        self._refuse_unless([self.State.REGISTERED], "mediate")
        self._move([self.State.REGISTERED], self.State.MEDIATING, by=by, at=at, mediator=mediator)

    def resolve(self, outcome, *, by, on=None, follow_up_on=None, at=None):
        self._refuse_unless([self.State.MEDIATING], "resolve")
        if not outcome.strip():
            raise ValidationError(_("Write down the outcome."), code="no_outcome")
        on = on or timezone.localdate()
        if follow_up_on and follow_up_on < on:
            raise ValidationError(FOLLOW_UP_BEFORE_RESOLUTION, code="follow_up_before_resolution")
        self._move([self.State.MEDIATING], self.State.RESOLVED, by=by, at=at, note=outcome, outcome=outcome,
                   resolved_on=on, follow_up_on=follow_up_on)

    def refer(self, referred_to, *, by, note="", at=None):
        self._refuse_unless([self.State.REGISTERED, self.State.MEDIATING], "refer")
        if not referred_to.strip():
            raise ValidationError(_("Say where it was referred to."), code="no_referral_target")
        self._move([self.State.REGISTERED, self.State.MEDIATING], self.State.REFERRED, by=by, note=note, at=at,
                   referred_to=referred_to, outcome=note)


class DisputeTransition(models.Model):
    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="transitions",
                                verbose_name=_("dispute"))
    old = models.CharField(_("from"), max_length=12, choices=Dispute.State)
    new = models.CharField(_("to"), max_length=12, choices=Dispute.State)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by"))
    note = models.TextField(_("note"), max_length=NOTE_MAX_LENGTH, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("dispute transition")
        verbose_name_plural = _("dispute transitions")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.old} → {self.new}"
