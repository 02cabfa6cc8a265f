"""The territory tree: county → town → community → total grid → grid → micro-grid."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import connection, models, transaction
from django.db.models import Exists, Q
from django.utils.translation import gettext_lazy as _
from mptt.managers import TreeManager
from mptt.models import MPTTModel, TreeForeignKey
from mptt.querysets import TreeQuerySet
from simple_history.models import HistoricalRecords

from grid.territory.scoping import ScopedMixin, node_ids_of
from nanjie.community import current_code
from nanjie.phones import PhoneField

# Any fixed number: every tree write in every process takes this one PostgreSQL advisory lock.
TREE_LOCK_KEY = 0x4E4A_4752  # "NJGR"


def lock_tree():
    """Serialise tree writes: django-mptt's lft/rght updates corrupt the tree when interleaved.

    Must run inside a transaction; the lock is released at commit. SQLite needs nothing here: its
    IMMEDIATE transactions already admit one writer at a time.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [TREE_LOCK_KEY])


class GridNodeQuerySet(ScopedMixin, TreeQuerySet):
    node_path = "pk"  # visible_to: the nodes a user serves, with every descendant (all of them with see_all)

    def subtree_of(self, nodes):
        """The given nodes and all their descendants, in one query (ranges on tree_id/lft/rght)."""
        condition = Q(pk__in=[])
        for node in nodes:
            # A descendant's lft lies within [lft, rght]: a bounded range on the (tree_id, lft) index.
            condition |= Q(tree_id=node.tree_id, lft__gte=node.lft, lft__lte=node.rght)
        return self.filter(condition)

    def of_community(self):
        """The community this request serves (its total grid has the code current_code(): the /c/<code>/ prefix's,
        else settings.COMMUNITY_CODE) and all under it.

        One small query for the root's numbers, then a range on the (tree_id, lft) index (scalar subqueries
        instead made PostgreSQL scan all 21,000 nodes of a county). Without that node (a bare test tree),
        every node.
        """
        root = GridNode.objects.filter(code=current_code()).only("tree_id", "lft", "rght").first()
        return self.subtree_of([root]) if root else self

    def micro_grid_of_community(self, code):
        """The served community's micro-grid with this code, or None, in one query: a micro-grid's grid hangs from the
        total grid (ALLOWED_PARENTS), so its grandparent is the community's node. (of_community() first reads
        the root's numbers: two queries on every wish sent.) Without that node (a bare test tree), any."""
        served = current_code()
        community = GridNode.objects.filter(code=served)
        return (self.filter(code=code, kind=GridNode.Kind.MICRO_GRID).select_related("parent__parent")
                .filter(Q(parent__parent__code=served) | ~Exists(community)).first())

    def community_root(self):
        """The community this request serves as one node: its total grid (总网格), on which community-wide records
        hang (a joint meeting, the month's plan, the service centre). None in a bare test tree."""
        return GridNode.objects.filter(code=current_code()).first()

    def managed_by(self, user):
        """The nodes a user serves through their grid posts, with every descendant."""
        if not user.is_authenticated:
            return self.none()
        served = GridNode.objects.filter(posts__person__user=user).only("tree_id", "lft", "rght")
        return self.subtree_of(list(served))

    def working_area(self, user):
        """What a user's pages list and offer as choices: their own subtree; for community-wide roles, the
        portal's community, not every tree in the database (a county holds 21,000 nodes)."""
        if user.is_authenticated and user.has_perm("grid.view_all_grids"):
            return self.of_community()
        return self.managed_by(user)


