"""Fixed-day services (定期服务) at the positions: the rule ("every Wednesday morning", "the 15th", "the first
Monday"), provided by a co-building unit or a seven-colour team, and its expansion into sessions
(recurrence.py, with the Chinese calendar: a session on a public holiday is skipped or moved by the rule's
setting). Extra sessions are recorded beside the rule's own.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from grid.territory.scoping import ScopedQuerySet
from partners.units.models import unit_ids_of
from volunteers.positions.models import WEEKDAYS
from volunteers.services import recurrence
from volunteers.services.rules import RuleChecks
from volunteers.sessions.models import Session
from volunteers.teams.models import team_ids_of

HORIZON_DAYS = 56  # sessions exist eight weeks ahead: the position's page, its feed and bookings look that far


class ServiceRuleQuerySet(ScopedQuerySet):
    node_path = "position__micro_grid"
    reach = {"position__host_unit": unit_ids_of, "unit": unit_ids_of, "team": team_ids_of}

    def lagging(self, day):
        return self.filter(active=True).filter(Q(scheduled_until__isnull=True) | Q(scheduled_until__lt=day))

    def schedule_through(self, day=None):
        """Make the sessions of every active rule up to `day` (default: the horizon). One query when none lags,
        so the public pages can call it on every request instead of relying on a nightly job."""
        day = day or timezone.localdate() + datetime.timedelta(days=HORIZON_DAYS)
        for rule in self.lagging(day):
            rule.schedule_through(day)


class ServiceRule(RuleChecks, models.Model):
    class Kind(models.TextChoices):
        LEGAL = "legal", _("Legal consultation")
        BUSINESS = "business", _("Business consultation")
        CLINIC = "clinic", _("Free clinic")
        MENTAL_HEALTH = "mental_health", _("Mental-health counselling")
        POLICY = "policy", _("Policy explained")
        JOBS = "jobs", _("Job and social-security advice")
        OTHER = "other", _("Other service")

    class Frequency(models.TextChoices):
        WEEKLY = recurrence.WEEKLY, _("Every week (or every few weeks) on a weekday")
        MONTHLY_DAY = recurrence.MONTHLY_DAY, _("On a day of each month")
        MONTHLY_WEEKDAY = recurrence.MONTHLY_WEEKDAY, _("On the first, second … or last weekday of each month")

    class OnHoliday(models.TextChoices):
        SKIP = recurrence.SKIP, _("Not held on a public holiday")
        NEXT_WORKDAY = recurrence.NEXT_WORKDAY, _("Moved to the next working day")
        PREVIOUS_WORKDAY = recurrence.PREVIOUS_WORKDAY, _("Moved to the working day before")
        KEEP = recurrence.KEEP, _("Held on holidays too")

    WEEKS = [(1, _("first")), (2, _("second")), (3, _("third")), (4, _("fourth")), (recurrence.LAST, _("last"))]

    position = models.ForeignKey("volunteers.Position", on_delete=models.PROTECT, related_name="rules",
                                 verbose_name=_("position"))
    kind = models.CharField(_("service"), max_length=16, choices=Kind)
    title = models.CharField(_("title"), max_length=60, help_text=_("As residents will read it, e.g. 律师坐班."))
    unit = models.ForeignKey("partners.Unit", on_delete=models.PROTECT, null=True, blank=True,
                             related_name="service_rules", verbose_name=_("provided by unit"))
    team = models.ForeignKey("volunteers.Team", on_delete=models.PROTECT, null=True, blank=True,
                             related_name="service_rules", verbose_name=_("provided by volunteer team"))
    place = models.CharField(_("place"), max_length=100, blank=True,
                             help_text=_("Where in the position, if not obvious, e.g. the mediation room."))
    starts_at = models.TimeField(_("starts at"))
    ends_at = models.TimeField(_("ends at"))
    frequency = models.CharField(_("repeats"), max_length=16, choices=Frequency)
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=WEEKDAYS, null=True, blank=True)
    every_weeks = models.PositiveSmallIntegerField(_("every how many weeks"), default=1,
                                                   validators=[MinValueValidator(1), MaxValueValidator(4)])
    day_of_month = models.PositiveSmallIntegerField(_("day of the month"), null=True, blank=True)
    week_of_month = models.SmallIntegerField(_("which one in the month"), choices=WEEKS, null=True, blank=True)
    on_holiday = models.CharField(_("on a public holiday"), max_length=16, choices=OnHoliday,
                                  default=OnHoliday.SKIP)
    starts_on = models.DateField(_("from"), default=timezone.localdate)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    slot_minutes = models.PositiveSmallIntegerField(
        _("booking slots of (minutes)"), null=True, blank=True,
        validators=[MinValueValidator(5), MaxValueValidator(240)],
        help_text=_("Empty: no booking, residents just come. E.g. 20 for a lawyer's consultations."))
    note = models.CharField(_("note for residents"), max_length=200, blank=True,
                            help_text=_("E.g. bring your medical insurance card."))
    active = models.BooleanField(_("active"), default=True)
    scheduled_until = models.DateField(_("sessions made until"), null=True, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["scheduled_until"])

    objects = ServiceRuleQuerySet.as_manager()

    class Meta:
        verbose_name = _("fixed-day service")
        verbose_name_plural = _("fixed-day services")
        ordering = ["position", "starts_at", "pk"]
        constraints = RuleChecks.constraints()

    def __str__(self):
        return f"{self.title} · {self.position}"

    @property
    def provider(self):
        return self.unit or self.team

    @transaction.atomic
    def schedule_through(self, day):
        """Make this rule's sessions up to `day`; the row lock keeps two page loads from doing it twice."""
        rule = ServiceRule.objects.select_for_update().get(pk=self.pk)
        if rule.scheduled_until and rule.scheduled_until >= day:
            return 0
        start = max(rule.starts_on, (rule.scheduled_until or rule.starts_on - datetime.timedelta(days=1))
                    + datetime.timedelta(days=1))
        end = min(day, rule.ends_on) if rule.ends_on else day
        sessions = [Session(rule=rule, on=held_on, starts_at=rule.starts_at, ends_at=rule.ends_at,
                            origin=Session.Origin.MOVED if moved_from else Session.Origin.REGULAR,
                            moved_from=moved_from)
                    for held_on, moved_from in recurrence.sessions_between(rule, start, end)]
        Session.objects.bulk_create(sessions, ignore_conflicts=True)
        ServiceRule.objects.filter(pk=rule.pk).update(scheduled_until=day)
        self.scheduled_until = day
        return len(sessions)

    @transaction.atomic
    def replan(self, *, by):
        """After the rule changed: future sessions nobody booked or recorded are made again from the new rule.
        Returns how many future sessions were kept because residents booked them (staff decide about those)."""
        today = timezone.localdate()
        future = self.sessions.filter(on__gt=today, state=Session.State.PLANNED).exclude(
            origin=Session.Origin.EXTRA)
        booked = future.filter(bookings__isnull=False, bookings__cancelled_at__isnull=True).distinct()
        kept = booked.count()
        future.exclude(pk__in=booked.values("pk")).delete()
        ServiceRule.objects.filter(pk=self.pk).update(scheduled_until=today)
        self.scheduled_until = today
        self.schedule_through(today + datetime.timedelta(days=HORIZON_DAYS))
        return kept

    @transaction.atomic
    def add_extra(self, on, *, by, starts_at=None, ends_at=None, note="", token=None):
        """Record an extra session of this service (a second clinic day, a make-up session)."""
        session = Session(rule=self, on=on, starts_at=starts_at or self.starts_at, ends_at=ends_at or self.ends_at,
                          origin=Session.Origin.EXTRA, note=note, token=token)
        if on < self.starts_on or (self.ends_on and on > self.ends_on):
            raise ValidationError(_("An extra session must fall within the dates the service runs."),
                                  code="outside_rule")
        session.full_clean(exclude=["token"])
        try:
            with transaction.atomic():
                session.save()
        except IntegrityError:
            if token and Session.objects.filter(token=token).exists():
                raise  # the same form pressed twice: save_once finds the first
            raise ValidationError(_("This service already has a session at that time."),
                                  code="unique_session") from None
        session.changes.create(old="", new=Session.State.PLANNED, by=by, note=note)
        return session
