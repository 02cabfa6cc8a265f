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
from nanjie.community import current_code, serving

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


class CommunityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        match = PREFIX.match(request.path_info)
        if match is None:
            return self.get_response(request)
        code = match["code"]
        if not GridNode.objects.filter(code=code, kind=GridNode.Kind.TOTAL_GRID).exists():
            raise Http404  # the same 404 as any other address nothing answers
        outer_prefix = get_script_prefix()
        request.path_info = request.path_info[match.end() - 1:]
        set_script_prefix(f"{outer_prefix.rstrip('/')}/c/{code}/")
        try:
            with serving(code):
                return self.get_response(request)
        finally:
            set_script_prefix(outer_prefix)
