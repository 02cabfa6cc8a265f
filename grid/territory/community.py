"""Which community a request serves: /c/<code>/… names it by its total grid's code (NJ, C0102); any other address
serves the default community, settings.COMMUNITY_CODE, so the addresses printed on posters (/wish/, /board/,
/track/<token>/) keep working.

The middleware strips the prefix from path_info (the URLconf stays one) and makes it the script prefix, so every
reverse() and {% url %} of that request stays under /c/<code>/. GridNode.objects.of_community() and community_root()
read nanjie.community.current_code(): the one place the rest of the portal learns which community it serves.
"""

import re

from django.http import Http404
from django.urls import get_script_prefix, set_script_prefix

from grid.territory.models import GridNode
from nanjie.community import Served, current_code, serving

PREFIX = re.compile(r"^/c/(?P<code>[A-Z][A-Z0-9-]*)/")


def community_code_of(node):
    """The code of the total grid a node lies in (a request's reference starts with it); the current one when
    the node is above every total grid or in a bare tree."""
    if node.kind == GridNode.Kind.TOTAL_GRID:
        return node.code
    # A micro-grid found with its grid and total grid (micro_grid_of_community): no query.
    if GridNode.parent.is_cached(node) and node.parent and GridNode.parent.is_cached(node.parent):
        above = node.parent.parent
        if above is not None and above.kind == GridNode.Kind.TOTAL_GRID:
            return above.code
    found = node.get_ancestors().filter(kind=GridNode.Kind.TOTAL_GRID).values_list("code", flat=True).first()
    return found or current_code()


def served_by(total):
    """What the pages say of the community a total grid (fetched with its three ancestors) lies in: its community
    node's name, with the town's and county's before it, and the office on that node. A total grid without a
    community above it (a bare tree) is named by itself and has no office to show."""
    community = total.parent if total.parent and total.parent.kind == GridNode.Kind.COMMUNITY else None
    if community is None:
        return Served(name=total.name, full_name=total.name)
    above, node = [], community.parent
    while node is not None and len(above) < 2:  # town, county: what select_related fetched
        above.insert(0, node.name)
        node = node.parent if GridNode.parent.is_cached(node) else None
    return Served(name=community.name, full_name="".join([*above, community.name]),
                  office_phone=community.office_phone, meeting_phone=community.meeting_phone,
                  office_address=community.office_address, office_hours=community.office_hours)


class CommunityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        match = PREFIX.match(request.path_info)
        if match is None:
            return self.get_response(request)
        code = match["code"]
        # The total grid with its community, town and county in the one query that checks the code.
        total = (GridNode.objects.filter(code=code, kind=GridNode.Kind.TOTAL_GRID)
                 .select_related("parent__parent__parent").first())
        if total is None:
            raise Http404  # the same 404 as any other address nothing answers
        outer_prefix = get_script_prefix()
        request.path_info = request.path_info[match.end() - 1:]
        set_script_prefix(f"{outer_prefix.rstrip('/')}/c/{code}/")
        try:
            with serving(code, served_by(total)):
                return self.get_response(request)
        finally:
            set_script_prefix(outer_prefix)
