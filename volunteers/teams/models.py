"""The seven-colour volunteer teams (七彩志愿服务队) and their members."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from grid.territory.scoping import (
    CommunityRosterManager,
    CommunityRosterQuerySet,
    ScopedQuerySet,
    community_field,
    person_ids,
    refuse_twice_in_community,
    unique_in_community,
)


class Team(models.Model):
    class Colour(models.TextChoices):
        RED = "red", _("Red")
        ORANGE = "orange", _("Orange")
        GOLD = "gold", _("Gold")
        BLUE = "blue", _("Blue")
        PURPLE = "purple", _("Purple")
        GREEN = "green", _("Green")
        WHITE = "white", _("White")

    community = community_field()
    colour = models.CharField(_("colour"), max_length=8, choices=Colour)
    name = models.CharField(_("name"), max_length=50)
    mission = models.TextField(_("mission"), blank=True)
    members = models.ManyToManyField(
        "grid.Person", through="TeamMember", related_name="teams", verbose_name=_("members")
    )
    history = HistoricalRecords()

    objects = CommunityRosterManager.from_queryset(CommunityRosterQuerySet)()  # the seven teams of each community

    class Meta:
        verbose_name = _("volunteer team")
        verbose_name_plural = _("volunteer teams")
        ordering = ["pk"]
        constraints = [*unique_in_community("colour", "team_colour_unique"),
                       *unique_in_community("name", "team_name_unique")]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        refuse_twice_in_community(self, "colour", _("There is already a team of this colour."))
        refuse_twice_in_community(self, "name", _("This community already has a team of this name."))

    def phones_visible_to(self, user):
        """The members' phones are for the team's own leaders and the branch (who keeps the rosters), not for
        every login: a unit's party member has no business calling a volunteer of another team."""
        if not user.is_authenticated:
            return False
        if user.has_perm("volunteers.change_teammember"):
            return True
        return self.memberships.filter(person__user=user, is_leader=True).exists()


def led_team_ids(user):
    """The teams a login's person leads: their members' names and phones are the leaders' to see."""
    return TeamMember.objects.filter(person__user=user, is_leader=True).values_list("team_id", flat=True)


def led_people(user):
    """The volunteers of the teams a login leads (for Person.objects.visible_to, added in VolunteersConfig.ready)."""
    return TeamMember.objects.filter(team_id__in=led_team_ids(user)).values_list("person_id", flat=True)


class TeamMemberQuerySet(ScopedQuerySet):
    reach = {"team": led_team_ids, "person": person_ids}  # a team's leaders, and the volunteer themselves


class TeamMember(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("team"))
    person = models.ForeignKey(
        "grid.Person", on_delete=models.CASCADE, related_name="team_memberships", verbose_name=_("person")
    )
    skills = models.CharField(_("skills"), max_length=100, blank=True)
    is_leader = models.BooleanField(_("team leader"), default=False)
    history = HistoricalRecords()

    objects = TeamMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        constraints = [
            models.UniqueConstraint(
                fields=["team", "person"],
                name="one_membership_per_team_person",
                violation_error_message=_("This person is already in this team."),
            )
        ]

    def __str__(self):
        return f"{self.team}: {self.person}"


def team_ids_of(user):
    """The volunteer teams a login's person serves in (an id query): their team's services are theirs to record."""
    return TeamMember.objects.filter(person__user=user).values_list("team_id", flat=True)