class GridNode(MPTTModel):
    class Kind(models.TextChoices):
        COUNTY = "county", _("County")
        TOWN = "town", _("Town")
        COMMUNITY = "community", _("Community")
        TOTAL_GRID = "total_grid", _("Total grid")
        GRID = "grid", _("Grid")
        MICRO_GRID = "micro_grid", _("Micro-grid")

    # Which kind of parent each kind may have; None means it may be a root.
    ALLOWED_PARENTS = {
        Kind.COUNTY: {None},
        Kind.TOWN: {None, Kind.COUNTY},
        Kind.COMMUNITY: {None, Kind.TOWN},
        Kind.TOTAL_GRID: {None, Kind.COMMUNITY},
        Kind.GRID: {Kind.TOTAL_GRID},
        Kind.MICRO_GRID: {Kind.GRID},
    }

    kind = models.CharField(_("kind"), max_length=12, choices=Kind)
    code = models.CharField(
        _("code"),
        max_length=32,
        unique=True,
        validators=[
            RegexValidator(
                r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$",
                _("Use capital letters, digits and hyphens, e.g. NJ-07-03."),
                code="invalid_code",
            )
        ],
    )
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(
        _("what it covers"), blank=True, help_text=_("Resident groups, compounds and buildings it covers.")
    )
    # A community's office, the contact its residents' pages show (nanjie/paper.py community_office); blank on
    # every other kind. The default community's comes from settings: these fields name the other communities'.
    office_phone = PhoneField(_("office phone"),
                              help_text=_("The community office's public number, never a person's own phone."))
    meeting_phone = PhoneField(_("joint meeting's phone"))
    office_address = models.CharField(_("office address"), max_length=200, blank=True)
    office_hours = models.CharField(_("office hours"), max_length=100, blank=True)
    parent = TreeForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("parent")
    )
    # Declared here only to drop mptt's single-column index: grid_node_tree_lft leads with tree_id.
    tree_id = models.PositiveIntegerField(editable=False)
    history = HistoricalRecords(excluded_fields=["lft", "rght", "tree_id", "level"])

    objects = TreeManager.from_queryset(GridNodeQuerySet)()

    class MPTTMeta:
        order_insertion_by = ["code"]

    class Meta:
        verbose_name = _("grid node")
        verbose_name_plural = _("grid nodes")
        # Explicit, so mptt's (tree_id, lft) index reaches the migrations (django-mptt issue #682).
        indexes = [models.Index(fields=["tree_id", "lft"], name="grid_node_tree_lft")]
        permissions = [("view_all_grids", _("Can see every grid of the community"))]

    def __str__(self):
        return f"{self.code} {self.name}"

    def clean(self):
        super().clean()
        self.check_kind()

    def check_kind(self):
        parent_kind = self.parent.kind if self.parent_id else None
        if parent_kind not in self.ALLOWED_PARENTS.get(self.kind, set()):
            if parent_kind is None:
                message = _("A %(kind)s must have a parent.") % {"kind": self.get_kind_display()}
            else:
                message = _("A %(kind)s cannot be placed under a %(parent)s.") % {
                    "kind": self.get_kind_display(),
                    "parent": GridNode.Kind(parent_kind).label,
                }
            raise ValidationError({"parent": ValidationError(message, code="kind_depth")})

    def save(self, *args, **kwargs):
        self.check_kind()
        with transaction.atomic():
            lock_tree()
            self._reload_tree_fields()
            super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        with transaction.atomic():
            lock_tree()
            self._reload_tree_fields()
            return super().delete(*args, **kwargs)

    def move_to(self, target, position="last-child"):
        """Move under `target` (or beside it) through save(): the same kind rule, lock and re-read.

        mptt's own move_to writes rows before any save(), outside our lock, and ignores
        order_insertion_by; siblings here are always ordered by code, so only the new parent matters.
        """
        self.parent = target if position in ("first-child", "last-child") else getattr(target, "parent", None)
        self.save()

    def _reload_tree_fields(self):
        """Under the lock, re-read lft/rght: values loaded before another writer committed are stale."""
        fields = ["lft", "rght", "tree_id", "level"]
        for node in (self if self.pk else None, self.parent if self.parent_id else None):
            if node is None:
                continue
            fresh = GridNode.objects.filter(pk=node.pk).values(*fields).first()
            if fresh:
                for field, value in fresh.items():
                    setattr(node, field, value)

    def editable_by(self, user):
        """Who may edit what a node covers: holders of the change permission, and the staff serving it."""
        return user.has_perm("grid.change_gridnode") or self.pk in node_ids_of(user)

    @property
    def is_grid(self):
        return self.kind == self.Kind.GRID

    @property
    def is_micro_grid(self):
        return self.kind == self.Kind.MICRO_GRID
