"""Theory empowerment (理论赋能): study sessions (送学) and the mobile party members (流动党员) with their tutors.

The roster a session is recorded against is the branch's own party members: people on the community's rosters
(grid.Person) whose political status is party member or probationary, less the co-building units' party members
(partners.UnitMembership: their organisational relation is their unit's branch; they report to the community,
"dual report", but study with their unit) and less the mobile members working away, whose study is their tutor's
contacts. Closing a session writes an absence row for everyone on the roster who did not attend: the misses,
cleared by attending a make-up session that links to it.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import IntegrityError, models, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from grid.territory.scoping import ScopedQuerySet, person_ids
from nanjie import signin_codes
from nanjie.once import SubmissionKeyField
from nanjie.phones import PhoneField

NOTE_MAX_LENGTH = 2000
OVERDUE_DAYS = 30  # a mobile member not contacted for this long is flagged on the tutor's and the branch's /me/
MATERIALS = ["pdf", "doc", "docx", "ppt", "pptx", "jpg", "jpeg", "png", "txt"]
MATERIALS_MAX_BYTES = 10 * 1024 * 1024
PARTY = ("party_member", "probationary")


def branch_members():
    """The branch's party members: the roster every session's attendance is recorded against (module docstring)."""
    from grid.people.models import Person
    from partners.units.models import UnitMembership

    return (Person.objects.filter(political_status__in=PARTY)
            .exclude(pk__in=UnitMembership.objects.values("person_id"))
            .exclude(pk__in=MobileMember.objects.away().values("person_id")))


def _field_error(field, message, code):
    return ValidationError({field: ValidationError(message, code=code)})


def materials_size(file):
    if file and file.size > MATERIALS_MAX_BYTES:
        raise ValidationError(_("The file is larger than 10 MB; upload a smaller one."), code="too_big")


class StudySessionQuerySet(ScopedQuerySet):
    node_path = "position__micro_grid"  # a station's micro-grid; sessions at the centre are for community-wide roles
    reach = {"organiser": person_ids}

    def held(self):
        return self.filter(state=StudySession.State.HELD)

    def open_for_sign_in(self, now=None):
        """Planned sessions whose sign-in codes are accepted now (a quarter of an hour before the start to the end)."""
        now = now or timezone.now()
        return self.filter(state=StudySession.State.PLANNED, starts_at__lte=now + signin_codes.GRACE,
                           ends_at__gte=now)


class StudySession(models.Model):
    class Kind(models.TextChoices):
        SECRETARY_LED = "secretary_led", _("Secretary-led study")
        MUTUAL = "mutual", _("Mutual study among members")

    class State(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind, default=Kind.SECRETARY_LED)
    topic = models.CharField(_("topic"), max_length=120)
    position = models.ForeignKey("volunteers.Position", on_delete=models.PROTECT, related_name="study_sessions",
                                 verbose_name=_("place"))
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    organiser = models.ForeignKey("grid.Person", on_delete=models.PROTECT, related_name="organised_study",
                                  verbose_name=_("organiser"))
    materials = models.TextField(_("materials"), max_length=NOTE_MAX_LENGTH, blank=True)
    materials_file = models.FileField(
        _("materials file"), upload_to="study/%Y/", blank=True,
        validators=[FileExtensionValidator(MATERIALS), materials_size],
        help_text=_("Optional: PDF, Word, PowerPoint, a picture or text, at most 10 MB."))
    makes_up = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="make_ups",
                                 verbose_name=_("makes up for"))
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.PLANNED)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("planned by"))
    token = SubmissionKeyField(_("submission token"))

    objects = StudySessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("study session")
        verbose_name_plural = _("study sessions")
        ordering = ["-starts_at", "-pk"]
        constraints = [models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")),
                                              name="study_ends_after_it_starts", violation_error_code="times",
                                              violation_error_message=_("The end must be after the start."))]

    def __str__(self):
        return f"{timezone.localtime(self.starts_at):%Y-%m-%d} {self.topic}"

    @property
    def subject(self):
        return f"volunteers.study:{self.pk}"

    @property
    def is_planned(self):
        return self.state == self.State.PLANNED

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise _field_error("ends_at", _("The end must be after the start."), "times")
        if self.starts_at and self.ends_at and self.ends_at - self.starts_at > datetime.timedelta(hours=12):
            raise _field_error("ends_at", _("A study session lasts at most 12 hours."), "too_long")
        if self.makes_up_id:
            original = self.makes_up
            if original.makes_up_id:
                raise _field_error("makes_up", _("Make up for the session itself, not for a make-up."),
                                   "make_up_of_make_up")
            if original.state != self.State.HELD:
                raise _field_error("makes_up", _("Only a held session has misses to make up."), "not_held")
            if self.starts_at and self.starts_at <= original.starts_at:
                raise _field_error("starts_at", _("A make-up comes after the session it makes up."), "make_up_before")

    @classmethod
    @transaction.atomic
    def plan(cls, *, by, **fields):
        """A new planned session (its first change row: none → planned); refused with the form's messages."""
        session = cls(created_by=by, **fields)
        session.full_clean()
        session.save()
        session.changes.create(old="", new=cls.State.PLANNED, by=by)
        return session

    def code(self, now=None):
        """The sign-in code to show now, or None when the session is not on (or no longer planned)."""
        return signin_codes.current_code(self.subject, self.starts_at, self.ends_at, now) if self.is_planned else None

    def roster(self):
        """Who is expected: for a make-up, the original's misses not yet made up; else the branch's members."""
        from grid.people.models import Person

        if self.makes_up_id:
            return Person.objects.filter(pk__in=self.makes_up.misses().values("person_id"))
        return branch_members()

    def misses(self):
        """The absence rows of a held session not yet cleared by a make-up."""
        return self.attendances.filter(present=False, made_up_in__isnull=True)

    def _locked(self):
        locked = StudySession.objects.select_for_update().get(pk=self.pk)
        if locked.state != self.State.PLANNED:
            raise ValidationError(_("This session is no longer open for attendance."), code="not_open")
        return locked

    def _attend(self, person, how, by, at):
        """One present row (the unique index settles a double tap); attending a make-up clears the miss."""
        if not self.roster().filter(pk=person.pk).exists():
            raise ValidationError(_("%(name)s is not on this session's roster.") % {"name": person.name},
                                  code="not_on_roster")
        try:
            with transaction.atomic():
                row = self.attendances.create(person=person, present=True, how=how, recorded_by=by, at=at)
        except IntegrityError:
            return None
        if self.makes_up_id:
            self.makes_up.attendances.filter(person=person, present=False, made_up_in__isnull=True).update(
                made_up_in=self)
        return row

    @transaction.atomic
    def sign_in(self, person, code, *, by, now=None):
        """A member signs in with the code shown at the session; a second sign-in changes nothing."""
        now = now or timezone.now()
        self._locked()
        if not signin_codes.is_valid(self.subject, code, self.starts_at, self.ends_at, now):
            raise ValidationError(_("That code is wrong or has expired; type the code shown now."), code="bad_code")
        return self._attend(person, StudyAttendance.How.CODE, by, now)

    @transaction.atomic
    def tick(self, people, *, by, now=None):
        """The organiser ticks who came; returns how many were newly recorded."""
        self._locked()
        now = now or timezone.now()
        if now < self.starts_at - signin_codes.GRACE:
            raise ValidationError(_("Attendance is recorded once the session has begun."), code="not_begun")
        return sum(1 for person in people if self._attend(person, StudyAttendance.How.TICKED, by, now))

    @transaction.atomic
    def close(self, *, by, now=None):
        """Planned → held, after it began: everyone on the roster who did not attend gets an absence row (not at
        a make-up: whoever missed that is still missing on the original, once)."""
        locked = self._locked()
        now = now or timezone.now()
        if now < self.starts_at:
            raise ValidationError(_("A session is closed after it has begun."), code="not_begun")
        if self.roster().filter(pk=self.organiser_id).exists():
            self._attend(self.organiser, StudyAttendance.How.TICKED, by, now)  # who led it was there
        if not self.makes_up_id:
            came = self.attendances.values("person_id")
            StudyAttendance.objects.bulk_create([
                StudyAttendance(session=self, person_id=person_id, present=False, how=StudyAttendance.How.ABSENT,
                                recorded_by=by, at=now)
                for person_id in self.roster().exclude(pk__in=came).values_list("pk", flat=True)])
        self._change(locked, self.State.HELD, by, at=now)

    @transaction.atomic
    def cancel(self, *, by, reason):
        if not (reason or "").strip():
            raise ValidationError(_("Say why the session is cancelled."), code="no_reason")
        locked = self._locked()
        if locked.attendances.exists():
            raise ValidationError(_("Members have already signed in; close the session instead."),
                                  code="has_attendance")
        self._change(locked, self.State.CANCELLED, by, reason)

    def _change(self, locked, new, by, note="", at=None):
        StudySession.objects.filter(pk=self.pk).update(state=new)
        self.changes.create(old=locked.state, new=new, by=by, note=note, at=at or timezone.now())
        self.state = new


