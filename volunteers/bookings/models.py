"""Bookings of a session's slots (a lawyer's 20-minute consultations, a clinic's appointments), without an account.

A resident gives a name (shown only masked, 张**) and a phone (private: only the staff of that position see it)
and gets a tracking-style token: the address of their booking, where they can cancel it. One slot holds one
booking: a partial unique index over the bookings not cancelled; the session's row lock makes bookers of the
same session take turns, so of residents racing for the last slot exactly one gets it.
"""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grid.territory.scoping import ScopedQuerySet
from nanjie.once import SubmissionKeyField
from nanjie.phones import PhoneField
from partners.units.models import unit_ids_of
from volunteers.sessions.models import Session
from volunteers.teams.models import team_ids_of


def new_token():
    # 256 bits, URL-safe: the only key to a booking's page.
    return secrets.token_urlsafe(32)


class BookingQuerySet(ScopedQuerySet):
    node_path = "session__rule__position__micro_grid"
    reach = {"session__rule__position__host_unit": unit_ids_of, "session__rule__unit": unit_ids_of,
             "session__rule__team": team_ids_of}

    def active(self):
        return self.filter(cancelled_at__isnull=True)


class Booking(models.Model):
    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="bookings",
                                verbose_name=_("session"))
    slot_at = models.TimeField(_("slot"))
    resident_name = models.CharField(_("resident's name"), max_length=50)
    resident_phone = PhoneField(_("resident's phone"))
    topic = models.CharField(_("what it is about"), max_length=200, blank=True)
    token = models.CharField(_("booking token"), max_length=64, unique=True, default=new_token, editable=False)
    submission = SubmissionKeyField(_("submission key"))  # nanjie/once.py: a double tap books one slot
    booked_at = models.DateTimeField(_("booked at"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancelled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+", verbose_name=_("cancelled by staff"))

    objects = BookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["session", "slot_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "slot_at"], condition=Q(cancelled_at__isnull=True),
                                    name="one_booking_per_slot",
                                    violation_error_message=_("This slot has just been booked by someone else.")),
        ]

    def __str__(self):
        return f"{self.session} {self.slot_at:%H:%M}"

    @property
    def is_active(self):
        return self.cancelled_at is None

    def slot_starts(self):
        return timezone.make_aware(datetime.datetime.combine(self.session.on, self.slot_at))

    def slot_ends(self):
        return self.slot_starts() + datetime.timedelta(minutes=self.session.rule.slot_minutes or 0)

    @classmethod
    @transaction.atomic
    def book(cls, session, slot_at, *, name, phone, topic="", submission=None, now=None):
        """Book one slot of a session, or refuse with the reason (code): not bookable, cancelled, past, full,
        taken. The session's row lock serialises its bookers; the partial unique index is the last word."""
        now = now or timezone.now()
        session = Session.objects.select_for_update().select_related("rule").get(pk=session.pk)
        if submission and (first := cls.objects.filter(submission=submission).first()):
            return first  # this very form was saved a moment ago
        slots = session.slot_times()
        if not slots:
            raise ValidationError(_("This service takes no bookings: just come during its hours."),
                                  code="not_bookable")
        if session.state == Session.State.CANCELLED:
            raise ValidationError(_("This session was cancelled."), code="cancelled")
        if session.state == Session.State.HELD or session.ends() <= now:
            raise ValidationError(_("This session is over; choose a later one."), code="past")
        if slot_at not in slots:
            raise ValidationError(_("Choose one of the session's times."), code="no_such_slot")
        if timezone.make_aware(datetime.datetime.combine(session.on, slot_at)) <= now:
            raise ValidationError(_("This time has already passed; choose a later one."), code="past")
        taken = set(cls.objects.active().filter(session=session).values_list("slot_at", flat=True))
        if len(taken) >= len(slots):
            raise ValidationError(_("Every slot of this session is booked; choose another day."), code="full")
        if slot_at in taken:
            raise ValidationError(_("This slot has just been booked by someone else; choose another time."),
                                  code="taken")
        booking = cls(session=session, slot_at=slot_at, resident_name=name.strip(), resident_phone=phone,
                      topic=topic.strip(), submission=submission, booked_at=now)
        try:
            with transaction.atomic():
                booking.save()
        except IntegrityError:
            if submission and cls.objects.filter(submission=submission).exists():
                raise  # the same form pressed twice: save_once finds the first
            raise ValidationError(_("This slot has just been booked by someone else; choose another time."),
                                  code="taken") from None
        booking.events.create(event=BookingEvent.Event.BOOKED, at=now)
        return booking

    @transaction.atomic
    def cancel(self, *, by=None, note="", now=None):
        """Cancel the booking (by the resident with the token, or by staff): the slot is free again."""
        now = now or timezone.now()
        if self.slot_starts() <= now:
            raise ValidationError(_("This time has passed; the booking can no longer be cancelled."), code="past")
        staff = by if by is not None and by.is_authenticated else None
        won = Booking.objects.filter(pk=self.pk, cancelled_at__isnull=True).update(cancelled_at=now,
                                                                                     cancelled_by=staff)
        if not won:
            raise ValidationError(_("This booking was already cancelled."), code="already_cancelled")
        self.events.create(event=BookingEvent.Event.CANCELLED, by=staff, note=note, at=now)
        self.refresh_from_db(fields=["cancelled_at", "cancelled_by"])


class BookingEvent(models.Model):
    """The audit row of a booking: booked, cancelled (by the resident when `by` is empty, else by staff)."""

    class Event(models.TextChoices):
        BOOKED = "booked", _("Booked")
        CANCELLED = "cancelled", _("Cancelled")

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="events", verbose_name=_("booking"))
    event = models.CharField(_("event"), max_length=10, choices=Event)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                           related_name="+", verbose_name=_("by"))
    note = models.CharField(_("note"), max_length=200, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("booking event")
        verbose_name_plural = _("booking events")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.booking}: {self.get_event_display()}"
