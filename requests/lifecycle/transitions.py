"""Staff transitions of a request: dispatch, accept, close, publicise, rework, return, mark invalid (and revise, the
public summary's, in requests/notices/models.py).

Each is one atomic, race-safe method: it locks the row (SELECT … FOR UPDATE; SQLite admits one writer
anyway), checks who may do what from the *locked* state, then moves with a conditional UPDATE and records
a Transition row. Anything not allowed raises ValidationError with a clear message and changes nothing.
Who may do what is one guard per action (`_guard_<action>`): the method asks it of the locked row, and
`may(action, user)` asks it of the row as loaded, so the request page offers exactly the buttons that work.
`_move` is shared with resident.py: keep its signature stable.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nanjie import workdays

NOTE_LIMIT = 2000


def end_of_day(day):
    """A deadline given as a date means "by the end of that day", local time."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 59, 59)))


def default_deadline(category, start=None):
    """The end of the category's n-th Chinese working day after `start` (holidays skipped, 调休 days counted)."""
    return workdays.end_of_workday(start or timezone.now(), category.default_deadline_days)


def response_due(category, ordered_at):
    """By when a request must be dispatched or first acted on: the category's response limit in working days."""
    return workdays.end_of_workday(ordered_at, category.response_workdays)


def _text(value, empty_message, code):
    value = (value or "").strip()
    if not value:
        raise ValidationError(empty_message, code=code)
    if len(value) > NOTE_LIMIT:
        raise ValidationError(_("Keep it under %(limit)d characters.") % {"limit": NOTE_LIMIT}, code="long_text")
    return value


def _person_of(user):
    # The reverse one-to-one caches on the user object, also when there is no person: one query per request.
    return getattr(user, "person", None) if user is not None and user.is_authenticated else None


def _in_unit(unit_id, person):
    from partners.units.models import UnitMembership

    return unit_id is not None and person is not None and \
        UnitMembership.objects.filter(unit_id=unit_id, person=person).exists()


# action → the permission of the role that does it (the staff pages answer 403 without it)
PERMISSIONS = {"dispatch": "requests.dispatch_request", "invalid": "requests.dispatch_request",
               "accept": "requests.accept_request", "return": "requests.accept_request",
               "close": "requests.accept_request", "publicise": "requests.publicise_request",
               "rework": "requests.publicise_request",
               "revise": "requests.publicise_request"}  # revise: requests/notices/models.py


