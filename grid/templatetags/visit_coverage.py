"""{% node_coverage node user as coverage %}: the field-work figure for a grid page, within the user's scope."""

from django import template

from grid.territory.models import GridNode
from grid.visits import coverage

register = template.Library()


@register.simple_tag
def node_coverage(node, user):
    """Coverage(households visited this month / households) of the micro-grids at or under node; None if none."""
    if not hasattr(user, "has_perm") or not user.has_perm("grid.view_household"):
        return None
    micro_grids = GridNode.objects.visible_to(user).filter(kind=GridNode.Kind.MICRO_GRID).subtree_of([node])
    rows = coverage.by_micro_grid(user, micro_grids)
    return coverage.total(rows) if rows else None
