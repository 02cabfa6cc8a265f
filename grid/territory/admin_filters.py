"""The admin's "in grid …" filter: the chosen grid and everything under it, for any model that leads to a node."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from grid.models import GridNode


class GridSubtreeFilter(admin.SimpleListFilter):
    """"In grid …": the chosen node and everything under it. Subclasses name the path to the node."""

    title = _("grid")
    parameter_name = "in_grid"
    node_path = "node"

    def lookups(self, request, model_admin):
        # The grids of the user's working area: every grid of a county would be 2,000 links.
        nodes = (GridNode.objects.working_area(request.user)
                 .filter(kind__in=[GridNode.Kind.TOTAL_GRID, GridNode.Kind.GRID]).order_by("tree_id", "lft"))
        return [(node.code, str(node)) for node in nodes]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        nodes = GridNode.objects.filter(code=self.value())
        return queryset.filter(**{f"{self.node_path}__in": GridNode.objects.subtree_of(nodes)}).distinct()


def subtree_filter(node_path):
    """The filter for a model whose node is reached by `node_path` (e.g. "household__micro_grid")."""
    return type(f"GridSubtreeFilter_{node_path}", (GridSubtreeFilter,), {"node_path": node_path})
