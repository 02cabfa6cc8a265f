"""Activity day (社区活动日, the 7th of every month) and its plan, the teams' claims, and ordinary activities.

The branch drafts a month's plan (ActivityDay): service items (Activity), each for one or more grids, a team colour
(or any), how many volunteers, when and where. It is published only when every grid of the community has an item
or an explicit reason (PlanReason); then the seven-colour teams claim the items. An activity without a plan is an
ordinary one, raised on any day. Sign-ups, attendance and hours are signups.py; every change writes an ActivityLog.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grid.territory.scoping import (
    CommunityRosterManager,
    CommunityRosterQuerySet,
    ScopedQuerySet,
    community_field,
    person_ids,
    unique_in_community,
)
from nanjie import workdays
from nanjie.once import SubmissionKeyField
from volunteers.teams.models import Team, TeamMember

ACTIVITY_DAY = 7  # domain.md: the 7th of every month is community activity day


def activity_day_of(year, month):
    """(the day, the 7th it moved from or None): a 7th on a public holiday moves to the first day after it."""
    seventh = datetime.date(year, month, ACTIVITY_DAY)
    day = seventh
    while workdays.holiday_name(day):
        day += datetime.timedelta(days=1)
    return day, (seventh if day != seventh else None)


def community_grids():
    from grid.territory.models import GridNode

    return GridNode.objects.of_community().filter(kind=GridNode.Kind.GRID).order_by("code")


def led_team_ids(user):
    """The teams a login leads: their leaders claim the plan's items and run the activities they claimed."""
    return TeamMember.objects.filter(person__user=user, is_leader=True).values_list("team_id", flat=True)


class ActivityDay(models.Model):
    """The month's plan for activity day."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    # the month's plan is the community's, public once published
    objects = CommunityRosterManager.from_queryset(CommunityRosterQuerySet)()

    community = community_field()
    month = models.DateField(_("month"))  # the first of the month
    held_on = models.DateField(_("activity day"))
    moved_from = models.DateField(_("moved from"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.DRAFT)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+", verbose_name=_("published by"))

    class Meta:
        verbose_name = _("activity-day plan")
        verbose_name_plural = _("activity-day plans")
        ordering = ["-month"]
        constraints = unique_in_community("month", "plan_month_unique",
                                          violation_error_message=_("This month already has a plan."))

    def __str__(self):
        return f"{self.month:%Y-%m} {_('activity day')}"

    @classmethod
    def for_month(cls, month):
        """The plan of the month of `month`, drafted on first use with its day (the 7th, or after its holiday)."""
        first = month.replace(day=1)
        day, moved_from = activity_day_of(first.year, first.month)
        plan, _created = cls.objects.get_or_create(month=first, defaults={"held_on": day, "moved_from": moved_from})
        return plan

    @property
    def is_published(self):
        return self.state == self.State.PUBLISHED

    @property
    def moved_from_holiday(self):
        return workdays.holiday_name(self.moved_from) if self.moved_from else None

    @property
    def provisional(self):
        return not workdays.is_official(self.held_on)

    def uncovered_grids(self):
        """The community's grids with neither an item of this plan nor a reason why not."""
        covered = Activity.objects.filter(plan=self).exclude(state=Activity.State.CANCELLED).values("grids")
        return community_grids().exclude(pk__in=covered).exclude(pk__in=self.reasons.values("grid"))

    @transaction.atomic
    def publish(self, *, by):
        plan = ActivityDay.objects.select_for_update().get(pk=self.pk)
        if plan.is_published:
            raise ValidationError(_("This plan is already published."), code="already_published")
        missing = list(self.uncovered_grids().values_list("name", flat=True))
        if missing:
            raise ValidationError(
                _("Every grid needs at least one item or a reason why not; still missing: %(grids)s."),
                code="grid_uncovered", params={"grids": "、".join(missing)})
        now = timezone.now()
        ActivityDay.objects.filter(pk=self.pk).update(state=self.State.PUBLISHED, published_at=now, published_by=by)
        ActivityLog.objects.create(plan=self, event=ActivityLog.Event.PUBLISHED, by=by, at=now)
        self.refresh_from_db(fields=["state", "published_at", "published_by"])

    def give_reason(self, grid, reason, *, by):
        """Why a grid has no item this month (e.g. "served by the neighbouring grid's item")."""
        if self.is_published:
            raise ValidationError(_("This plan is already published."), code="already_published")
        if not reason.strip():
            raise ValidationError(_("Say why this grid has no item this month."), code="no_reason")
        if not community_grids().filter(pk=grid.pk).exists():
            raise ValidationError(_("Choose one of the community's grids."), code="not_a_grid")
        entry, _created = PlanReason.objects.update_or_create(plan=self, grid=grid,
                                                              defaults={"reason": reason.strip(), "by": by})
        return entry


