"""Sign-up, attendance and hours, and the volunteer-service certificate.

One sign-up per person and activity (a unique constraint). The activity's row lock makes those signing up for the
same activity take turns: the places go first come, first served, the rest wait, and a cancellation moves the
first on the waiting list up. Attendance is a sign-in and a sign-out with the rotating code the organiser shows
(nanjie/signin_codes.py); hours are the overlap of attendance and the activity (aware instants: across midnight and
in any time zone the same), so never more than its length; the organiser confirms them. Hours entered late (补录)
need a reason and a second person's approval. A record carries what 民政部《志愿服务记录与证明出具办法》 asks:
activity, date, place, people served, content, hours, evaluation, person in charge, recorder.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grid.territory.scoping import ScopedQuerySet, person_ids
from nanjie import signin_codes
from volunteers.activities.models import Activity, ActivityLog, ManyGridsScope, led_team_ids


def overlap_minutes(signed_in, signed_out, starts, ends):
    """Whole minutes of attendance within the activity: capped at its length, never negative."""
    begin, end = max(signed_in, starts), min(signed_out, ends)
    return max(0, int((end - begin).total_seconds() // 60))


class SignUpQuerySet(ManyGridsScope):
    node_path = "activity__grids"
    reach = {"activity__organiser": person_ids, "activity__team": led_team_ids}

    def confirmed(self):
        return self.filter(hours_state=SignUp.Hours.CONFIRMED)

    def minutes(self):
        return self.aggregate(total=Sum("minutes"))["total"] or 0


class SignUp(models.Model):
    class State(models.TextChoices):
        ACTIVE = "active", _("Signed up")
        WAITING = "waiting", _("Waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    class Hours(models.TextChoices):
        NONE = "", _("Not yet")
        PENDING = "pending", _("Entered late, awaiting approval")
        CONFIRMED = "confirmed", _("Confirmed")

    class Evaluation(models.TextChoices):
        EXCELLENT = "excellent", _("Excellent")
        GOOD = "good", _("Good")
        SATISFACTORY = "satisfactory", _("Satisfactory")

    activity = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="signups",
                                 verbose_name=_("activity"))
    person = models.ForeignKey("grid.Person", on_delete=models.PROTECT, related_name="activity_signups",
                               verbose_name=_("volunteer"))
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.ACTIVE)
    queued_at = models.DateTimeField(_("signed up at"), default=timezone.now)
    show_name = models.BooleanField(_("name may be shown publicly"), default=False)
    clash_allowed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                         related_name="+", verbose_name=_("clash allowed by"))
    signed_in_at = models.DateTimeField(_("signed in at"), null=True, blank=True)
    signed_out_at = models.DateTimeField(_("signed out at"), null=True, blank=True)
    minutes = models.PositiveIntegerField(_("minutes served"), null=True, blank=True)
    hours_state = models.CharField(_("hours"), max_length=10, choices=Hours, default=Hours.NONE, blank=True)
    evaluation = models.CharField(_("evaluation"), max_length=12, choices=Evaluation, blank=True)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+", verbose_name=_("confirmed by"))
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    late_reason = models.CharField(_("why entered late"), max_length=200, blank=True)
    late_entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                        related_name="+", verbose_name=_("entered late by"))

    objects = SignUpQuerySet.as_manager()

    class Meta:
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        ordering = ["activity", "queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "person"], name="one_signup_per_person_activity",
                                    violation_error_message=_("This person has already signed up.")),
        ]

    def __str__(self):
        return f"{self.activity}: {self.person}"

    @property
    def hours(self):
        return round((self.minutes or 0) / 60, 1)

    @property
    def recorder(self):
        """记录人: who entered the hours (the late entry's author, else who confirmed them)."""
        return self.late_entered_by or self.confirmed_by

    def _log(self, event, by, note="", at=None):
        ActivityLog.objects.create(activity_id=self.activity_id, signup=self, event=event, by=by, note=note,
                                   at=at or timezone.now())

    @classmethod
    @transaction.atomic
    def sign_up(cls, activity, person, *, by, show_name=False, allow_clash=False, now=None):
        """A place if one is left, else the waiting list; refused when closed, already signed up, or clashing with
        another activity of theirs at the same time (unless its organiser allows it)."""
        now = now or timezone.now()
        activity = Activity.objects.select_for_update(of=("self",)).select_related("plan").get(pk=activity.pk)
        if not activity.is_open_for_signup(now):
            raise ValidationError(_("This activity is not open for sign-up."), code="closed")
        existing = cls.objects.filter(activity=activity, person=person).first()
        if existing and existing.state != cls.State.CANCELLED:
            raise ValidationError(_("You have already signed up for this activity."), code="already_signed_up")
        clash = (cls.objects.filter(person=person, state__in=[cls.State.ACTIVE, cls.State.WAITING],
                                    activity__starts__lt=activity.ends, activity__ends__gt=activity.starts)
                 .exclude(activity=activity).exclude(activity__state=Activity.State.CANCELLED)
                 .select_related("activity").first())
        if clash and not (allow_clash and activity.may_manage(by)):
            raise ValidationError(_("This clashes with %(other)s at the same time.") % {"other": clash.activity},
                                  code="clash")
        taken = cls.objects.filter(activity=activity, state=cls.State.ACTIVE).count()
        state = cls.State.ACTIVE if taken < activity.capacity else cls.State.WAITING
        fields = {"state": state, "queued_at": now, "show_name": show_name,
                  "clash_allowed_by": by if clash else None}
        if existing:
            for name, value in fields.items():
                setattr(existing, name, value)
            existing.save(update_fields=list(fields))
            signup = existing
        else:
            try:
                with transaction.atomic():
                    signup = cls.objects.create(activity=activity, person=person, **fields)
            except IntegrityError:
                raise ValidationError(_("You have already signed up for this activity."),
                                      code="already_signed_up") from None
        event = ActivityLog.Event.SIGNED_UP if state == cls.State.ACTIVE else ActivityLog.Event.WAITING
        signup._log(event, by, note=_("clash allowed") if clash else "", at=now)
        return signup

    @transaction.atomic
    def cancel(self, *, by, now=None):
        """Cancel before the start; a place freed goes to the first on the waiting list."""
        now = now or timezone.now()
        activity = Activity.objects.select_for_update().get(pk=self.activity_id)
        current = SignUp.objects.get(pk=self.pk)
        if current.state == self.State.CANCELLED:
            raise ValidationError(_("This sign-up was already cancelled."), code="already_cancelled")
        if activity.starts <= now:
            raise ValidationError(_("The activity has started; a sign-up can no longer be cancelled."),
                                  code="started")
        SignUp.objects.filter(pk=self.pk).update(state=self.State.CANCELLED)
        self._log(ActivityLog.Event.CANCELLED, by, at=now)
        if current.state == self.State.ACTIVE:
            first = (SignUp.objects.filter(activity=activity, state=self.State.WAITING)
                     .order_by("queued_at", "pk").first())
            if first:
                SignUp.objects.filter(pk=first.pk).update(state=self.State.ACTIVE)
                first._log(ActivityLog.Event.PROMOTED, by, at=now)
        self.refresh_from_db(fields=["state"])

    def _refuse_unless_active(self):
        if self.state != self.State.ACTIVE:
            raise ValidationError(_("Only volunteers with a place can sign in (not the waiting list)."),
                                  code="no_place")

    @transaction.atomic
    def sign_in(self, code, *, by, now=None):
        now = now or timezone.now()
        self._refuse_unless_active()
        activity = self.activity
        if not signin_codes.is_valid(activity.subject, code, activity.starts, activity.ends, now):
            raise ValidationError(_("This code is wrong or has expired: type the one shown now."), code="bad_code")
        won = SignUp.objects.filter(pk=self.pk, signed_in_at__isnull=True).update(signed_in_at=now)
        if not won:
            raise ValidationError(_("You have already signed in."), code="already_signed_in")
        self._log(ActivityLog.Event.SIGNED_IN, by, at=now)
        self.refresh_from_db(fields=["signed_in_at"])

    @transaction.atomic
    def sign_out(self, code, *, by, now=None):
        now = now or timezone.now()
        activity = self.activity
        if self.signed_in_at is None:
            raise ValidationError(_("Sign in first."), code="not_signed_in")
        if not signin_codes.is_valid(activity.subject, code, activity.starts, activity.ends, now):
            raise ValidationError(_("This code is wrong or has expired: type the one shown now."), code="bad_code")
        won = SignUp.objects.filter(pk=self.pk, signed_out_at__isnull=True).update(signed_out_at=now)
        if not won:
            raise ValidationError(_("You have already signed out."), code="already_signed_out")
        self._log(ActivityLog.Event.SIGNED_OUT, by, at=now)
        self.refresh_from_db(fields=["signed_out_at"])

    def _refuse_unless_manager(self, by):
        if not self.activity.may_manage(by):
            raise ValidationError(_("Only the activity's organiser can do this."), code="not_organiser")

    @transaction.atomic
    def confirm(self, *, by, evaluation=Evaluation.GOOD, now=None):
        """The organiser confirms the hours of one who signed in: from sign-in to sign-out (or the end)."""
        now = now or timezone.now()
        self._refuse_unless_manager(by)
        current = SignUp.objects.select_for_update().get(pk=self.pk)
        if current.hours_state == self.Hours.CONFIRMED:
            raise ValidationError(_("These hours are already confirmed."), code="already_confirmed")
        if current.signed_in_at is None:
            raise ValidationError(_("This volunteer did not sign in: enter the hours late, with a reason."),
                                  code="not_signed_in")
        activity = self.activity
        if current.signed_out_at is None and now < activity.ends:
            raise ValidationError(_("The activity is still on: confirm after the volunteer signs out or it ends."),
                                  code="still_on")
        minutes = overlap_minutes(current.signed_in_at, current.signed_out_at or activity.ends, activity.starts,
                                  activity.ends)
        SignUp.objects.filter(pk=self.pk).update(minutes=minutes, hours_state=self.Hours.CONFIRMED,
                                                 evaluation=evaluation, confirmed_by=by, confirmed_at=now)
        self._log(ActivityLog.Event.CONFIRMED, by, note=f"{minutes} min", at=now)
        self.refresh_from_db()

    @transaction.atomic
    def enter_late(self, minutes, reason, *, by, evaluation=Evaluation.GOOD, now=None):
        """补录: hours entered after the fact, for one who served without signing in; a second person approves."""
        now = now or timezone.now()
        self._refuse_unless_manager(by)
        current = SignUp.objects.select_for_update().get(pk=self.pk)
        activity = self.activity
        if current.hours_state == self.Hours.CONFIRMED:
            raise ValidationError(_("These hours are already confirmed."), code="already_confirmed")
        if current.state != self.State.ACTIVE:
            raise ValidationError(_("Only volunteers with a place can have hours."), code="no_place")
        if activity.starts > now:
            raise ValidationError(_("Hours can be entered once the activity has started."), code="future")
        if not (reason or "").strip():
            raise ValidationError(_("Say why the hours are entered late."), code="no_reason")
        if minutes is None or minutes <= 0 or minutes > activity.length_minutes:
            raise ValidationError(_("The minutes must be more than 0 and at most the activity's %(length)d."),
                                  code="bad_minutes", params={"length": activity.length_minutes})
        SignUp.objects.filter(pk=self.pk).update(minutes=minutes, hours_state=self.Hours.PENDING,
                                                 late_reason=reason.strip(), late_entered_by=by,
                                                 evaluation=evaluation)
        self._log(ActivityLog.Event.LATE_ENTERED, by, note=reason.strip()[:200], at=now)
        self.refresh_from_db()

    @transaction.atomic
    def approve_late(self, *, by, now=None):
        now = now or timezone.now()
        self._refuse_unless_manager(by)
        current = SignUp.objects.select_for_update().get(pk=self.pk)
        if current.hours_state != self.Hours.PENDING:
            raise ValidationError(_("There is no late entry to approve."), code="nothing_pending")
        if current.late_entered_by_id == by.pk:
            raise ValidationError(_("A second person must approve a late entry, not the one who entered it."),
                                  code="same_person")
        SignUp.objects.filter(pk=self.pk).update(hours_state=self.Hours.CONFIRMED, confirmed_by=by,
                                                 confirmed_at=now)
        self._log(ActivityLog.Event.LATE_APPROVED, by, at=now)
        self.refresh_from_db()


def certificate_number(year, serial):
    return f"NJZY-{year}-{serial:05d}"


class CertificateQuerySet(ScopedQuerySet):
    """A certificate is its volunteer's (and the branch's, who issue them): it lists their hours."""

    reach = {"person": person_ids}


class Certificate(models.Model):
    """志愿服务记录证明: the confirmed records of one volunteer, numbered per year, issued by the branch."""

    person = models.ForeignKey("grid.Person", on_delete=models.PROTECT, related_name="volunteer_certificates",
                               verbose_name=_("volunteer"))
    year = models.PositiveSmallIntegerField(_("year"))
    serial = models.PositiveIntegerField(_("serial"))
    number = models.CharField(_("number"), max_length=20, unique=True)
    records = models.ManyToManyField(SignUp, related_name="certificates", verbose_name=_("records"))
    minutes = models.PositiveIntegerField(_("minutes in total"))
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="+", verbose_name=_("issued by"))
    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteer-service certificate")
        verbose_name_plural = _("volunteer-service certificates")
        ordering = ["-issued_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["year", "serial"], name="one_certificate_per_serial")]

    def __str__(self):
        return self.number

    @property
    def hours(self):
        return round(self.minutes / 60, 1)

    @classmethod
    def issue(cls, person, *, by, now=None, attempts=20):
        """The next number of the year: the largest plus one; of two issuing at once the unique index lets one
        win and the other takes the next number."""
        now = now or timezone.now()
        records = list(SignUp.objects.confirmed().filter(person=person).order_by("activity__starts", "pk"))
        if not records:
            raise ValidationError(_("There are no confirmed hours to certify yet."), code="no_hours")
        year = timezone.localtime(now).year
        for _attempt in range(attempts):
            serial = (cls.objects.filter(year=year).aggregate(last=Max("serial"))["last"] or 0) + 1
            try:
                with transaction.atomic():
                    certificate = cls.objects.create(
                        person=person, year=year, serial=serial, number=certificate_number(year, serial),
                        minutes=sum(record.minutes or 0 for record in records), issued_at=now, issued_by=by)
                    certificate.records.set(records)
                    ActivityLog.objects.create(event=ActivityLog.Event.CERTIFIED, by=by, note=certificate.number,
                                               at=now)
                    return certificate
            except IntegrityError:
                continue
        raise ValidationError(_("Too many certificates are being issued at once; try again."), code="busy")


def hours_of(person, year=None):
    """(confirmed minutes this year, in total) of one volunteer."""
    confirmed = SignUp.objects.confirmed().filter(person=person)
    this_year = confirmed.filter(activity__starts__year=year or timezone.localdate().year)
    return this_year.minutes(), confirmed.minutes()

