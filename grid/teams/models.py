"""The four teams assigned to grids, and the whistle (吹哨报到) that calls them out."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from grid.households.models import NOTE_MAX_LENGTH
from grid.territory.scoping import ScopedQuerySet
from nanjie.once import SubmissionKeyField


class TeamKind(models.TextChoices):
    DUAL_REPORT = "dual_report", _("Dual report, dual service")
    COMMUNITY_WORKER = "community_worker", _("Community workers")
    HOMEOWNERS = "homeowners", _("Homeowners' committee")
    PARTY_MEMBER = "party_member", pgettext_lazy("four teams", "Party members")


class GridTeamMemberQuerySet(ScopedQuerySet):
    node_path = "grid"

    def roster(self):
        """For templates: node.team_members.roster, one query with the people."""
        return self.select_related("person").order_by("team", "person__name")


class GridTeamMember(models.Model):
    """One person of one of the four teams, assigned to one grid."""

    team = models.CharField(pgettext_lazy("four teams", "team"), max_length=16, choices=TeamKind)
    person = models.ForeignKey("grid.Person", on_delete=models.CASCADE, related_name="team_assignments",
                               verbose_name=_("person"))
    grid = models.ForeignKey("grid.GridNode", on_delete=models.CASCADE, related_name="team_members",
                             verbose_name=_("grid"), limit_choices_to={"kind": "grid"})
    since = models.DateField(_("since"), default=timezone.localdate)
    history = HistoricalRecords()

    objects = GridTeamMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("four-teams member")
        verbose_name_plural = _("four-teams roster")
        ordering = ["grid__code", "team", "person__name"]
        constraints = [models.UniqueConstraint(fields=["team", "person", "grid"], name="one_assignment_per_team",
                                               violation_error_message=_("Already assigned to this grid."))]

    def __str__(self):
        return f"{self.grid.code} {self.get_team_display()}: {self.person}"

    def clean(self):
        super().clean()
        if self.grid_id and not self.grid.is_grid:
            raise ValidationError({"grid": ValidationError(
                _("The teams are assigned to a grid (网格)."), code="not_grid")})


def team_grid_ids(user):
    """The grids whose four-teams roster lists this login's person."""
    return GridTeamMember.objects.filter(person__user=user).values_list("grid_id", flat=True)


class WhistleQuerySet(ScopedQuerySet):
    """Staff of the grid, and the team members assigned to it (a homeowner with a login but no role too)."""

    node_path = "grid"
    reach = {"grid": team_grid_ids}

    def open(self):
        return self.filter(closed_at__isnull=True)


class Whistle(models.Model):
    class Urgency(models.TextChoices):
        NORMAL = "normal", _("Normal")
        URGENT = "urgent", _("Urgent")
        EMERGENCY = "emergency", _("Emergency")

    grid = models.ForeignKey("grid.GridNode", on_delete=models.PROTECT, related_name="whistles",
                             verbose_name=_("grid"), limit_choices_to={"kind": "grid"})
    what = models.CharField(_("matter"), max_length=200)
    where = models.CharField(_("place"), max_length=200)
    when = models.DateTimeField(_("time"))
    urgency = models.CharField(_("urgency"), max_length=10, choices=Urgency, default=Urgency.NORMAL)
    blown_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("blown by"))
    blown_at = models.DateTimeField(_("blown at"), auto_now_add=True)
    outcome = models.TextField(_("outcome"), max_length=NOTE_MAX_LENGTH, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True,
                                  blank=True, verbose_name=_("closed by"))
    token = SubmissionKeyField(_("submission token"))  # nanjie/once.py: a double tap blows one whistle

    objects = WhistleQuerySet.as_manager()

    class Meta:
        verbose_name = _("whistle")
        verbose_name_plural = _("whistles")
        ordering = ["-blown_at", "-pk"]
        constraints = [models.CheckConstraint(
            condition=models.Q(closed_at__isnull=True) | ~models.Q(outcome=""), name="closed_whistle_has_outcome",
            violation_error_code="closed_without_outcome",
            violation_error_message=_("A closed whistle needs its outcome."))]

    def __str__(self):
        return self.what

    @property
    def is_open(self):
        return self.closed_at is None

    def report_in(self, person, note, *, at=None):
        """A team member of the whistle's grid reports in (报到); once per person."""
        if not self.is_open:
            raise ValidationError(_("This whistle has been closed."), code="whistle_closed")
        if not GridTeamMember.objects.filter(grid_id=self.grid_id, person=person).exists():
            raise ValidationError(_("Only the teams assigned to this grid report in."), code="not_in_team")
        try:
            with transaction.atomic():
                return self.reports.create(person=person, note=note, reported_at=at or timezone.now())
        except IntegrityError:
            raise ValidationError(_("You have already reported in."), code="already_reported") from None

    @transaction.atomic
    def close(self, outcome, *, by):
        """Close with the outcome; of two closing at once one wins, and the closing is a WhistleTransition row."""
        if not outcome.strip():
            raise ValidationError(_("Write down the outcome."), code="no_outcome")
        now = timezone.now()
        won = Whistle.objects.filter(pk=self.pk, closed_at__isnull=True).update(
            closed_at=now, closed_by=by, outcome=outcome)
        if not won:
            raise ValidationError(_("This whistle has been closed."), code="whistle_closed")
        self.transitions.create(old=WhistleTransition.State.OPEN, new=WhistleTransition.State.CLOSED, by=by,
                                note=outcome, at=now)
        self.refresh_from_db(fields=["closed_at", "closed_by", "outcome"])


class WhistleTransition(models.Model):
    """A whistle's state change (open → closed): who, when and the outcome, as disputes and requests record."""

    class State(models.TextChoices):
        OPEN = "open", pgettext_lazy("whistle state", "Open")
        CLOSED = "closed", pgettext_lazy("whistle state", "Closed")

    whistle = models.ForeignKey(Whistle, on_delete=models.CASCADE, related_name="transitions",
                                verbose_name=_("whistle"))
    old = models.CharField(_("from"), max_length=8, choices=State)
    new = models.CharField(_("to"), max_length=8, choices=State)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by"))
    note = models.TextField(_("note"), max_length=NOTE_MAX_LENGTH, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("whistle transition")
        verbose_name_plural = _("whistle transitions")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.old} → {self.new}"


class WhistleReport(models.Model):
    whistle = models.ForeignKey(Whistle, on_delete=models.CASCADE, related_name="reports",
                                verbose_name=_("whistle"))
    person = models.ForeignKey("grid.Person", on_delete=models.PROTECT, related_name="whistle_reports",
                               verbose_name=_("person"))
    note = models.TextField(_("note"), max_length=NOTE_MAX_LENGTH, blank=True)
    reported_at = models.DateTimeField(_("reported at"), default=timezone.now)

    class Meta:
        verbose_name = _("report-in")
        verbose_name_plural = _("report-ins")
        ordering = ["reported_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["whistle", "person"], name="one_report_per_person")]

    def __str__(self):
        return f"{self.person} @ {self.reported_at}"