class PlanReason(models.Model):
    plan = models.ForeignKey(ActivityDay, on_delete=models.CASCADE, related_name="reasons", verbose_name=_("plan"))
    grid = models.ForeignKey("grid.GridNode", on_delete=models.PROTECT, related_name="+", verbose_name=_("grid"))
    reason = models.CharField(_("why no item"), max_length=200)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                           related_name="+", verbose_name=_("by"))

    class Meta:
        verbose_name = _("reason a grid has no item")
        verbose_name_plural = _("reasons grids have no item")
        constraints = [models.UniqueConstraint(fields=["plan", "grid"], name="one_reason_per_plan_grid")]

    def __str__(self):
        return f"{self.plan}: {self.grid}"


class ManyGridsScope(ScopedQuerySet):
    """A row reaches its nodes through a many-to-many (an activity serves several grids): the ids first, so a row
    is never listed twice."""

    def visible_to(self, user):
        scoped = super().visible_to(user)
        return scoped if user.is_authenticated and user.has_perm(self.see_all) else self.filter(
            pk__in=scoped.values("pk"))


class ActivityQuerySet(ManyGridsScope):
    """visible_to: what a user manages: the activities of their grids, those they organise, their team claimed."""

    node_path = "grids"
    reach = {"organiser": person_ids, "team": led_team_ids}

    def listed(self):
        """What every volunteer may see and sign up for: ordinary activities and the items of published plans."""
        return self.filter(Q(plan__isnull=True) | Q(plan__state=ActivityDay.State.PUBLISHED))

    # The figures (domain.md: 10 activities, 2,000+ people benefited), scoped by the caller's queryset.
    def held_in(self, year=None):
        return self.filter(state=Activity.State.HELD, starts__year=year or timezone.localdate().year)

    def people_benefited(self):
        """The beneficiaries' head count over these activities, each activity counted once."""
        return self.aggregate(total=Sum("beneficiaries"))["total"] or 0


