"""The joint meeting (联席会议): the 6 part-time committee members, the month's on-duty chairman rota, and the
meetings: attendance and quorum, the agenda, decisions as action items, minutes and their amendments."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from grid.territory.scoping import (
    CommunityRosterManager,
    CommunityRosterQuerySet,
    ScopedQuerySet,
    community_field,
    refuse_twice_in_community,
    unique_in_community,
)
from partners.units.models import Unit, unit_ids_of


class CommitteeMember(models.Model):
    """One of the 6 part-time committee members (兼职委员) who form the joint meeting."""

    person = models.OneToOneField(
        "grid.Person", on_delete=models.PROTECT, related_name="committee_seat", verbose_name=_("person")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.SET_NULL, null=True, blank=True, related_name="committee_members",
        verbose_name=_("unit"),
    )
    title = models.CharField(_("title"), max_length=50, blank=True)
    active = models.BooleanField(_("active"), default=True)
    community = community_field()
    history = HistoricalRecords()

    objects = CommunityRosterManager.from_queryset(CommunityRosterQuerySet)()  # the joint meeting is the community's

    class Meta:
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")
        ordering = ["pk"]

    def __str__(self):
        return str(self.person)


class DutyRotaQuerySet(CommunityRosterQuerySet):
    def for_month(self, day=None):
        day = day or timezone.localdate()
        return self.filter(month=day.replace(day=1))


class DutyRota(models.Model):
    """The month's on-duty chairman (“值班”主席): one committee member per month."""

    community = community_field()
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    member = models.ForeignKey(
        CommitteeMember, on_delete=models.PROTECT, related_name="duty_months", verbose_name=_("on-duty chairman")
    )
    history = HistoricalRecords()

    objects = CommunityRosterManager.from_queryset(DutyRotaQuerySet)()

    class Meta:
        verbose_name = _("on-duty chairman rota")
        verbose_name_plural = _("on-duty chairman rota")
        ordering = ["-month"]
        constraints = [
            *unique_in_community("month", "rota_month_unique"),
            models.CheckConstraint(
                condition=Q(month__day=1),
                name="rota_month_is_first_day",
                violation_error_message=_("Give the first day of the month."),
            )
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.member}"

    def clean(self):
        super().clean()
        if self.month:
            self.month = self.month.replace(day=1)
        refuse_twice_in_community(self, "month", _("This month already has an on-duty chairman."))

    def save(self, *args, **kwargs):
        # Any day of the month names the month.
        if self.month:
            self.month = self.month.replace(day=1)
        super().save(*args, **kwargs)

    @classmethod
    def chairman_for(cls, day=None):
        rota = cls.objects.for_month(day).select_related("member__person").first()
        return rota.member if rota else None


# --- meetings, their agenda, decisions and minutes -----------------------------------------------------------

def _community():
    from grid.territory.models import GridNode

    return GridNode.objects.community_root()


def _refuse(allowed, message, code):
    if not allowed:
        raise ValidationError(message, code=code)


class MeetingQuerySet(ScopedQuerySet):
    """The joint meeting and the branch (who see every grid) see every meeting; nobody else: a meeting is the
    community's."""

    node_path = "community"


