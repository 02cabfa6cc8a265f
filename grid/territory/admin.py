"""Admin for the territory tree, and the bases every grid roster's admin is scoped with.

DraggableMPTTAdmin works under our CSP (default-src 'self'): its script is a static file that reads its
context from a data- attribute, and jQuery sets styles through the CSSOM, which CSP allows. Only its
indented title uses an inline style= attribute, which CSP blocks; we indent with classes instead.
Every admin derives from HistoryAdmin (simple_history) so the audit history is one click away.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from mptt.admin import DraggableMPTTAdmin

from grid.territory.models import GridNode, lock_tree
from grid.territory.scoping import SEE_ALL
from nanjie.admin import HistoryAdmin


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


class ScopedAdmin(admin.ModelAdmin):
    """A register's admin, scoped like its pages (the model's visible_to)."""

    list_per_page = 50

    def get_queryset(self, request):
        return self.model.objects.visible_to(request.user)


class ScopedHistoryAdmin(ScopedAdmin, HistoryAdmin):
    """A roster kept with its history (who changed what, when), scoped like the views.

    simple_history shows the history rows of an id get_queryset misses (meant for deleted objects): outside the
    scope that would be another grid's households. Only community-wide staff see a deleted object's history.
    """

    def _outside_scope(self, request, object_id):
        if not self._parses(self.model._meta.pk, object_id):
            return False  # HistoryAdmin answers a malformed id
        in_scope = self.get_queryset(request).filter(pk=unquote(object_id)).exists()
        return not (in_scope or request.user.has_perm(SEE_ALL))

    def history_view(self, request, object_id, extra_context=None):
        if self._outside_scope(request, object_id):
            return self._get_obj_does_not_exist_redirect(request, self.model._meta, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if self._outside_scope(request, object_id):
            return self._get_obj_does_not_exist_redirect(request, self.model._meta, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)


@admin.register(GridNode)
class GridNodeAdmin(HistoryAdmin, DraggableMPTTAdmin):
    fields = ["parent", "kind", "code", "name", "description"]
    list_display = ["tree_actions", "indented_title", "kind", "code"]
    list_display_links = ["indented_title"]
    list_filter = ["kind", subtree_filter("pk")]
    search_fields = ["code", "name", "description"]
    list_per_page = 500

    class Media:
        css = {"all": ["css/admin-tree.css"]}

    def get_queryset(self, request):
        return GridNode.objects.visible_to(request.user)

    @admin.display(description=_("title"))
    def indented_title(self, item):
        return format_html('<div class="tree-indent-{}">{}</div>', min(item.level, 6), item)

    def _move_node(self, request):
        """A drag and drop goes through the same lock and kind rules as GridNode.save()."""
        with transaction.atomic():
            lock_tree()
            queryset = self.get_queryset(request)
            cut = queryset.filter(pk=request.POST.get("cut_item")).first()
            target = queryset.filter(pk=request.POST.get("pasted_on")).first()
            position = request.POST.get("position")
            if cut is not None and target is not None and position in ("left", "right", "last-child"):
                cut.parent = target if position == "last-child" else target.parent
                try:
                    cut.check_kind()
                except ValidationError as error:
                    self.message_user(request, " ".join(error.messages), level=messages.ERROR)
                    return HttpResponse("FAIL, invalid move.")
            return super()._move_node(request)