class Activity(models.Model):
    class State(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    plan = models.ForeignKey(ActivityDay, on_delete=models.PROTECT, null=True, blank=True, related_name="items",
                             verbose_name=_("activity-day plan"), help_text=_("Empty for an ordinary activity."))
    title = models.CharField(_("activity"), max_length=100)
    needs = models.TextField(_("content and what is needed"), max_length=1000, blank=True)
    colour = models.CharField(_("team colour"), max_length=8, choices=Team.Colour, blank=True,
                              help_text=_("Empty: any team may claim it."))
    grids = models.ManyToManyField("grid.GridNode", related_name="activities", verbose_name=_("grids served"))
    capacity = models.PositiveSmallIntegerField(_("volunteers needed"), default=5,
                                                validators=[MinValueValidator(1), MaxValueValidator(500)])
    starts = models.DateTimeField(_("starts"))
    ends = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=100)
    position = models.ForeignKey("volunteers.Position", on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="activities", verbose_name=_("position"))
    organiser = models.ForeignKey("grid.Person", on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="activities_organised", verbose_name=_("person in charge"))
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="activities",
                             verbose_name=_("claimed by team"))
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.PLANNED)
    beneficiaries = models.PositiveIntegerField(_("people benefited"), null=True, blank=True)
    households = models.ManyToManyField("grid.Household", blank=True, related_name="activities",
                                        verbose_name=_("households benefited"))
    summary = models.TextField(_("what was done"), max_length=1000, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name=_("recorded by"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("created by"))
    token = SubmissionKeyField(_("submission token"))  # nanjie/once.py: a double tap adds one activity

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteer activity")
        verbose_name_plural = _("volunteer activities")
        ordering = ["starts", "pk"]
        indexes = [models.Index(fields=["state", "starts"], name="activity_state_starts")]
        constraints = [
            models.CheckConstraint(condition=Q(ends__gt=models.F("starts")), name="activity_ends_after_start",
                                   violation_error_code="ends_before_start",
                                   violation_error_message=_("The activity must end after it starts.")),
            models.CheckConstraint(condition=~Q(state="held") | Q(beneficiaries__isnull=False),
                                   name="held_activity_has_beneficiaries", violation_error_code="no_count",
                                   violation_error_message=_("A held activity needs the number of people "
                                                             "benefited.")),
        ]

    def __str__(self):
        return f"{self.title} {timezone.localtime(self.starts):%Y-%m-%d}"

    @property
    def subject(self):
        return f"volunteers.activity:{self.pk}"  # nanjie/signin_codes.py

    @property
    def length_minutes(self):
        return int((self.ends - self.starts).total_seconds() // 60)

    def is_open_for_signup(self, now=None):
        now = now or timezone.now()
        published = self.plan_id is None or self.plan.is_published
        return published and self.state == self.State.PLANNED and now < self.starts

    def may_manage(self, user):
        """Run it (the code, the roster, hours, beneficiaries): its person in charge, its team's leader, or staff
        with the permission whose grids it serves."""
        if not user.is_authenticated:
            return False
        person = getattr(user, "person", None)
        if person is not None and self.organiser_id == person.pk:
            return True
        if self.team_id and self.team_id in list(led_team_ids(user)):
            return True
        return user.has_perm("volunteers.change_activity") and Activity.objects.visible_to(user).filter(
            pk=self.pk).exists()

    @transaction.atomic
    def claim(self, team, *, by):
        """A team claims a published plan's item. Conditional UPDATE: of two teams racing, exactly one wins."""
        current = Activity.objects.select_related("plan").get(pk=self.pk)
        if current.plan_id is None:
            raise ValidationError(_("Only activity-day items are claimed; this is an ordinary activity."),
                                  code="not_an_item")
        if not current.plan.is_published:
            raise ValidationError(_("The plan is not published yet."), code="not_published")
        if current.state != self.State.PLANNED:
            raise ValidationError(_("This item is no longer planned."), code="not_planned")
        if current.colour and current.colour != team.colour:
            raise ValidationError(_("This item is for the %(colour)s team.") % {
                "colour": current.get_colour_display()}, code="wrong_colour")
        now = timezone.now()
        won = Activity.objects.filter(pk=self.pk, team__isnull=True).update(team=team, claimed_at=now)
        if not won:
            raise ValidationError(_("Another team has already claimed this item."), code="taken")
        ActivityLog.objects.create(activity=self, event=ActivityLog.Event.CLAIMED, by=by, at=now, note=team.name)
        self.refresh_from_db(fields=["team", "claimed_at"])

    @transaction.atomic
    def record(self, beneficiaries, summary, *, by, households=(), now=None):
        """Held: how many people benefited (counted once for the activity), what was done, households linked."""
        now = now or timezone.now()
        current = Activity.objects.select_for_update().get(pk=self.pk)
        if current.state == self.State.CANCELLED:
            raise ValidationError(_("This activity was cancelled."), code="cancelled")
        if current.starts > now:
            raise ValidationError(_("An activity can be recorded once it has started, not before."),
                                  code="future")
        if beneficiaries is None or beneficiaries < 0:
            raise ValidationError(_("Give the number of people benefited (0 if nobody)."), code="no_count")
        Activity.objects.filter(pk=self.pk).update(state=self.State.HELD, beneficiaries=beneficiaries,
                                                   summary=summary, recorded_by=by)
        self.households.set(households)
        ActivityLog.objects.create(activity=self, event=ActivityLog.Event.HELD, by=by, at=now,
                                   note=_("%(count)d people benefited") % {"count": beneficiaries})
        self.refresh_from_db(fields=["state", "beneficiaries", "summary", "recorded_by"])


class ActivityLog(models.Model):
    """The audit row of every change: a plan published, an item claimed, a sign-up and its hours, a certificate."""

    class Event(models.TextChoices):
        PUBLISHED = "published", _("Plan published")
        CLAIMED = "claimed", _("Claimed")
        SIGNED_UP = "signed_up", _("Signed up")
        WAITING = "waiting", _("On the waiting list")
        PROMOTED = "promoted", _("Moved up from the waiting list")
        CANCELLED = "cancelled", _("Sign-up cancelled")
        SIGNED_IN = "signed_in", _("Signed in")
        SIGNED_OUT = "signed_out", _("Signed out")
        CONFIRMED = "confirmed", _("Hours confirmed")
        LATE_ENTERED = "late_entered", _("Hours entered late")
        LATE_APPROVED = "late_approved", _("Late entry approved")
        HELD = "held", _("Held")
        CERTIFIED = "certified", _("Certificate issued")

    plan = models.ForeignKey(ActivityDay, on_delete=models.CASCADE, null=True, blank=True, related_name="log",
                             verbose_name=_("plan"))
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, null=True, blank=True, related_name="log",
                                 verbose_name=_("activity"))
    signup = models.ForeignKey("volunteers.SignUp", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="log", verbose_name=_("sign-up"))
    event = models.CharField(_("event"), max_length=14, choices=Event)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                           related_name="+", verbose_name=_("by"))
    note = models.CharField(_("note"), max_length=200, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("activity log entry")
        verbose_name_plural = _("activity log")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_event_display()} {self.at:%Y-%m-%d %H:%M}"