class Meeting(models.Model):
    """One joint meeting (联席会议): when and where, who attended, its agenda, decisions and minutes (会议纪要)."""

    community = models.ForeignKey("grid.GridNode", on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("community"))
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=100)
    chairman = models.ForeignKey(CommitteeMember, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="chaired_meetings", verbose_name=_("chairman"),
                                 help_text=_("The on-duty chairman of the meeting's month."))
    invited_units = models.ManyToManyField(Unit, blank=True, related_name="invited_to_meetings",
                                           verbose_name=_("invited units"))
    minutes = models.TextField(_("minutes"), blank=True, max_length=20000)
    minutes_confirmed_at = models.DateTimeField(_("minutes confirmed at"), null=True, blank=True)
    minutes_confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                             blank=True, related_name="+", verbose_name=_("minutes confirmed by"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("created by"))
    history = HistoricalRecords()

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("joint meeting")
        verbose_name_plural = _("joint meetings")
        ordering = ["-held_on", "-pk"]
        permissions = [("view_scorecard", _("Can see every unit's scorecard"))]

    def __str__(self):
        return gettext("Joint meeting of %(day)s") % {"day": self.held_on.isoformat()}

    @classmethod
    def plan(cls, *, held_on, place, invited_units=(), by=None):
        """A meeting on a day, chaired by that month's on-duty chairman, in the portal's community."""
        place = (place or "").strip()
        _refuse(place, _("Say where the meeting is held."), "no_place")
        _refuse(held_on is not None, _("Give the meeting's date."), "no_date")
        community = _community()
        _refuse(community is not None, _("The community's total grid is not set up yet."), "no_community")
        meeting = cls.objects.create(community=community, held_on=held_on, place=place,
                                     chairman=DutyRota.chairman_for(held_on), created_by=by)
        meeting.invited_units.set(invited_units)
        return meeting

    @property
    def is_confirmed(self):
        return self.minutes_confirmed_at is not None

    def _refuse_if_confirmed(self):
        _refuse(not self.is_confirmed,
                _("The minutes of this meeting are confirmed and read-only; add an amendment instead."), "confirmed")

    def _lock_open(self):
        """Lock the meeting's row until the transaction ends, and refuse if its minutes are confirmed (as they are
        now, not as this object was loaded): a decision or an item never slips in beside a confirmation."""
        Meeting.objects.select_for_update().get(pk=self.pk)._refuse_if_confirmed()

    def roster(self):
        """The active committee members: attendance is recorded against them, the quorum counted of them."""
        return CommitteeMember.objects.filter(active=True).select_related("person").order_by("pk")

    def quorum(self):
        """(present, members, reached): a majority of the active members must be present."""
        members = CommitteeMember.objects.filter(active=True).count()
        present = self.attendance.filter(present=True, member__active=True).count()
        return present, members, members > 0 and present * 2 > members

    @transaction.atomic
    def record_attendance(self, present_ids, *, by):
        """Who of the roster was present (the others absent): refused with nobody present or confirmed minutes."""
        self._lock_open()
        roster = list(self.roster())
        present_ids = {int(pk) for pk in present_ids}
        _refuse(any(member.pk in present_ids for member in roster),
                _("A meeting with no members present cannot be recorded: tick who attended."), "nobody_present")
        for member in roster:
            Attendance.objects.update_or_create(meeting=self, member=member,
                                                defaults={"present": member.pk in present_ids, "recorded_by": by})

    @transaction.atomic
    def add_item(self, title, *, by, key="", source="", follows_up=None, link=""):
        """One agenda item; an item about the same thing (key) is not added twice."""
        self._lock_open()
        title = (title or "").strip()
        _refuse(title, _("Say what the item is about."), "empty_title")
        _refuse(len(title) <= 200, _("Keep an item's title under 200 characters."), "long_title")
        if key and self.items.filter(key=key).exists():
            return None
        position = (self.items.aggregate(last=models.Max("position"))["last"] or 0) + 1
        return self.items.create(title=title, key=key, source=source, follows_up=follows_up, position=position,
                                 added_by=by, link=link)

    @transaction.atomic
    def build_agenda(self, *, by):
        """Ask every registered proposer (partners/meeting/agenda.py) for items; returns how many were added.
        An item staff dropped stays dropped: its key is still on the agenda."""
        from partners.meeting.agenda import agenda_proposers

        self._lock_open()  # two presses of "build" at once add each item once
        added = 0
        # The agenda is the community's record, printed in the minutes: its titles are in the community's
        # language (settings.LANGUAGE_CODE), whichever language the staff member reads the portal in.
        with translation.override(settings.LANGUAGE_CODE):
            proposed_items = [(proposer, proposed) for proposer in agenda_proposers
                              for proposed in proposer.propose(self)]
        for proposer, proposed in proposed_items:
            added += bool(self.add_item(proposed.title[:200], by=by, key=proposed.key, source=proposer.name,
                                        follows_up=proposed.follows_up, link=proposed.url))
        return added

    @transaction.atomic
    def write_minutes(self, text, *, by):
        self._lock_open()
        self.minutes = (text or "").strip()
        self.save(update_fields=["minutes"])

    @transaction.atomic
    def confirm_minutes(self, *, by, at=None):
        """The meeting's chairman confirms the minutes: from then on they are read-only (amendments only)."""
        locked = Meeting.objects.select_for_update().get(pk=self.pk)
        locked._refuse_if_confirmed()
        _refuse(self.chairman is not None and by is not None and self.chairman.person.user_id == by.pk,
                _("Only the meeting's chairman can confirm its minutes."), "not_chairman")
        _refuse(locked.minutes.strip(), _("Write the minutes before confirming them."), "empty_minutes")
        _refuse(locked.attendance.filter(present=True).exists(),
                _("Record who attended before confirming the minutes."), "nobody_present")
        self.minutes_confirmed_at, self.minutes_confirmed_by = at or timezone.now(), by
        self.save(update_fields=["minutes_confirmed_at", "minutes_confirmed_by"])

    def amend(self, text, *, by):
        """A correction of confirmed minutes: a row of its own with who and when; the minutes stay as confirmed."""
        _refuse(self.is_confirmed, _("The minutes are not confirmed yet: edit them directly."), "not_confirmed")
        text = (text or "").strip()
        _refuse(text, _("Say what is corrected."), "empty_amendment")
        _refuse(len(text) <= 2000, _("Keep it under 2000 characters."), "long_text")
        return self.amendments.create(text=text, by=by)

    def next_meeting(self):
        return Meeting.objects.filter(held_on__gt=self.held_on).order_by("held_on", "pk").first()


