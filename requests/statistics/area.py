"""The roll-up pages: /stats/area/<node code>/ for a county, town, community, grid or micro-grid.

Each shows the node's figures and three rates (numerator / denominator) and a table of the level below, every row a
link down to its own page, with the path up as a breadcrumb; the numbers come from the counts table
(rollups.py), four queries whatever the node's size. Like /stats/ and /stats/rates/, the numbers are counts only
(no record, name or place below a micro-grid), so visitors may read any area; a login sees the areas its
GridNode.visible_to holds, and any other is a 404, as for a node that does not exist.
"""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from grid.models import GridNode
from requests.statistics import rollups
from requests.statistics.forms import AreaPeriodForm
from requests.statistics.rates import DEFINITIONS, MIN_SAMPLE

K = GridNode.Kind
# The level each page lists: a community's own child is its one total grid, so its page lists the grids.
BELOW = {K.COUNTY: K.TOWN, K.TOWN: K.COMMUNITY, K.COMMUNITY: K.GRID, K.TOTAL_GRID: K.GRID, K.GRID: K.MICRO_GRID}


def _nodes(user):
    return GridNode.objects.visible_to(user) if user.is_authenticated else GridNode.objects.all()


@require_GET
def area(request, code):
    node = get_object_or_404(_nodes(request.user), code=code)
    form = AreaPeriodForm(request.GET or None)
    period = form.chosen_period()
    below = BELOW.get(node.kind)
    children = list(GridNode.objects.filter(tree_id=node.tree_id, lft__gt=node.lft, lft__lt=node.rght, kind=below)
                    .order_by("code")) if below else []
    total, per_child = rollups.area_figures(node, children, period)
    ancestors = list(node.get_ancestors())
    reachable = set(_nodes(request.user).filter(pk__in=[a.pk for a in ancestors]).values_list("pk", flat=True))
    return render(request, "requests/statistics/area.html", {
        "node": node, "form": form, "filter": {"form": form}, "period": period, "total": total,
        "below": K(below).label if below else None,
        "rows": [(child, per_child.get(child.pk, rollups.Figures())) for child in children],
        "breadcrumb": [(ancestor, ancestor.pk in reachable) for ancestor in ancestors],
        "due_until": rollups.due_cut(), "query": request.GET.urlencode(), "definitions": DEFINITIONS,
        "min_sample": MIN_SAMPLE,
    })
