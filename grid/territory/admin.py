"""Admin for the territory and its staffing: the tree, people and the "1+1+N" grid posts.

DraggableMPTTAdmin works under our CSP (default-src 'self'): its script is a static file that reads its
context from a data- attribute, and jQuery sets styles through the CSSOM, which CSP allows. Only its
indented title uses an inline style= attribute, which CSP blocks; we indent with classes instead.
Every admin derives from HistoryAdmin (simple_history) so the audit history is one click away.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from mptt.admin import DraggableMPTTAdmin

from grid.admin_filters import GridSubtreeFilter, subtree_filter
from grid.admin_history import HistoryAdmin
from grid.models import GridNode, GridPost, Person
from grid.models.territory import lock_tree
from grid.phones import normalise_phone


class GridNodeAdminForm(forms.ModelForm):
    class Meta:
        model = GridNode
        fields = ["parent", "kind", "code", "name", "description"]


@admin.register(GridNode)
class GridNodeAdmin(HistoryAdmin, DraggableMPTTAdmin):
    form = GridNodeAdminForm
    list_display = ["tree_actions", "indented_title", "kind", "code"]
    list_display_links = ["indented_title"]
    list_filter = ["kind", subtree_filter("pk")]
    search_fields = ["code", "name", "description"]
    list_per_page = 500

    class Media:
        css = {"all": ["css/foundation-admin.css"]}

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


class PersonAdminForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["name", "phone", "political_status", "notes", "user"]


@admin.register(Person)
class PersonAdmin(HistoryAdmin):
    form = PersonAdminForm
    list_display = ["name", "phone", "political_status", "user"]
    list_filter = ["political_status", subtree_filter("posts__node"), "units", "teams"]
    search_fields = ["name", "phone", "notes"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    list_per_page = 50

    def get_search_results(self, request, queryset, search_term):
        # "138 1234 5678" and "+86 13812345678" find the stored 13812345678.
        results, duplicates = super().get_search_results(request, queryset, search_term)
        try:
            phone = normalise_phone(search_term)
        except ValidationError:
            return results, duplicates
        return results | queryset.filter(phone=phone), duplicates


class GridPostAdminForm(forms.ModelForm):
    class Meta:
        model = GridPost
        fields = ["node", "person", "role", "micro_grids"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        micro_grids = GridNode.objects.filter(kind=GridNode.Kind.MICRO_GRID).order_by("code")
        if self.instance.node_id:
            micro_grids = micro_grids.filter(parent_id=self.instance.node_id)
        self.fields["micro_grids"].queryset = micro_grids

    def clean(self):
        cleaned = super().clean()
        node, micro_grids = cleaned.get("node"), cleaned.get("micro_grids")
        if node and micro_grids:
            strangers = [micro for micro in micro_grids if micro.parent_id != node.pk]
            if strangers:
                self.add_error("micro_grids", ValidationError(
                    _("These micro-grids are not in %(grid)s: %(codes)s.")
                    % {"grid": node, "codes": "、".join(micro.code for micro in strangers)},
                    code="micro_grid_elsewhere",
                ))
        return cleaned


@admin.register(GridPost)
class GridPostAdmin(HistoryAdmin):
    form = GridPostAdminForm
    list_display = ["node", "role", "person", "micro_grid_count"]
    list_filter = ["role", GridSubtreeFilter]
    search_fields = ["person__name", "person__phone", "node__code", "node__name"]
    list_select_related = ["node", "person"]
    raw_id_fields = ["node", "person"]
    list_per_page = 50

    def get_queryset(self, request):
        return GridPost.objects.visible_to(request.user).prefetch_related("micro_grids")

    @admin.display(description=_("micro-grids covered"))
    def micro_grid_count(self, post):
        return len(post.micro_grids.all()) or "—"


# Admin for field-work records lives with the features that own them.
from grid import field_admin  # noqa: F401,E402