class AttendanceQuerySet(ScopedQuerySet):
    node_path = "meeting__community"


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance",
                                verbose_name=_("meeting"))
    member = models.ForeignKey(CommitteeMember, on_delete=models.PROTECT, related_name="attendance",
                               verbose_name=_("committee member"))
    present = models.BooleanField(_("present"), default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name=_("recorded by"))
    history = HistoricalRecords()

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["meeting", "member"]
        constraints = [models.UniqueConstraint(fields=["meeting", "member"], name="one_attendance_per_member",
                                               violation_error_message=_("This member's attendance is recorded."))]

    def __str__(self):
        return f"{self.meeting}: {self.member}"


class AgendaItemQuerySet(ScopedQuerySet):
    node_path = "meeting__community"


class AgendaItem(models.Model):
    """An item of a meeting's agenda: proposed by a registered proposer (source, key) or added by staff."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items", verbose_name=_("meeting"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("item"), max_length=200)
    source = models.CharField(_("proposed by"), max_length=50, blank=True, help_text=_("Empty: added by staff."))
    key = models.CharField(_("what it is about"), max_length=80, blank=True)
    link = models.CharField(_("link"), max_length=200, blank=True, help_text=_("The page of what it is about."))
    follows_up = models.ForeignKey("Decision", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="followed_up_by", verbose_name=_("follows up the decision"))
    dropped = models.BooleanField(_("dropped"), default=False)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="+", verbose_name=_("added by"))
    history = HistoricalRecords()

    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "key"], condition=~Q(key=""),
                                               name="agenda_item_once_per_meeting")]

    def __str__(self):
        return self.title

    @transaction.atomic
    def drop(self, *, by):
        self.meeting._lock_open()
        _refuse(not self.decisions.exists(), _("This item has decisions; it cannot be dropped."), "has_decisions")
        self.dropped = True
        self.save(update_fields=["dropped"])

    @transaction.atomic
    def restore(self, *, by):
        self.meeting._lock_open()
        self.dropped = False
        self.save(update_fields=["dropped"])


class DecisionQuerySet(ScopedQuerySet):
    """The joint meeting and the branch see every decision; a unit's party member those their unit owns."""

    node_path = "item__meeting__community"
    reach = {"unit": unit_ids_of}

    def open(self):
        return self.filter(state=Decision.State.OPEN)

    def overdue(self, today=None):
        return self.open().filter(deadline__lt=today or timezone.localdate())

    def done_on_time(self):
        return self.filter(state=Decision.State.DONE, done_on__lte=F("deadline"))


