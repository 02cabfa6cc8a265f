from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from grid.models import GridNode, GridPost


@require_GET
@never_cache
def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


def locked_out(request, credentials=None, *args, **kwargs):
    return render(request, "registration/locked_out.html", status=429)


@login_required
def overview(request):
    nodes = list(GridNode.objects.visible_to(request.user).order_by("tree_id", "lft"))
    staffing = GridPost.staffing_by_grid([node.pk for node in nodes if node.is_grid])
    for node in nodes:
        node.staff = staffing.get(node.pk)
    return render(request, "grid/gridnode_overview.html", {"nodes": nodes})


@login_required
def node_detail(request, code):
    node = get_object_or_404(GridNode.objects.visible_to(request.user), code=code)
    return render(
        request,
        "grid/gridnode_detail.html",
        {
            "node": node,
            "ancestors": node.get_ancestors(),
            "children": node.get_children(),
            "posts": GridPost.objects.filter(node=node).select_related("person").prefetch_related("micro_grids"),
            "covering": GridPost.objects.filter(micro_grids=node).select_related("person", "node"),
        },
    )
