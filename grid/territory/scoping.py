"""Scope by subtree, once: every model's `visible_to(user)` is a ScopedQuerySet naming how its rows reach a node.

A user sees the rows placed under the nodes they serve through their grid posts (each grid with every
micro-grid under it); holders of the `see_all` permission see every row of the communities they serve (a town's
staff their town's, the county's all: see_all_roots); `reach` adds other ways a row is
theirs (their unit's requests, their own pairs, the whistles of the grids whose four teams they are on).
Every part is resolved to a short id list first, once per user and request (kept on the user object, as
Django keeps its permission cache), and the rows are filtered with plain `IN` lists: an OR over a join and the
DISTINCT it needs made PostgreSQL scan every request of a county (bench/README.md). Views start from
visible_to and never check again what it decided: outside it is a 404.

    class DisputeQuerySet(ScopedQuerySet):
        node_path = "micro_grid"                          # the FK (path) to the node that places a row
        reach = {"mediator": person_ids}                  # optional: path → function(user) → ids
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from nanjie.community import current_code

SEE_ALL = "grid.view_all_grids"


def _ids(user, resolve):
    cache = user.__dict__.setdefault("_scope_ids", {})
    if resolve not in cache:
        cache[resolve] = list(resolve(user))
    return cache[resolve]


def served_nodes(user):
    """The nodes a user serves through their grid posts, with every descendant (a query; use node_ids_of)."""
    from grid.territory.models import GridNode

    return GridNode.objects.managed_by(user).values_list("pk", flat=True)


def node_ids_of(user):
    """Ids of the nodes a user serves, with every descendant; [] for anonymous visitors."""
    return _ids(user, served_nodes) if user.is_authenticated else []


def person_ids(user):
    """The roster person behind a login, as a list of ids (empty for a login with no person)."""
    from grid.people.models import Person

    return Person.objects.filter(user=user).values_list("pk", flat=True)


def see_all_roots(user):
    """The subtrees a see-all role sees: the communities of the nodes a login serves (a post in a grid: its
    community's total grid; a post on a community or a town: that node, with every community under it); with no
    post, the default community (settings.COMMUNITY_CODE). None means every row: a post on the county, or a bare
    tree without the default community."""
    from django.conf import settings

    from grid.territory.models import GridNode

    Kind = GridNode.Kind
    roots = []
    for node in GridNode.objects.filter(posts__person__user=user).distinct():
        if node.kind == Kind.COUNTY:
            return None
        if node.kind in (Kind.GRID, Kind.MICRO_GRID):
            node = node.get_ancestors().filter(kind=Kind.TOTAL_GRID).first() or node.get_root()
        roots.append(node)
    if not roots:
        default = GridNode.objects.filter(code=settings.COMMUNITY_CODE).first()
        return [default] if default else None
    return roots


def _multi_valued(model, path):
    """Whether a path crosses a many-to-many or a reverse foreign key (a filter on it can repeat rows)."""
    for part in path.split("__"):
        if part == "pk":
            return False
        field = model._meta.get_field(part)
        if field.many_to_many or field.one_to_many:
            return True
        model = field.related_model
    return False


def see_all_node_ids(user):
    """Ids of every node a see-all role sees, or None for all (once per user and request, as _ids)."""
    cache = user.__dict__.setdefault("_scope_ids", {})
    if see_all_node_ids not in cache:
        from grid.territory.models import GridNode

        roots = see_all_roots(user)
        cache[see_all_node_ids] = None if roots is None else list(
            GridNode.objects.subtree_of(roots).values_list("pk", flat=True))
    return cache[see_all_node_ids]


class ScopedMixin:
    node_path = None  # from the model to the GridNode that places a row; None: only `reach` places it

    see_all = SEE_ALL  # the permission that sees every row
    reach = {}  # {path: function(user) -> ids}: more rows a user reaches than those under their nodes

    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.has_perm(self.see_all):
            # Every row of the communities the login serves (see_all_roots); rows placed on no node (a centre
            # position) stay every see-all role's, as before.
            area = see_all_node_ids(user) if self.node_path else None
            if area is None:
                return self
            placed = Q(**{f"{self.node_path}__in": area}) | Q(**{f"{self.node_path}__isnull": True})
            if _multi_valued(self.model, self.node_path):  # a join through many rows: no duplicates
                return self.filter(pk__in=self.model._base_manager.filter(placed).values("pk"))
            return self.filter(placed)
        condition = Q(**{f"{self.node_path}__in": node_ids_of(user)}) if self.node_path else Q(pk__in=[])
        for path, resolve in self.reach.items():
            condition |= Q(**{f"{path}__in": _ids(user, resolve)})
        return self.filter(condition)


class ScopedQuerySet(ScopedMixin, models.QuerySet):
    """A QuerySet whose visible_to(user) follows `node_path` (see the module's docstring)."""


class CommunityWideQuerySet(models.QuerySet):
    """A roster of the whole community, not placed on a node (categories, units, the seven teams): every login
    sees it; admin lets only holders of `see_all` change it (grid/territory/admin.py)."""

    see_all = SEE_ALL
    community_wide = True

    def visible_to(self, user):
        return self if user.is_authenticated else self.none()


def served_community():
    """The community a new roster row belongs to: the one being served (its total grid's pk); None in a bare tree."""
    from grid.territory.models import GridNode

    return GridNode.objects.filter(code=current_code()).values_list("pk", flat=True).first()


def community_field():
    """The `community` of a roster each community keeps for itself: its total grid, set from the community served
    when the row is made (not edited afterwards: a unit does not move to another community)."""
    return models.ForeignKey("grid.GridNode", on_delete=models.PROTECT, null=True, blank=True, editable=False,
                             default=served_community, related_name="+", verbose_name=_("community"))


class CommunityRosterQuerySet(CommunityWideQuerySet):
    """A community-wide roster that each community keeps for itself (units, the joint meeting and its rota, the
    teams, the activity-day plans): rows of the community served (nanjie/community.py), and rows made where no
    community node exists (a bare tree), which belong to none."""

    def of_community(self):
        from grid.territory.models import GridNode

        # A subquery, not a join: a join on the nullable community would refuse select_for_update().
        served = GridNode.objects.filter(code=current_code()).values("pk")
        return self.filter(Q(community__in=served) | Q(community__isnull=True))


class CommunityRosterManager(models.Manager):
    """Every read of such a roster is the served community's: the default manager filters, so no call site can
    forget (forward foreign keys read through the base manager and still reach the row they name)."""

    def get_queryset(self):
        return super().get_queryset().of_community()


def unique_in_community(field, name, **options):
    """A field unique within each community, and among the rows of no community (NULLs never clash in a unique
    index, so those get a partial one)."""
    return [models.UniqueConstraint(fields=["community", field], name=f"{name}_in_community", **options),
            models.UniqueConstraint(fields=[field], condition=Q(community__isnull=True), name=f"{name}_unplaced")]


def refuse_twice_in_community(instance, field, message):
    """A field unique within a community (the database constraint is the backstop): the form's error on the field,
    since the form does not hold `community` and so never checks that constraint itself."""
    value = getattr(instance, field)
    if value in (None, ""):
        return
    others = type(instance)._base_manager.filter(community_id=instance.community_id, **{field: value})
    if others.exclude(pk=instance.pk).exists():
        raise ValidationError({field: ValidationError(message, code="unique")})