class StaffTransitions:
    def may(self, action, user):
        """Whether `user` may do `action` to this request as it stands: the same guard the transition applies."""
        if not user.has_perm(PERMISSIONS[action]):
            return False
        try:
            getattr(self, f"_guard_{action}")(self, user, _person_of(user))
        except ValidationError:
            return False
        return True

    def _guard_dispatch(self, current, by, person):
        self._refuse_unless(by is not None and by.has_perm("requests.dispatch_request"),
                            _("Only a member of the joint meeting can dispatch requests."), "not_dispatcher")
        if current.state == self.State.DISPATCHED:
            raise ValidationError(_("This request was already dispatched to %(unit)s.") % {"unit": current.unit},
                                  code="state")
        self._refuse_unless_in(current, [self.State.ORDERED])

    def _guard_invalid(self, current, by, person):
        self._refuse_unless(by is not None and by.has_perm("requests.dispatch_request"),
                            _("Only a member of the joint meeting can mark a request invalid."), "not_dispatcher")
        self._refuse_unless_in(current, [self.State.ORDERED, self.State.DISPATCHED])

    def _guard_accept(self, current, by, person):
        if current.state == self.State.ACCEPTED and current.acceptor_id:
            raise ValidationError(
                _("%(name)s already accepted this request.") % {"name": current.acceptor.name}, code="taken")
        # The state before the unit: a request returned a moment ago has no unit any more, and its member
        # should hear what happened to it, not that they are not in the unit.
        self._refuse_unless_in(current, [self.State.DISPATCHED])
        self._refuse_unless(person is not None and by is not None and person.user_id == by.pk,
                            _("Party members accept requests themselves, with their own login."), "own_login")
        self._refuse_unless(_in_unit(current.unit_id, person),
                            _("Only a party member of the unit the request was dispatched to can accept it."),
                            "not_unit_member")

    def _guard_return(self, current, by, person):
        if current.state in (self.State.DISPATCHED, self.State.ACCEPTED):
            self._refuse_unless(_in_unit(current.unit_id, person),
                                _("Only a party member of the unit the request was dispatched to can return it."),
                                "not_unit_member")
        self._refuse_unless_in(current, [self.State.DISPATCHED, self.State.ACCEPTED])

    def _guard_close(self, current, by, person):
        if current.state == self.State.ACCEPTED:
            self._refuse_unless(person is not None and current.acceptor_id == person.pk,
                                _("Only %(name)s, who accepted this request, can close it.")
                                % {"name": current.acceptor.name}, "not_acceptor")
        self._refuse_unless_in(current, [self.State.ACCEPTED])

    def _guard_publicise(self, current, by, person):
        self._refuse_unless(by is not None and by.has_perm("requests.publicise_request"),
                            _("Only the party branch can publicise closures."), "not_branch")
        self._refuse_unless_in(current, [self.State.CLOSED])

    def _guard_rework(self, current, by, person):
        self._refuse_unless(by is not None and by.has_perm("requests.publicise_request"),
                            _("Only the party branch can send a closure back for rework."), "not_branch")
        self._refuse_unless_in(current, [self.State.CLOSED])

    def _locked(self):
        """The row as it is now, locked until the transaction ends: decisions are made on this, not on self."""
        # No select_related: after waiting for the lock, PostgreSQL re-reads the locked row but not the rows
        # joined to it, so a joined acceptor would be the stale (empty) one. Related rows load lazily instead.
        return type(self).objects.select_for_update().get(pk=self.pk)

    def _move(self, old_states, new_state, by, note="", *, at=None, rating="", rating_channel="", **fields):
        """Move from one of `old_states` to `new_state`, setting `fields`; record who, when and why.

        Returns the state it moved from. Raises ValidationError (code "state") and changes nothing when
        the request is in none of `old_states` — also when another user moved it a moment ago.
        Call inside a transaction (every transition method is @transaction.atomic).
        """
        at = at or timezone.now()
        current = self._locked()
        self._refuse_unless_in(current, old_states)
        from requests.statistics.rollups import track

        with track(self.pk):  # the roll-ups' counts move in this transaction, under this lock
            # Conditional UPDATE as a second guard: it matches only the state we checked.
            moved = type(self).objects.filter(pk=self.pk, state=current.state).update(state=new_state, **fields)
            if not moved:  # pragma: no cover - unreachable while the row is locked
                raise ValidationError(_("Someone else changed this request a moment ago. Reload and try again."),
                                      code="state")
            # A dispatch remembers its unit, so the timeline still names it after a return and a new dispatch.
            unit = fields.get("unit") if new_state == self.State.DISPATCHED else None
            self.transitions.create(old_state=current.state, new_state=new_state, by=by, at=at, note=note,
                                    unit=unit, rating=rating, rating_channel=rating_channel)
        self.refresh_from_db(fields=["state", *fields])
        return current.state

    def _refuse_unless_in(self, current, states):
        if current.state not in states:
            raise ValidationError(
                _("This cannot be done: the request is “%(state)s” now.") % {"state": current.get_state_display()},
                code="state",
            )

    def _refuse_unless(self, allowed, message, code):
        if not allowed:
            raise ValidationError(message, code=code)

    @transaction.atomic
    def dispatch(self, unit, deadline=None, *, by, at=None):
        """A joint-meeting member sends an ordered request to one unit, with a deadline."""
        at = at or timezone.now()
        self._refuse_unless(by is not None and by.has_perm("requests.dispatch_request"),
                            _("Only a member of the joint meeting can dispatch requests."), "not_dispatcher")
        self._refuse_unless(unit is not None and unit.active, _("Choose a unit that is still active."), "unit")
        current = self._locked()
        self._guard_dispatch(current, by, None)
        if deadline is None:
            deadline = default_deadline(self.category, at)
        elif isinstance(deadline, datetime.date) and not isinstance(deadline, datetime.datetime):
            deadline = end_of_day(deadline)
        self._refuse_unless(deadline > at, _("The deadline must be in the future."), "deadline")
        self._move([self.State.ORDERED], self.State.DISPATCHED, by, at=at,
                   unit=unit, deadline=deadline, dispatched_at=at, return_reason="", returned_from=None)

    @transaction.atomic
    def accept(self, person, *, by, at=None):
        """A party member of the dispatched unit takes the request on (接单); of two at once, one wins."""
        self._guard_accept(self._locked(), by, person)
        self._move([self.State.DISPATCHED], self.State.ACCEPTED, by, at=at or timezone.now(),
                   acceptor=person, accepted_at=at or timezone.now())

    @transaction.atomic
    def close(self, note, *, by, closed_at=None):
        """The accepting member records what was done (办结情况) and when."""
        now = timezone.now()
        closed_at = closed_at or now
        note = _text(note, _("Say what was done."), "empty_note")
        current = self._locked()
        self._guard_close(current, by, _person_of(by))
        if current.state == self.State.ACCEPTED:
            self._refuse_unless(closed_at <= now + datetime.timedelta(minutes=5),
                                _("The closing time cannot be in the future."), "closed_at")
            self._refuse_unless(current.accepted_at is None or closed_at >= current.accepted_at,
                                _("The closing time cannot be before the request was accepted."), "closed_at")
        self._move([self.State.ACCEPTED], self.State.CLOSED, by, note, at=closed_at,
                   closure_note=note, closed_at=closed_at, rework_reason="")

    @transaction.atomic
    def publicise(self, summary, *, by, at=None):
        """A branch admin reviews the closure and puts its public summary (公示内容) on the public board; a summary
        with personal data in it is refused (code "personal_data", see requests/notices/models.py)."""
        at = at or timezone.now()
        self._guard_publicise(self._locked(), by, None)
        summary = self.clean_summary(summary)
        self._move([self.State.CLOSED], self.State.PUBLICISED, by, summary, at=at, publicised_at=at,
                   public_summary=summary, summary_needs_review=False)

    @transaction.atomic
    def send_back_for_rework(self, reason, *, by, at=None):
        """The branch finds a closure not done (not yet publicised): back to the member who accepted it, with the
        reason they see on the request page and in their queue, and a new deadline (the old one has often passed)."""
        at = at or timezone.now()
        reason = _text(reason, _("Say what is still to be done."), "empty_reason")
        current = self._locked()
        self._guard_rework(current, by, None)
        self._move([self.State.CLOSED], self.State.ACCEPTED, by, reason, at=at, rework_reason=reason,
                   deadline=default_deadline(current.category, at))

    @transaction.atomic
    def return_to_ordered(self, reason, *, by, at=None):
        """The unit sends back a request that is not theirs; the dispatcher sees the reason and re-dispatches."""
        reason = _text(reason, _("Say why the request is not for your unit."), "empty_reason")
        current = self._locked()
        self._guard_return(current, by, _person_of(by))
        self._move([self.State.DISPATCHED, self.State.ACCEPTED], self.State.ORDERED, by, reason,
                   at=at or timezone.now(), return_reason=reason, returned_from=current.unit, unit=None,
                   deadline=None, dispatched_at=None, acceptor=None, accepted_at=None)

    @transaction.atomic
    def mark_invalid(self, reason, *, by, at=None):
        """A dispatcher ends a request that is invalid or a duplicate; the tracking page shows the reason."""
        self._refuse_unless(by is not None and by.has_perm("requests.dispatch_request"),
                            _("Only a member of the joint meeting can mark a request invalid."), "not_dispatcher")
        reason = _text(reason, _("Say why the request is invalid or which request it duplicates."), "empty_reason")
        self.refuse_personal_data(reason)  # the tracking page shows it
        self._move([self.State.ORDERED, self.State.DISPATCHED], self.State.INVALID, by, reason,
                   at=at or timezone.now(), invalid_reason=reason)
