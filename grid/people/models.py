"""People on the rosters, and the "1+1+N" posts that staff each grid."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from grid.territory.scoping import ScopedQuerySet
from nanjie.phones import PhoneField

# More ways a login reaches a person, added by upper floors in ready() (a unit's members, a team's volunteers):
# functions user -> person ids. The ground floor knows grid posts and the four teams.
PERSON_REACH = []


def people_in_scope(user):
    """The people a login reaches: staff of the nodes they serve, the four teams of those grids, themselves."""
    from grid.teams.models import GridTeamMember
    from grid.territory.scoping import node_ids_of

    nodes = node_ids_of(user)
    ids = set(GridPost.objects.filter(node_id__in=nodes).values_list("person_id", flat=True))
    ids |= set(GridTeamMember.objects.filter(grid_id__in=nodes).values_list("person_id", flat=True))
    ids |= set(Person.objects.filter(user=user).values_list("pk", flat=True))
    for reach in PERSON_REACH:
        ids |= set(reach(user))
    return sorted(ids)


class PersonQuerySet(ScopedQuerySet):
    reach = {"pk": people_in_scope}  # an id list, not a join over posts: no duplicate rows, no DISTINCT


class Person(models.Model):
    class PoliticalStatus(models.TextChoices):
        PARTY_MEMBER = "party_member", _("Party member")
        PROBATIONARY = "probationary", _("Probationary party member")
        LEAGUE_MEMBER = "league_member", _("Youth League member")
        MASSES = "masses", _("Not a party member")

    name = models.CharField(_("name"), max_length=50)
    phone = PhoneField(_("phone"), help_text=_("Mobile or landline; stored in one normal form."))
    political_status = models.CharField(
        _("political status"), max_length=16, choices=PoliticalStatus, default=PoliticalStatus.MASSES
    )
    notes = models.TextField(_("notes"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("staff login"),
    )
    history = HistoricalRecords()

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["name"], name="grid_person_name")]

    def __str__(self):
        return self.name

    @property
    def is_party_member(self):
        return self.political_status in (self.PoliticalStatus.PARTY_MEMBER, self.PoliticalStatus.PROBATIONARY)


class GridPostQuerySet(ScopedQuerySet):
    node_path = "node"


class GridPost(models.Model):
    """One person's post in one grid: the "1+1+N" of 网格长 + 行政执法大队队员 + 微网格员 and volunteers."""

    class Role(models.TextChoices):
        LEADER = "leader", _("Grid leader")
        LAW_ENFORCEMENT = "law_enforcement", _("Law-enforcement team member")
        MICRO_WORKER = "micro_worker", _("Micro-grid worker")
        VOLUNTEER = "volunteer", _("Grid volunteer")
        # A post on a node above the grids (a community, a town, the county): its staff, who serve its subtree.
        STAFF = "staff", _("Staff")

    node = models.ForeignKey(
        "grid.GridNode", on_delete=models.CASCADE, related_name="posts", verbose_name=_("grid")
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="posts", verbose_name=_("person"))
    role = models.CharField(_("role"), max_length=16, choices=Role)
    micro_grids = models.ManyToManyField(
        "grid.GridNode",
        blank=True,
        related_name="worker_posts",
        verbose_name=_("micro-grids covered"),
        help_text=_("For micro-grid workers: the micro-grids of this grid they cover."),
    )
    history = HistoricalRecords(m2m_fields=[micro_grids])

    objects = GridPostQuerySet.as_manager()

    class Meta:
        verbose_name = _("grid post")
        verbose_name_plural = _("grid posts")
        ordering = ["node__code", "role", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["node"],
                condition=Q(role="leader"),
                name="one_leader_per_grid",
                violation_error_message=_("This grid already has a grid leader."),
            ),
            models.UniqueConstraint(
                fields=["node"],
                condition=Q(role="law_enforcement"),
                name="one_law_enforcement_member_per_grid",
                violation_error_message=_("This grid already has a law-enforcement team member."),
            ),
            models.UniqueConstraint(
                fields=["node", "person", "role"],
                name="one_post_per_person_role_grid",
                violation_error_message=_("This person already holds this post in this grid."),
            ),
        ]

    def __str__(self):
        return f"{self.node.code} {self.get_role_display()}: {self.person}"

    def clean(self):
        super().clean()
        if self.node_id and self.role == self.Role.STAFF:
            if self.node.kind in (self.node.Kind.GRID, self.node.Kind.MICRO_GRID):
                raise ValidationError({"node": ValidationError(
                    _("Staff posts belong above the grids (a community, a town or the county), not to a %(kind)s.")
                    % {"kind": self.node.get_kind_display()}, code="staff_post_on_grid")})
        elif self.node_id and not self.node.is_grid:
            raise ValidationError({"node": ValidationError(_("Posts belong to a grid (网格), not to a %(kind)s.") % {
                "kind": self.node.get_kind_display()}, code="post_not_on_grid")})


def _staffing_by_grid(grid_ids):
    """{grid id: {"leader": Person, "law_enforcement": Person, "workers": [...], "volunteers": [...]}} in one query."""
    staffing = {}
    posts = GridPost.objects.filter(node_id__in=grid_ids).select_related("person").order_by("pk")
    for post in posts:
        entry = staffing.setdefault(post.node_id, {"leader": None, "law_enforcement": None, "workers": [],
                                                   "volunteers": []})
        if post.role == GridPost.Role.LEADER:
            entry["leader"] = post.person
        elif post.role == GridPost.Role.LAW_ENFORCEMENT:
            entry["law_enforcement"] = post.person
        elif post.role == GridPost.Role.MICRO_WORKER:
            entry["workers"].append(post.person)
        else:
            entry["volunteers"].append(post.person)
    return staffing


GridPost.staffing_by_grid = staticmethod(_staffing_by_grid)


def person_of(user):
    """The roster person behind a login; field records need one (who visited, who reported in). 403 without."""
    person = getattr(user, "person", None)
    if person is None:
        raise PermissionDenied
    return person
