"""The portal's Django admin: its titles, and the base of every roster admin (simple_history's audit pages,
answering a malformed id as Django does)."""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

admin.site.site_header = _("Nanjie Grid administration")
admin.site.site_title = _("Nanjie Grid")
admin.site.index_title = _("Rosters and records")


class HistoryAdmin(SimpleHistoryAdmin):
    """SimpleHistoryAdmin filters by the raw id from the URL, so /admin/…/abc/history/ was a 500 (ValueError).

    A typo or a truncated link gets what change_view gives it: back to the admin index with a message.
    """

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        # Django appends "hold down Control to select more than one" to every multiple select; a
        # filter_horizontal box is chosen with arrows, so the hint is wrong there (staffside, issue 16).
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and db_field.name in (*self.filter_horizontal, *self.filter_vertical):
            field.help_text = db_field.help_text
        return field

    def _parses(self, field, value):
        try:
            field.to_python(unquote(value))
        except ValidationError:
            return False
        return True

    def history_view(self, request, object_id, extra_context=None):
        if not self._parses(self.model._meta.pk, object_id):
            return self._get_obj_does_not_exist_redirect(request, self.model._meta, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        history_pk = getattr(self.model, self.model._meta.simple_history_manager_attribute).model._meta.pk
        if not (self._parses(self.model._meta.pk, object_id) and self._parses(history_pk, version_id)):
            return self._get_obj_does_not_exist_redirect(request, self.model._meta, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)
