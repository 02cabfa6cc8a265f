"""Grid pages: the overview tree and a node's page. Every lookup starts from visible_to."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from grid.people.models import GridPost
from grid.territory.forms import NodeDescriptionForm
from grid.territory.models import GridNode


def _nest(nodes):
    """Mark each node (in tree order) with how many open levels close after it, for <details> nesting.

    A grid worker's visible tree is whole subtrees, so lft/rght tell a leaf without a query.
    """
    base = min((node.level for node in nodes), default=0)
    for index, node in enumerate(nodes):
        node.has_children = node.rght - node.lft > 1
        following = nodes[index + 1].level if index + 1 < len(nodes) else base
        node.closing = range(0 if node.has_children else node.level - following)
        node.open_by_default = node.level == base or node.kind in (GridNode.Kind.COMMUNITY, GridNode.Kind.TOWN)
    return nodes


@require_GET
@login_required
def overview(request):
    # Three queries whatever the size: the visible tree, every grid's posts with their people, and which
    # micro-grids some worker covers. Community-wide roles see the portal's community, not a whole county.
    visible = GridNode.objects.working_area(request.user)
    nodes = list(visible.order_by("tree_id", "lft"))
    staffing = GridPost.staffing_by_grid([node.pk for node in nodes if node.is_grid])
    covered = set(GridPost.micro_grids.through.objects.filter(
        gridnode__in=visible.filter(kind=GridNode.Kind.MICRO_GRID)).values_list("gridnode_id", flat=True))
    grids = micro_grids = understaffed = uncovered = 0
    for node in nodes:
        node.staff = staffing.get(node.pk) if node.is_grid else None
        if node.is_grid:
            grids += 1
            node.missing = not node.staff or not node.staff["leader"] or not node.staff["law_enforcement"]
            understaffed += node.missing
        elif node.is_micro_grid:
            micro_grids += 1
            node.uncovered = node.pk not in covered
            uncovered += node.uncovered
    context = {"nodes": _nest(nodes), "grids": grids, "micro_grids": micro_grids, "understaffed": understaffed,
               "uncovered": uncovered}
    return render(request, "grid/territory/gridnode_overview.html", context)


def _node_page(request, node, form=None, status=200):
    can_edit = node.editable_by(request.user)
    posts = list(GridPost.objects.filter(node=node).select_related("person").prefetch_related("micro_grids"))
    context = {
        "node": node,
        "ancestors": node.get_ancestors(),
        "children": node.get_children(),
        "leader": next((p for p in posts if p.role == GridPost.Role.LEADER), None),
        "law_enforcement": next((p for p in posts if p.role == GridPost.Role.LAW_ENFORCEMENT), None),
        "workers": [p for p in posts if p.role == GridPost.Role.MICRO_WORKER],
        "volunteers": [p for p in posts if p.role == GridPost.Role.VOLUNTEER],
        "covering": GridPost.objects.filter(micro_grids=node).select_related("person").order_by("pk")
        if node.is_micro_grid else [],
        "grid_staff": GridPost.objects.filter(node_id=node.parent_id, role__in=[
            GridPost.Role.LEADER, GridPost.Role.LAW_ENFORCEMENT]).select_related("person").order_by("-role")  # leader
        if node.is_micro_grid else [],
        "can_edit": can_edit,
        "form": form or (NodeDescriptionForm(instance=node) if can_edit else None),
    }
    return render(request, "grid/territory/gridnode_detail.html", context, status=status)


@require_GET
@login_required
def node_detail(request, code):
    node = get_object_or_404(GridNode.objects.visible_to(request.user), code=code)
    return _node_page(request, node)


@require_POST
@login_required
def edit_description(request, code):
    node = get_object_or_404(GridNode.objects.visible_to(request.user), code=code)
    if not node.editable_by(request.user):
        raise PermissionDenied
    form = NodeDescriptionForm(request.POST, instance=node)
    if not form.is_valid():
        return _node_page(request, node, form=form, status=400)
    node.description = form.cleaned_data["description"]
    node.save(update_fields=["description"])
    messages.success(request, _("Saved what %(name)s covers.") % {"name": node.name})
    return redirect("grid:node", node.code)