class StudySessionChange(models.Model):
    """A session's state change (none → planned → held or cancelled): who, when, and why for a cancellation."""

    session = models.ForeignKey(StudySession, on_delete=models.CASCADE, related_name="changes",
                                verbose_name=_("study session"))
    old = models.CharField(_("from"), max_length=10, choices=StudySession.State, blank=True)
    new = models.CharField(_("to"), max_length=10, choices=StudySession.State)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by"))
    note = models.CharField(_("note"), max_length=200, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("study session change")
        verbose_name_plural = _("study session changes")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.old or '–'} → {self.new}"


class StudyAttendanceQuerySet(ScopedQuerySet):
    node_path = "session__position__micro_grid"
    reach = {"session__organiser": person_ids}


class StudyAttendance(models.Model):
    """One member at one session: present (ticked or signed in with the code) or, once it is closed, absent."""

    class How(models.TextChoices):
        TICKED = "ticked", _("Ticked by the organiser")
        CODE = "code", _("Signed in with the code")
        ABSENT = "absent", _("Absent")

    session = models.ForeignKey(StudySession, on_delete=models.CASCADE, related_name="attendances",
                                verbose_name=_("study session"))
    person = models.ForeignKey("grid.Person", on_delete=models.PROTECT, related_name="study_attendances",
                               verbose_name=_("party member"))
    present = models.BooleanField(_("present"))
    how = models.CharField(_("recorded how"), max_length=8, choices=How)
    made_up_in = models.ForeignKey(StudySession, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="cleared", verbose_name=_("made up in"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("recorded by"))
    at = models.DateTimeField(_("when"), default=timezone.now)

    objects = StudyAttendanceQuerySet.as_manager()

    class Meta:
        verbose_name = _("study attendance")
        verbose_name_plural = _("study attendance")
        ordering = ["session", "person__name", "pk"]
        constraints = [models.UniqueConstraint(fields=["session", "person"], name="one_study_attendance_per_member",
                                               violation_error_message=_("Already recorded for this session."))]

    def __str__(self):
        return f"{self.session}: {self.person}"


class MobileMemberQuerySet(ScopedQuerySet):
    """The grid workers of the member's home grid, and the member's tutor."""

    node_path = "grid"
    reach = {"tutor": person_ids}

    def away(self):
        return self.filter(returned_on__isnull=True)

    def with_last_contact(self):
        return self.annotate(last_contact=Max("contacts__on"))

    def overdue(self, today=None):
        """Members away whose last contact (or registration, before any) is OVERDUE_DAYS or more ago."""
        today = today or timezone.localdate()
        limit = today - datetime.timedelta(days=OVERDUE_DAYS)
        return (self.away().with_last_contact()
                .filter(Q(last_contact__lte=limit) | Q(last_contact__isnull=True, since__lte=limit)))


class MobileMember(models.Model):
    """A party member of the branch working away from home (流动党员), followed by a theory tutor (理论辅导员)."""

    person = models.OneToOneField("grid.Person", on_delete=models.PROTECT, related_name="mobile_membership",
                                  verbose_name=_("party member"))
    grid = models.ForeignKey("grid.GridNode", on_delete=models.PROTECT, related_name="mobile_members",
                             verbose_name=_("home grid"), limit_choices_to={"kind": "grid"})
    works_in = models.CharField(_("where they work now"), max_length=100,
                                help_text=_("City and employer; private: only the tutor and the branch see it."))
    phone = PhoneField(_("phone where they are"), help_text=_("Private: only the tutor and the branch see it."))
    other_contact = models.CharField(_("other way to reach them"), max_length=100, blank=True,
                                     help_text=_("E.g. a WeChat account; private like the phone."))
    tutor = models.ForeignKey("grid.Person", on_delete=models.PROTECT, related_name="tutored",
                              verbose_name=_("theory tutor"))
    since = models.DateField(_("away since"), default=timezone.localdate)
    returned_on = models.DateField(_("came back on"), null=True, blank=True)
    history = HistoricalRecords()

    objects = MobileMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("mobile party member")
        verbose_name_plural = _("mobile party members")
        ordering = ["person__name", "pk"]
        permissions = [("view_mobile_contact", _("Can see where every mobile party member works and their contact"))]

    def __str__(self):
        return self.person.name

    def clean(self):
        super().clean()
        errors = {}
        if self.person_id and self.person.political_status not in PARTY:
            errors["person"] = ValidationError(_("Only a party member can be registered as a mobile party member."),
                                               code="not_party_member")
        if self.person_id and self.tutor_id == self.person_id:
            errors["tutor"] = ValidationError(_("A member cannot be their own tutor."), code="own_tutor")
        if self.grid_id and not self.grid.is_grid:
            errors["grid"] = ValidationError(_("Choose the grid (网格) they live in."), code="not_grid")
        if self.returned_on and self.since and self.returned_on < self.since:
            errors["returned_on"] = ValidationError(_("They cannot come back before they left."), code="back_before")
        if errors:
            raise ValidationError(errors)

    def shows_contact_to(self, user):
        """Where they work and how to reach them: for their tutor and the branch, masked for everyone else."""
        return user.has_perm("volunteers.view_mobile_contact") or (
            self.tutor.user_id is not None and self.tutor.user_id == user.pk)

    def came_back(self, *, on, by):
        """The member is home again: no longer flagged, back on the sessions' roster (history keeps who and when)."""
        if self.returned_on:
            raise ValidationError(_("This member has already come back."), code="returned")
        if on > timezone.localdate():
            raise ValidationError(_("The date cannot be in the future."), code="future")
        if on < self.since:
            raise ValidationError(_("They cannot come back before they left."), code="back_before")
        self.returned_on = on
        self._history_user = by
        self.save(update_fields=["returned_on"])

    def log_contact(self, *, on, how, studied, by, token=None):
        """The tutor (or the branch) logs a contact: when, how, what was studied."""
        if not self.shows_contact_to(by):
            raise ValidationError(_("Only the member's tutor or the branch logs contacts."), code="not_tutor")
        if self.returned_on:
            raise ValidationError(_("This member has come back; contacts are no longer logged."), code="returned")
        if on > timezone.localdate():
            raise ValidationError(_("The date of the contact cannot be in the future."), code="future")
        if on < self.since:
            raise ValidationError(_("The contact cannot be before they went away."), code="before_away")
        if not (studied or "").strip():
            raise ValidationError(_("Say what was studied."), code="no_studied")
        contact = TutorContact(member=self, on=on, how=how, studied=studied.strip(), recorded_by=by, token=token)
        contact.full_clean()
        contact.save()
        return contact


class TutorContactQuerySet(ScopedQuerySet):
    node_path = "member__grid"
    reach = {"member__tutor": person_ids}


class TutorContact(models.Model):
    class How(models.TextChoices):
        PHONE = "phone", _("Phone call")
        VIDEO = "video", _("Video call")
        MESSAGE = "message", _("WeChat or message")
        VISIT = "visit", _("In person")
        MAIL = "mail", _("Materials sent")

    member = models.ForeignKey(MobileMember, on_delete=models.CASCADE, related_name="contacts",
                               verbose_name=_("mobile party member"))
    on = models.DateField(_("date"))
    how = models.CharField(_("how"), max_length=8, choices=How)
    studied = models.TextField(_("what was studied"), max_length=NOTE_MAX_LENGTH)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    token = SubmissionKeyField(_("submission token"))

    objects = TutorContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("tutor contact")
        verbose_name_plural = _("tutor contacts")
        ordering = ["-on", "-pk"]

    def __str__(self):
        return f"{self.member} {self.on}"
