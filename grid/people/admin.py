"""Admin for people and the "1+1+N" grid posts. Upper floors add their own filters to PersonAdmin (units, teams)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from grid.people.models import GridPost, Person
from grid.territory.admin import GridSubtreeFilter, ScopedHistoryAdmin, community_only, subtree_filter
from grid.territory.models import GridNode
from nanjie.phones import normalise_phone

# Logins, groups and login lockouts belong to no grid: only the community-wide staff manage them in admin
# (a scoped staff user given auth.change_user could otherwise make themselves a superuser).
community_only(admin.site, {"auth", "axes"})


class PersonAdminForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["name", "phone", "political_status", "notes", "user"]


@admin.register(Person)
class PersonAdmin(ScopedHistoryAdmin):
    form = PersonAdminForm
    user_choice_fields = ("user",)  # linking a login widens its scope: community-wide staff only
    list_display = ["name", "phone", "political_status", "user"]
    list_filter = ["political_status", subtree_filter("posts__node")]
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
        # Narrow the admin's (scoped) choices, never replace them with every micro-grid.
        micro_grids = self.fields["micro_grids"].queryset.filter(kind=GridNode.Kind.MICRO_GRID).order_by("code")
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
class GridPostAdmin(ScopedHistoryAdmin):
    form = GridPostAdminForm
    list_display = ["node", "role", "person", "micro_grid_count"]
    list_filter = ["role", GridSubtreeFilter]
    search_fields = ["person__name", "person__phone", "node__code", "node__name"]
    list_select_related = ["node", "person"]
    raw_id_fields = ["node", "person"]
    list_per_page = 50

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("micro_grids")

    @admin.display(description=_("micro-grids covered"))
    def micro_grid_count(self, post):
        return len(post.micro_grids.all()) or "—"

