"""The login changes in admin: read only (they are written by grid/people/logins/models.py), scoped like the page."""

from django.contrib import admin

from grid.people.logins.models import LoginChange
from grid.territory.admin import ScopedAdmin


@admin.register(LoginChange)
class LoginChangeAdmin(ScopedAdmin):
    list_display = ["at", "username", "what", "person", "by", "detail"]
    list_filter = ["what"]
    search_fields = ["username", "person__name"]
    list_select_related = ["person", "by"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