class Decision(models.Model):
    """A decision on an agenda item: an action item for one unit, by a deadline; open → done, or carried over."""

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        CARRIED = "carried", _("Carried to the next meeting")

    item = models.ForeignKey(AgendaItem, on_delete=models.PROTECT, related_name="decisions",
                             verbose_name=_("agenda item"))
    text = models.TextField(_("decision"), max_length=2000)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="decisions",
                             verbose_name=_("unit responsible"))
    deadline = models.DateField(_("deadline"))
    state = models.CharField(_("state"), max_length=8, choices=State, default=State.OPEN)
    done_note = models.TextField(_("what was done"), blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    carried_to = models.ForeignKey(Meeting, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="carried_in", verbose_name=_("carried to"))
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["deadline", "pk"]
        indexes = [models.Index(fields=["state", "deadline"], name="decision_state_deadline")]

    def __str__(self):
        return self.text[:40]

    @property
    def meeting(self):
        return self.item.meeting

    @property
    def is_overdue(self):
        return self.state == self.State.OPEN and self.deadline < timezone.localdate()

    @classmethod
    @transaction.atomic
    def decide(cls, item, *, text, unit, deadline, by, today=None):
        """A decision on an item of a meeting whose minutes are still open, with a deadline not in the past."""
        today = today or timezone.localdate()
        item.meeting._lock_open()
        _refuse(not item.dropped, _("This item was dropped from the agenda."), "dropped")
        text = (text or "").strip()
        _refuse(text, _("Write the decision."), "empty_text")
        _refuse(len(text) <= 2000, _("Keep it under 2000 characters."), "long_text")
        _refuse(unit is not None and unit.active, _("Choose a unit that is still active."), "unit")
        _refuse(deadline is not None and deadline >= today, _("The deadline cannot be in the past."), "past_deadline")
        decision = cls.objects.create(item=item, text=text, unit=unit, deadline=deadline)
        decision.events.create(old_state="", new_state=cls.State.OPEN, by=by, note=text)
        return decision

    def _move(self, new_state, *, by, note="", **fields):
        # Conditional UPDATE: of two people pressing at once, one moves it; the other is told.
        moved = Decision.objects.filter(pk=self.pk, state=self.State.OPEN).update(state=new_state, **fields)
        _refuse(moved, _("This decision is no longer open."), "state")
        self.events.create(old_state=self.State.OPEN, new_state=new_state, by=by, note=note)
        self.refresh_from_db(fields=["state", *fields])

    def may_report(self, user):
        """The unit responsible's party members and the joint meeting report a decision done."""
        from partners.units.models import UnitMembership

        return user is not None and user.is_authenticated and (
            user.has_perm("partners.change_meeting")
            or UnitMembership.objects.filter(unit_id=self.unit_id, person__user=user).exists())

    @transaction.atomic
    def mark_done(self, note, *, by, on=None):
        """The unit (or the joint meeting) reports what was done; done on or before the deadline is on time."""
        _refuse(self.may_report(by), _("Only the unit responsible or the joint meeting can report this done."),
                "not_responsible")
        on = on or timezone.localdate()
        note = (note or "").strip()
        _refuse(note, _("Say what was done."), "empty_note")
        _refuse(len(note) <= 2000, _("Keep it under 2000 characters."), "long_text")
        _refuse(on <= timezone.localdate(), _("The day it was done cannot be in the future."), "future")
        self._move(self.State.DONE, by=by, note=note, done_note=note, done_on=on)

    @transaction.atomic
    def carry_to(self, meeting, *, by, note=""):
        """Carried to a later meeting: that meeting's agenda gets an item following it up."""
        _refuse(by is not None and by.has_perm("partners.change_meeting"),
                _("Only the joint meeting can carry a decision over."), "not_meeting")
        _refuse(meeting is not None and meeting.held_on > self.item.meeting.held_on,
                _("Carry a decision to a later meeting."), "not_later")
        meeting._lock_open()
        self._move(self.State.CARRIED, by=by, note=note, carried_to=meeting)
        meeting.add_item(self.text[:190], by=by, key=f"decision:{self.pk}", source="carried", follows_up=self)


class DecisionEventQuerySet(ScopedQuerySet):
    node_path = "decision__item__meeting__community"


class DecisionEvent(models.Model):
    """One change of a decision: made, done or carried over (who, when, from → to, a note)."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="events",
                                 verbose_name=_("decision"))
    old_state = models.CharField(_("from"), max_length=8, choices=Decision.State, blank=True)
    new_state = models.CharField(_("to"), max_length=8, choices=Decision.State)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                           related_name="+", verbose_name=_("by"))
    at = models.DateTimeField(_("at"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    objects = DecisionEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision change")
        verbose_name_plural = _("decision changes")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.decision}: {self.old_state or '—'} → {self.new_state}"


class MinutesAmendmentQuerySet(ScopedQuerySet):
    node_path = "meeting__community"


class MinutesAmendment(models.Model):
    """A correction to confirmed minutes (the minutes themselves stay as confirmed): who, when, what."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="amendments",
                                verbose_name=_("meeting"))
    text = models.TextField(_("correction"), max_length=2000)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                           verbose_name=_("by"))
    at = models.DateTimeField(_("at"), default=timezone.now)

    objects = MinutesAmendmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("minutes amendment")
        verbose_name_plural = _("minutes amendments")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.meeting}: {self.at:%Y-%m-%d}"
