"""What staff print for residents, in Chinese whatever language the staff member reads in:

- the wish-wall posters: a QR code per micro-grid that opens the wish form with the place filled in;
- the slip for a resident whose request staff recorded: reference, tracking address and its QR code. Scoped
  like the request page (what the user cannot see is a 404): the tracking token is the key to their page, so
  only whoever recorded the request for the resident prints it, and only until dispatch (otherwise 403).
"""

import segno
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_GET

from grid.territory.models import GridNode
from nanjie.paper import public_url, render_on_paper
from requests.staff.views import get_wish


@require_GET
@login_required
def slip(request, reference):
    wish = get_wish(request, reference)
    if not wish.shows_tracking_to(request.user):
        raise PermissionDenied  # a unit could otherwise rate itself on the resident's page
    track_url = public_url(request, reverse("requests:track", args=[wish.token]))
    qr = segno.make(track_url, error="m").svg_inline(scale=1, border=2, omitsize=True, title=wish.reference)
    response = render_on_paper(request, "requests/staff/slip.html", {"wish": wish, "track_url": track_url, "qr": qr})
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _poster(request, node):
    url = public_url(request, reverse("requests:wish") + f"?grid={node.code}")
    qr = segno.make(url, error="m")
    return {"node": node, "url": url, "qr": qr.svg_inline(scale=1, border=2, omitsize=True, title=node.name)}


@login_required
@permission_required("requests.record_request", raise_exception=True)
@require_GET
def poster(request, code):
    # A worker prints the walls of the grids they serve; another grid's poster is a 404 like its page.
    node = get_object_or_404(GridNode.objects.visible_to(request.user).select_related("parent"),
                             code=code, kind=GridNode.Kind.MICRO_GRID)
    return render_on_paper(request, "requests/public/posters.html", {"posters": [_poster(request, node)],
                                                                  "title": node.name})


@login_required
@permission_required("requests.record_request", raise_exception=True)
@require_GET
def posters(request, code=None):
    """With a grid's code: every micro-grid's poster, one per A4 page. Without: the list of grids."""
    if code is None:
        grids = GridNode.objects.working_area(request.user).filter(kind=GridNode.Kind.GRID).order_by("tree_id", "lft")
        return render_on_paper(request, "requests/public/poster_index.html", {"grids": grids})
    node = get_object_or_404(GridNode.objects.visible_to(request.user), code=code)
    micro_grids = (GridNode.objects.subtree_of([node]).filter(kind=GridNode.Kind.MICRO_GRID)
                   .select_related("parent").order_by("tree_id", "lft"))
    return render_on_paper(request, "requests/public/posters.html",
                       {"posters": [_poster(request, micro) for micro in micro_grids], "title": node.name,
                        "grid": node})
