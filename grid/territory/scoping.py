"""Scope by subtree, once: every model's `visible_to(user)` is a ScopedQuerySet naming how its rows reach a node.

A user sees the rows placed under the nodes they serve through their grid posts (each grid with every
micro-grid under it); holders of the `see_all` permission see every row; `reach` adds other ways a row is
theirs (their unit's requests, their own pairs, the whistles of the grids whose four teams they are on).
Every part is resolved to a short id list first, once per user and request (kept on the user object, as
Django keeps its permission cache), and the rows are filtered with plain `IN` lists: an OR over a join and the
DISTINCT it needs made PostgreSQL scan every request of a county (bench/README.md). Views start from
visible_to and never check again what it decided: outside it is a 404.

    class DisputeQuerySet(ScopedQuerySet):
        node_path = "micro_grid"                          # the FK (path) to the node that places a row
        reach = {"mediator": person_ids}                  # optional: path → function(user) → ids
"""

from django.db import models
from django.db.models import Q

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


class ScopedMixin:
    node_path = None  # from the model to the GridNode that places a row; None: only `reach` places it

    see_all = SEE_ALL  # the permission that sees every row
    reach = {}  # {path: function(user) -> ids}: more rows a user reaches than those under their nodes

    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.has_perm(self.see_all):
            return self
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
