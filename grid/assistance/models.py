"""Assistance to special-group households: one-to-one pairs (一对一联系帮扶), a helper keeping in touch with a
household, and the "three ways" (三办): affairs handled by proxy, by accompanying the resident, or at their door."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from grid.households.models import NOTE_MAX_LENGTH
from grid.territory.scoping import ScopedQuerySet, person_ids
from nanjie.once import SubmissionKeyField

DUE_SOON_DAYS = 7
MIN_CADENCE_DAYS, MAX_CADENCE_DAYS = 1, 366  # at least yearly


class PairQuerySet(ScopedQuerySet):
    """Staff see the pairs in their grids; a helper always sees their own pairs."""

    node_path = "household__micro_grid"
    reach = {"helper": person_ids}

    def with_next_due(self):
        """Annotate last_contact; next_due is computed in Python from it and the cadence."""
        return self.annotate(last_contact=Max("contacts__contacted_on"))

    def active(self):
        return self.filter(active=True)

    def active_by(self, end):
        """The figure "staff–special-group pairs": active now and started by `end` (an ended pair is no
        longer counted for any period: the pair keeps no end date)."""
        return self.filter(active=True, started_on__lte=end)


class AssistancePair(models.Model):
    class HelperKind(models.TextChoices):
        STAFF = "staff", _("Community staff")
        PARTY_MEMBER = "party_member", _("Party member")
        VOLUNTEER = "volunteer", _("Volunteer")

    helper = models.ForeignKey("grid.Person", on_delete=models.PROTECT, related_name="assistance_pairs",
                               verbose_name=_("helper"))
    helper_kind = models.CharField(_("helper is"), max_length=16, choices=HelperKind)
    household = models.ForeignKey("grid.Household", on_delete=models.PROTECT, related_name="assistance_pairs",
                                  verbose_name=_("household"))
    member_name = models.CharField(_("person helped"), max_length=50, blank=True,
                                   help_text=_("Leave empty when the whole household is helped."))
    cadence_days = models.PositiveSmallIntegerField(_("contact every (days)"), default=30, validators=[
        MinValueValidator(MIN_CADENCE_DAYS), MaxValueValidator(MAX_CADENCE_DAYS)])
    started_on = models.DateField(_("paired since"), default=timezone.localdate)
    active = models.BooleanField(_("active"), default=True)
    notes = models.TextField(_("notes"), max_length=NOTE_MAX_LENGTH, blank=True)
    history = HistoricalRecords()

    objects = PairQuerySet.as_manager()

    class Meta:
        verbose_name = _("assistance pair")
        verbose_name_plural = _("assistance pairs")
        ordering = ["household__micro_grid__code", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["helper", "household", "member_name"], name="one_pair_per_helper_person",
                                    violation_error_message=_("This helper is already paired with this person.")),
            models.CheckConstraint(condition=models.Q(cadence_days__gte=MIN_CADENCE_DAYS,
                                                      cadence_days__lte=MAX_CADENCE_DAYS),
                                   name="pair_cadence_in_range", violation_error_code="cadence_out_of_range",
                                   violation_error_message=_("Contact every 1 to 366 days.")),
        ]

    def __str__(self):
        return f"{self.helper} → {self.member_name or self.household}"

    def next_due(self, last_contact=None):
        last = last_contact if last_contact is not None else getattr(self, "last_contact", None)
        return (last or self.started_on) + datetime.timedelta(days=self.cadence_days)

    def due_state(self, today=None):
        """"overdue", "due" (within a week) or "ok"."""
        today = today or timezone.localdate()
        due = self.next_due()
        if due < today:
            return "overdue"
        return "due" if due <= today + datetime.timedelta(days=DUE_SOON_DAYS) else "ok"

    def log_contact(self, *, on, how, note, by, token=None):
        if on > timezone.localdate():
            raise ValidationError(_("A contact cannot be in the future."), code="future_contact")
        if not self.active:
            raise ValidationError(_("This pair has ended."), code="pair_ended")
        return self.contacts.create(contacted_on=on, how=how, note=note, recorded_by=by, token=token)


class PairContact(models.Model):
    class How(models.TextChoices):
        VISIT = "visit", _("Home visit")
        PHONE = "phone", _("Phone call")
        SERVICE = "service", _("Service done")

    pair = models.ForeignKey(AssistancePair, on_delete=models.CASCADE, related_name="contacts",
                             verbose_name=_("assistance pair"))
    contacted_on = models.DateField(_("contact date"))
    how = models.CharField(_("how"), max_length=10, choices=How, default=How.VISIT)
    note = models.TextField(_("note"), max_length=NOTE_MAX_LENGTH, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("recorded by"))
    token = SubmissionKeyField(_("submission token"))  # nanjie/once.py: a double tap logs one contact
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("pair contact")
        verbose_name_plural = _("pair contacts")
        ordering = ["-contacted_on", "-pk"]
        indexes = [models.Index(fields=["pair", "-contacted_on"], name="grid_paircontact_date")]

    def __str__(self):
        return f"{self.contacted_on} {self.pair}"


class ServiceQuerySet(ScopedQuerySet):
    node_path = "household__micro_grid"

    def doorstep_between(self, start, end):
        """The figure "doorstep services" (上门办): one record is one service."""
        return self.filter(way=ServiceRecord.Way.DOORSTEP, done_on__range=(start, end))


class ServiceRecord(models.Model):
    class Way(models.TextChoices):
        PROXY = "proxy", _("By proxy (代理办)")
        ACCOMPANY = "accompany", _("Accompanying (领着办)")
        DOORSTEP = "doorstep", _("At the door (上门办)")

    way = models.CharField(_("way"), max_length=10, choices=Way)
    what = models.CharField(_("what"), max_length=200, help_text=_("E.g. paying urban–rural medical insurance."))
    household = models.ForeignKey("grid.Household", on_delete=models.PROTECT, related_name="services",
                                  verbose_name=_("household"))
    person_name = models.CharField(_("for whom"), max_length=50, blank=True)
    done_on = models.DateField(_("date"), default=timezone.localdate)
    helper = models.ForeignKey("grid.Person", on_delete=models.PROTECT, related_name="services_done",
                               verbose_name=_("done by"))
    notes = models.TextField(_("notes"), max_length=NOTE_MAX_LENGTH, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("recorded by"))
    token = SubmissionKeyField(_("submission token"))  # nanjie/once.py: a double tap records one service
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = ServiceQuerySet.as_manager()

    class Meta:
        verbose_name = _("three-ways service")
        verbose_name_plural = _("three-ways services")
        ordering = ["-done_on", "-pk"]
        indexes = [models.Index(fields=["way", "done_on"], name="grid_service_way_date")]

    def __str__(self):
        return f"{self.get_way_display()} {self.what}"

    def clean(self):
        super().clean()
        if self.done_on and self.done_on > timezone.localdate():
            raise ValidationError({"done_on": ValidationError(
                _("The date cannot be in the future."), code="future_service")})
