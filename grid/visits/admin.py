"""Admin for visits, scoped like the visit pages."""

from django.contrib import admin
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from grid.territory.admin import ScopedAdmin, subtree_filter
from grid.visits.models import Visit
from nanjie import photos


@admin.register(Visit)
class VisitAdmin(ScopedAdmin):
    list_display = ["visited_on", "household", "worker"]
    list_filter = [subtree_filter("household__micro_grid")]
    list_select_related = ["household", "worker"]
    raw_id_fields = ["household", "worker"]  # recorded_by: the user (ScopedAdmin)
    date_hierarchy = "visited_on"
    readonly_fields = ["photo_preview"]  # the photo itself is set only by the visit form, stripped

    @admin.display(description=_("Photo"))
    def photo_preview(self, obj):
        return photos.preview(reverse("field:visit_photo", args=[obj.pk])) if obj.photo else "—"
