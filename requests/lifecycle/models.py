"""A micro-wish / request (微心愿·诉求) and its recorded state changes.

ordered (已点单) → dispatched (已派单) → accepted (已接单) → closed (已办结) → publicised (已公示), with the side
paths return (→ ordered), reopen on an unsatisfied rating or the branch's rework (→ accepted) and invalid (terminal).
The transitions live in transitions.py (staff) and resident.py (residents), as mixins of this model, with the
rules of who may do what (`may`); views never assign `state` and never re-check a rule. The work queues and the
closure board are named querysets (queues.py).
"""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from grid.territory.models import GridNode
from grid.territory.scoping import ScopedQuerySet
from nanjie import workdays
from nanjie.once import SubmissionKeyField
from nanjie.phones import PhoneField
from partners.units.models import unit_ids_of
from requests.lifecycle.queues import QUEUES
from requests.lifecycle.resident import ResidentActions
from requests.lifecycle.transitions import StaffTransitions, response_due
from requests.notices.models import PublicNotice


def new_token():
    # 256 bits, URL-safe: the only key to a tracking page.
    return secrets.token_urlsafe(32)


class RequestQuerySet(ScopedQuerySet):
    """Community-wide roles see all; a unit's party member sees their unit's; a grid worker their subtree.

    Both scopes are id lists (grid/territory/scoping.py): an OR over a join, and the DISTINCT it needs, made
    PostgreSQL scan every request; plain id lists use the micro_grid and unit indexes.
    """

    node_path = "micro_grid"
    see_all = "requests.view_all_requests"
    reach = {"unit": unit_ids_of}

    def queue(self, name, user, visible=None):
        """The work queue `name` (queues.QUEUES) as this user works it, within their visible_to."""
        return QUEUES[name].scope(user, self.visible_to(user) if visible is None else visible)

    def open(self):
        return self.filter(state__in=[Request.State.DISPATCHED, Request.State.ACCEPTED])

    def overdue(self, now=None):
        """Not closed by its deadline."""
        return self.open().filter(deadline__lt=now or timezone.now())

    # The figures (requests/statistics): what residents asked for and what was done, by period.
    def ordered_between(self, start, end):
        return self.filter(**_moments("ordered_at", start, end))

    def fulfilled_between(self, start, end):
        """Closed (and maybe publicised) in start..end: a need fulfilled (群众需求事项办结)."""
        return self.filter(state__in=[Request.State.CLOSED, Request.State.PUBLICISED],
                           **_moments("closed_at", start, end))

    def overdue_by(self, workdays_late, today=None):
        """Open and past its deadline by at least `workdays_late` Chinese working days (the escalation list)."""
        return self.open().filter(deadline__lt=_start_of_nth_workday_back(workdays_late, today))

    def publicised(self):
        """The notices every public output reads (board, feed, home page, CSV; Open311 later): show only their
        `public_text`, of the community being served (nanjie/community.py). The private texts are not even
        loaded: a page that touched them would cost a query a row."""
        return (self.filter(state=Request.State.PUBLICISED, micro_grid__in=GridNode.objects.of_community())
                .select_related("category", "micro_grid__parent", "unit")
                .defer("text", "closure_note", "resident_phone", "rating_comment", "invalid_reason", "return_reason",
                       "rework_reason")
                .order_by("-publicised_at", "-pk"))


def _moments(field, start, end):
    """Local days start..end as a range on a DateTimeField that its index can serve (no __date cast)."""
    def midnight(day):
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
    return {f"{field}__gte": midnight(start), f"{field}__lt": midnight(end + datetime.timedelta(days=1))}


