"""Requests in Django admin: read-mostly. States move only through the model methods (the staff pages),
so admin can look and search but never add a request or change its state; transitions are read-only."""

from django.contrib import admin
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from grid.territory.admin import ScopedAdmin, ScopedInline
from nanjie import photos
from requests.lifecycle.models import Request, Transition
from requests.public.models import Photo


class TransitionInline(ScopedInline):
    model = Transition
    fields = ["at", "old_state", "new_state", "by", "note", "rating"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class PhotoInline(ScopedInline):
    model = Photo
    fields = ["photo", "width", "height", "uploaded_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("Photo"))
    def photo(self, obj):
        # Through the view that checks access: media/ is never served by URL, so image.url would be a 404.
        return photos.preview(reverse("requests:photo", args=[obj.pk]))


@admin.register(Request)
class RequestAdmin(ScopedAdmin):
    list_display = ["reference", "state", "category", "micro_grid", "channel", "unit", "deadline", "ordered_at"]
    list_filter = ["state", "channel", "category", "unit"]
    search_fields = ["reference", "text", "resident_name", "resident_phone"]
    date_hierarchy = "ordered_at"
    list_select_related = ["category", "micro_grid", "unit"]
    inlines = [TransitionInline, PhotoInline]
    # Everything is read-only: a state changed here would skip the transition row and its checks. The tracking
    # token and the submission key are left out (ScopedAdmin), whoever looks.
    readonly_fields = [field.name for field in Request._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Viewing in admin needs "change" or "view"; only view is ever granted, nothing is editable.
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(Transition)
class TransitionAdmin(ScopedAdmin):
    list_display = ["request", "old_state", "new_state", "by", "at"]
    list_filter = ["new_state"]
    search_fields = ["request__reference", "note"]
    list_select_related = ["request", "by"]
    readonly_fields = ["request", "old_state", "new_state", "by", "at", "note", "rating"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
