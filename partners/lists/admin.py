"""Admin for the three lists (scoped like the pages). States of claims move only through the model methods: their
admin is read-only."""

from django.contrib import admin
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from grid.territory.admin import ScopedAdmin, ScopedHistoryAdmin, ScopedInline, subtree_filter
from nanjie import photos
from partners.lists.claims import Claim, ClaimTransition
from partners.lists.models import Milestone, Need, Project, Resource


@admin.register(Resource)
class ResourceAdmin(ScopedHistoryAdmin):
    list_display = ["title", "unit", "kind", "quantity", "measure", "available", "active"]
    list_filter = ["kind", "active", "unit"]
    search_fields = ["title", "description", "unit__name"]
    list_select_related = ["unit"]
    filter_horizontal = ["grids"]


@admin.register(Need)
class NeedAdmin(ScopedHistoryAdmin):
    list_display = ["title", "category", "grid", "urgency", "quantity", "asked_count", "state", "created_at"]
    list_filter = ["state", "urgency", "category", subtree_filter("grid")]
    search_fields = ["title", "description"]
    list_select_related = ["category", "grid"]
    readonly_fields = ["state", "fulfilled_at", "created_by", "decision"]  # decision: set by from_decision only
    raw_id_fields = ["visits"]
    date_hierarchy = "created_at"


class MilestoneInline(ScopedInline):
    model = Milestone
    extra = 1


@admin.register(Project)
class ProjectAdmin(ScopedHistoryAdmin):
    list_display = ["title", "lead_unit", "budget", "approved_on", "state"]
    list_filter = ["state", "lead_unit"]
    search_fields = ["title", "goal"]
    list_select_related = ["lead_unit"]
    readonly_fields = ["state", "fulfilled_at", "created_by", "decision"]  # decision: set by from_decision only
    filter_horizontal = ["grids"]
    inlines = [MilestoneInline]


class ClaimTransitionInline(ScopedInline):
    model = ClaimTransition
    extra = 0
    can_delete = False
    readonly_fields = ["old", "new", "by", "note", "at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Claim)
class ClaimAdmin(ScopedAdmin):
    list_display = ["__str__", "unit", "quantity", "state", "claimed_at", "delivered_on", "verified_at"]
    list_filter = ["state", "unit"]
    list_select_related = ["unit", "need", "project"]
    inlines = [ClaimTransitionInline]

    def get_readonly_fields(self, request, obj=None):
        # The photo through the view that checks access, never its storage URL (a signed bucket URL would skip it).
        return [field.name for field in Claim._meta.fields if field.name != "delivery_photo"] + ["photo_preview"]

    @admin.display(description=_("Evidence photo"))
    def photo_preview(self, obj):
        return photos.preview(reverse("partners:claim_photo", args=[obj.pk])) if obj.delivery_photo else "—"

    def has_add_permission(self, request):
        return False