def _start_of_nth_workday_back(count, today=None):
    """Midnight starting the `count`-th working day counted back from today (today itself counts if it is one):
    a deadline before it has at least `count` working days after its own day, up to today."""
    day = workdays.previous_workday(today or timezone.localdate())
    if count > 1:
        day = workdays.subtract_workdays(day, count - 1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


class Request(StaffTransitions, ResidentActions, PublicNotice, models.Model):
    class State(models.TextChoices):
        ORDERED = "ordered", _("Ordered")
        DISPATCHED = "dispatched", _("Dispatched")
        ACCEPTED = "accepted", _("Accepted")
        # A context: elsewhere "Closed" labels a date (办结时间); as a state it is 已办结.
        CLOSED = "closed", pgettext_lazy("request state", "Closed")
        PUBLICISED = "publicised", _("Publicised")
        INVALID = "invalid", _("Invalid or duplicate")

    class Channel(models.TextChoices):
        ONLINE = "online", _("Online form")
        WISH_WALL = "wish_wall", _("Micro-wish wall")
        CHAIRMAN = "chairman", _("On-duty chairman")
        GRID_VISIT = "grid_visit", _("Grid worker on a visit")

    class Rating(models.TextChoices):
        SATISFIED = "satisfied", _("Satisfied")
        BASICALLY = "basically", _("Basically satisfied")
        UNSATISFIED = "unsatisfied", _("Unsatisfied")

    reference = models.CharField(_("reference"), max_length=24, unique=True, null=True, editable=False)
    token = models.CharField(_("tracking token"), max_length=64, unique=True, default=new_token, editable=False)
    idempotency_key = SubmissionKeyField(_("submission key"))  # nanjie/once.py: a resent wish makes one request
    category = models.ForeignKey("partners.Category", on_delete=models.PROTECT, related_name="requests",
                                 verbose_name=_("category"))
    text = models.TextField(_("what is needed"), max_length=1000)
    micro_grid = models.ForeignKey("grid.GridNode", on_delete=models.PROTECT, related_name="requests",
                                   verbose_name=_("micro-grid"))
    channel = models.CharField(_("channel"), max_length=12, choices=Channel, default=Channel.ONLINE)
    resident_name = models.CharField(_("resident's name"), max_length=50, blank=True)
    resident_phone = PhoneField(_("resident's phone"))
    received_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name=_("received by"))
    visit = models.ForeignKey("grid.Visit", on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="requests", verbose_name=_("from visit"))
    household = models.ForeignKey("grid.Household", on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="requests", verbose_name=_("household"))
    # A request the joint meeting dispatched to carry out one of its decisions (requests/staff/decisions.py).
    decision = models.ForeignKey("partners.Decision", on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="requests", verbose_name=_("from decision"))

    state = models.CharField(_("state"), max_length=12, choices=State, default=State.ORDERED)
    # No index of its own: request_unit_state leads with the unit (bench/README.md, "Indexes dropped").
    unit = models.ForeignKey("partners.Unit", on_delete=models.PROTECT, null=True, blank=True,
                             related_name="requests", verbose_name=_("unit"), db_index=False)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    acceptor = models.ForeignKey("grid.Person", on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="accepted_requests", verbose_name=_("accepted by"))
    closure_note = models.TextField(_("what was done"), blank=True)
    # The notice's own text (公示内容), written or accepted by the branch admin: the only text public pages show.
    public_summary = models.TextField(_("public summary"), blank=True)
    summary_needs_review = models.BooleanField(
        _("public summary to review"), default=False,
        help_text=_("Set when the personal-data check refused a notice published before the check existed."))
    invalid_reason = models.TextField(_("reason it is invalid"), blank=True)
    # Kept until the next dispatch, so the dispatcher sees why the last unit sent it back.
    return_reason = models.TextField(_("reason it was returned"), blank=True)
    returned_from = models.ForeignKey("partners.Unit", on_delete=models.SET_NULL, null=True, blank=True,
                                      related_name="+", verbose_name=_("returned by unit"))
    # Kept until the member closes it again: why the branch sent the closure back (closed → accepted).
    rework_reason = models.TextField(_("reason it was sent back for rework"), blank=True)
    rating = models.CharField(_("rating"), max_length=12, choices=Rating, blank=True)
    rating_comment = models.TextField(_("resident's comment"), blank=True)

    ordered_at = models.DateTimeField(_("ordered"), default=timezone.now)
    dispatched_at = models.DateTimeField(_("dispatched"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    publicised_at = models.DateTimeField(_("publicised"), null=True, blank=True)
    rated_at = models.DateTimeField(_("rated"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        ordering = ["-ordered_at", "-pk"]
        permissions = [
            ("view_all_requests", _("Can see every request of the community")),
            ("dispatch_request", _("Can dispatch requests to units")),
            ("accept_request", _("Can accept requests for their unit")),
            ("publicise_request", _("Can publicise closures")),
            ("record_request", _("Can record a request on a resident's behalf")),
        ]
        indexes = [
            models.Index(fields=["state", "-ordered_at"], name="request_state_ordered"),
            models.Index(fields=["unit", "state", "-ordered_at"], name="request_unit_state"),
            # bench/README.md: the unfiltered "all" queue (Meta.ordering) and the publicise queue at county scale.
            models.Index(fields=["-ordered_at", "-id"], name="request_ordered"),
            models.Index(fields=["state", "closed_at", "id"], name="request_state_closed"),
            models.Index(fields=["-publicised_at"], name="request_publicised",
                         condition=Q(state="publicised")),
            # The overdue queue: open requests (two states) in deadline order; (state, deadline) gave a sort of
            # every open request of a county (8,800 rows) on each page, and is gone (bench/README.md).
            models.Index(fields=["deadline", "id"], name="request_open_deadline",
                         condition=Q(state__in=["dispatched", "accepted"])),
            # The branch's "review" queue: the few publicised notices flagged for review. Without it, counting them
            # walked all 845,000 publicised requests of a county (0.3 s, twice per /requests/).
            models.Index(fields=["publicised_at", "id"], name="request_summary_review",
                         condition=Q(state="publicised", summary_needs_review=True)),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state="dispatched") | Q(unit__isnull=False, deadline__isnull=False),
                name="request_dispatched_has_unit_and_deadline",
            ),
            models.CheckConstraint(
                condition=~Q(state__in=["accepted", "closed", "publicised"]) | Q(acceptor__isnull=False),
                name="request_accepted_has_acceptor",
            ),
        ]

    def __str__(self):
        return self.reference or f"#{self.pk}"

    @property
    def is_overdue(self):
        return (self.state in (self.State.DISPATCHED, self.State.ACCEPTED) and self.deadline is not None
                and self.deadline < timezone.now())

    @property
    def overdue_workdays(self):
        """How many Chinese working days past its deadline an open request is (0 when it is not overdue)."""
        if not self.is_overdue:
            return 0
        return workdays.workdays_between(timezone.localtime(self.deadline).date(), timezone.localdate())

    @property
    def workdays_left(self):
        """Working days from today to the deadline of an open request (None when closed or without one)."""
        if self.deadline is None or self.state not in (self.State.DISPATCHED, self.State.ACCEPTED):
            return None
        return workdays.workdays_between(timezone.localdate(), timezone.localtime(self.deadline).date())

    @property
    def response_due(self):
        """The category's response limit in working days from ordering (nanjie/workdays.py)."""
        return response_due(self.category, self.ordered_at)

    @property
    def is_rateable(self):
        """Closed or publicised, and not rated since it was (last) closed: the resident may rate it once."""
        if self.state not in (self.State.CLOSED, self.State.PUBLICISED):
            return False
        return self.rated_at is None or (self.closed_at is not None and self.rated_at < self.closed_at)

    def shows_tracking_to(self, user):
        """The tracking link (and the slip) is the resident's key, rating included: staff see it only when they
        recorded the request for the resident, to hand it over, and only until it is dispatched."""
        return (user.is_authenticated and self.received_by_id == user.pk and self.state == self.State.ORDERED)


class TransitionQuerySet(ScopedQuerySet):
    """A transition is seen by whoever sees its request (RequestQuerySet's paths, one join further)."""

    node_path = "request__micro_grid"
    see_all = RequestQuerySet.see_all
    reach = {"request__unit": unit_ids_of}


class Transition(models.Model):
    """One state change: who, when, from → to, and a note (a reason, what was done, the resident's words)."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="transitions",
                                verbose_name=_("request"))
    old_state = models.CharField(_("from"), max_length=12, choices=Request.State, blank=True)
    new_state = models.CharField(_("to"), max_length=12, choices=Request.State)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                           related_name="+", verbose_name=_("by"),
                           help_text=_("Empty when the resident did it."))
    at = models.DateTimeField(_("at"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)
    # A rating is recorded as a row too (old state = new state unless 不满意 reopened it): who rated, when, what.
    rating = models.CharField(_("rating"), max_length=12, choices=Request.Rating, blank=True)
    # How a rating reached us: online by the resident, or through the chairman, the wall, a visit (blank otherwise).
    rating_channel = models.CharField(_("rating channel"), max_length=12, choices=Request.Channel, blank=True)
    # Where a dispatch sent it: after a return and a new dispatch the request's unit is only the latest one.
    unit = models.ForeignKey("partners.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                             verbose_name=_("unit"), help_text=_("The unit a dispatch sent the request to."))

    objects = TransitionQuerySet.as_manager()

    class Meta:
        verbose_name = _("transition")
        verbose_name_plural = _("transitions")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.request}: {self.old_state or '—'} → {self.new_state}"
