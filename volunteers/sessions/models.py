"""The sessions of the fixed-day services: each one a date and hours at a position, planned → held (who served,
how many residents, what was done, which households to follow up) or cancelled, every change with a
SessionChange row. The rule that makes them is volunteers/services/; bookings of their slots volunteers/bookings/.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grid.territory.scoping import ScopedQuerySet
from nanjie import workdays
from nanjie.once import SubmissionKeyField
from partners.units.models import unit_ids_of
from volunteers.positions.models import NOTE_MAX_LENGTH
from volunteers.teams.models import team_ids_of


class SessionQuerySet(ScopedQuerySet):
    node_path = "rule__position__micro_grid"
    reach = {"rule__position__host_unit": unit_ids_of, "rule__unit": unit_ids_of, "rule__team": team_ids_of}

    def upcoming(self, start=None, days=7):
        start = start or timezone.localdate()
        return self.filter(on__gte=start, on__lt=start + datetime.timedelta(days=days)).exclude(
            rule__active=False)

    def with_booked(self):
        return self.annotate(booked=Count("bookings", filter=Q(bookings__cancelled_at__isnull=True)))

    # The figures (domain.md): sessions held and residents served, by year, scoped by the caller's visible_to.
    def held_in(self, year=None):
        return self.filter(state=Session.State.HELD, on__year=year or timezone.localdate().year)

    def held_between(self, start, end):
        return self.filter(state=Session.State.HELD, on__range=(start, end))

    def people_served(self):
        """The head count over these sessions (each session counted once)."""
        return self.aggregate(total=Sum("served_count"))["total"] or 0


class Session(models.Model):
    class State(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    class Origin(models.TextChoices):
        REGULAR = "regular", _("By the rule")
        MOVED = "moved", _("Moved from a public holiday")
        EXTRA = "extra", _("Extra session")

    rule = models.ForeignKey("volunteers.ServiceRule", on_delete=models.PROTECT, related_name="sessions",
                             verbose_name=_("fixed-day service"))
    on = models.DateField(_("date"))
    starts_at = models.TimeField(_("starts at"))
    ends_at = models.TimeField(_("ends at"))
    origin = models.CharField(_("origin"), max_length=8, choices=Origin, default=Origin.REGULAR)
    moved_from = models.DateField(_("moved from"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.PLANNED)
    note = models.CharField(_("note"), max_length=200, blank=True)
    cancel_reason = models.CharField(_("why it was cancelled"), max_length=200, blank=True)
    served_count = models.PositiveIntegerField(_("residents served"), null=True, blank=True)
    summary = models.TextField(_("what was done"), max_length=NOTE_MAX_LENGTH, blank=True)
    servers = models.ManyToManyField("grid.Person", blank=True, related_name="sessions_served",
                                     verbose_name=_("who served"))
    other_servers = models.CharField(_("also served"), max_length=100, blank=True,
                                     help_text=_("Anyone not on the rosters, e.g. a visiting doctor."))
    households = models.ManyToManyField("grid.Household", blank=True, related_name="service_sessions",
                                        verbose_name=_("households to follow up"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name=_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded at"), null=True, blank=True)
    token = SubmissionKeyField(_("submission token"))  # nanjie/once.py: an extra session is recorded once

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("service session")
        verbose_name_plural = _("service sessions")
        ordering = ["on", "starts_at", "pk"]
        indexes = [models.Index(fields=["on", "starts_at"], name="session_on_starts"),
                   models.Index(fields=["state", "on"], name="session_state_on")]
        constraints = [
            models.UniqueConstraint(fields=["rule", "on", "starts_at"], name="one_session_per_rule_time",
                                    violation_error_message=_("This service already has a session at that time."),
                                    violation_error_code="unique_session"),
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start",
                                   violation_error_code="ends_before_start",
                                   violation_error_message=_("The session must end after it starts.")),
            models.CheckConstraint(condition=~Q(state="held") | Q(served_count__isnull=False),
                                   name="held_session_has_count", violation_error_code="no_count",
                                   violation_error_message=_("A session held needs the number of residents served.")),
            models.CheckConstraint(condition=~Q(origin="moved") | Q(moved_from__isnull=False),
                                   name="moved_session_has_origin_date"),
        ]

    def __str__(self):
        return f"{self.rule.title} {self.on:%Y-%m-%d} {self.starts_at:%H:%M}"

    @property
    def provisional(self):
        """True in a year whose holiday calendar is not published yet (nanjie/workdays.py): it may still move."""
        return not workdays.is_official(self.on)

    @property
    def makeup_workday(self):
        return workdays.is_makeup_workday(self.on)

    @property
    def moved_from_holiday(self):
        return workdays.holiday_name(self.moved_from) if self.moved_from else None

    def starts(self):
        return timezone.make_aware(datetime.datetime.combine(self.on, self.starts_at))

    def ends(self):
        return timezone.make_aware(datetime.datetime.combine(self.on, self.ends_at))

    def slot_times(self):
        """The booking slots' start times ([] when the service takes no bookings)."""
        minutes = self.rule.slot_minutes
        if not minutes:
            return []
        slots, current = [], datetime.datetime.combine(self.on, self.starts_at)
        end = datetime.datetime.combine(self.on, self.ends_at)
        while current + datetime.timedelta(minutes=minutes) <= end:
            slots.append(current.time())
            current += datetime.timedelta(minutes=minutes)
        return slots

    def _refuse_unless_planned(self):
        if self.state == self.State.CANCELLED:
            raise ValidationError(_("This session was cancelled."), code="cancelled")
        if self.state == self.State.HELD:
            raise ValidationError(_("This session has already been held."), code="already_held")

    @transaction.atomic
    def cancel(self, reason, *, by):
        current = Session.objects.select_for_update().get(pk=self.pk)
        current._refuse_unless_planned()
        if not reason.strip():
            raise ValidationError(_("Say why the session is cancelled: residents who booked will read it."),
                                  code="no_reason")
        Session.objects.filter(pk=self.pk).update(state=self.State.CANCELLED, cancel_reason=reason)
        self.changes.create(old=current.state, new=self.State.CANCELLED, by=by, note=reason)
        self.refresh_from_db(fields=["state", "cancel_reason"])

    @transaction.atomic
    def record(self, served_count, summary, *, by, servers=(), households=(), other_servers=""):
        """What the session did: held, with its head count; a held session's record can be corrected."""
        current = Session.objects.select_for_update().get(pk=self.pk)
        if current.state == self.State.CANCELLED:
            raise ValidationError(_("This session was cancelled."), code="cancelled")
        if current.on > timezone.localdate():
            raise ValidationError(_("A session can be recorded on its day or after, not before."), code="future")
        if served_count is None or served_count < 0:
            raise ValidationError(_("Give the number of residents served (0 if nobody came)."), code="no_count")
        Session.objects.filter(pk=self.pk).update(state=self.State.HELD, served_count=served_count, summary=summary,
                                                  other_servers=other_servers, recorded_by=by,
                                                  recorded_at=timezone.now())
        self.servers.set(servers)
        self.households.set(households)
        self.changes.create(old=current.state, new=self.State.HELD, by=by,
                            note=_("%(count)d residents served") % {"count": served_count})
        self.refresh_from_db(fields=["state", "served_count", "summary", "other_servers", "recorded_by",
                                     "recorded_at"])


def with_free_slots(sessions):
    """Set `free` on sessions annotated with `booked` (with_booked): free slots left, None when there is no
    booking (residents just come). Past slots of today's session are not told apart: the booking form is."""
    for session in sessions:
        slots = len(session.slot_times())
        session.free = max(0, slots - session.booked) if slots else None
    return sessions


class SessionChange(models.Model):
    """The audit row of a session's change of state (and of each correction of its record)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="changes", verbose_name=_("session"))
    old = models.CharField(_("from"), max_length=10, choices=Session.State, blank=True)
    new = models.CharField(_("to"), max_length=10, choices=Session.State)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                           related_name="+", verbose_name=_("by"))
    note = models.CharField(_("note"), max_length=200, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("session change")
        verbose_name_plural = _("session changes")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.session}: {self.old} → {self.new}"
