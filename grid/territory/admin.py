"""Admin for the territory tree, and the bases every grid roster's admin is scoped with.

DraggableMPTTAdmin works under our CSP (default-src 'self'): its script is a static file that reads its
context from a data- attribute, and jQuery sets styles through the CSSOM, which CSP allows. Only its
indented title uses an inline style= attribute, which CSP blocks; we indent with classes instead.
Every admin derives from HistoryAdmin (simple_history) so the audit history is one click away.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from mptt.admin import DraggableMPTTAdmin

from grid.territory.admin_scope import (
    ScopedRawIdWidget,
    declared_lookups,
    field_path,
    limited_choice,
    login_fields,
    queryset_class,
    scoped_choices,
    secret_fields,
    see_all_of,
    touches_secret,
)
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


class ScopedFormMixin:
    """What every scoped admin form and inline shares: choices, raw-id labels and initial values from the related
    model's visible_to; tokens and submission keys left out; the user fields ("recorded_by", "by") never chosen.

    `recorded_by_fields` are set from the user when a row is added; `user_choice_fields` are logins that holders
    of the see-all permission may pick (a person's staff login); every other link to a login is read-only.
    """

    recorded_by_fields = ("recorded_by", "registered_by", "blown_by", "by")
    user_choice_fields = ()

    def sees_all(self, request):
        return request.user.has_perm(see_all_of(self.model))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        choices = scoped_choices(db_field.related_model, request, self.admin_site)
        kwargs.setdefault("queryset", choices)
        if db_field.name in self.raw_id_fields:
            kwargs.setdefault("widget", ScopedRawIdWidget(db_field.remote_field, self.admin_site, choices,
                                                          using=kwargs.get("using")))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs.setdefault("queryset", scoped_choices(db_field.related_model, request, self.admin_site))
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def user_fields(self, request):
        """The links to a login this user may not choose here (shown read-only)."""
        chosen = self.user_choice_fields if self.sees_all(request) else ()
        return [name for name in login_fields(self.model) if name not in chosen]

    def get_readonly_fields(self, request, obj=None):
        secret = secret_fields(self.model)
        shown = [name for name in super().get_readonly_fields(request, obj) if name not in secret]
        return [*shown, *(name for name in self.user_fields(request) if name not in shown)]

    def get_exclude(self, request, obj=None):
        return [*(super().get_exclude(request, obj) or ()), *secret_fields(self.model)]

    def get_fields(self, request, obj=None):
        secret = secret_fields(self.model)
        return [name for name in super().get_fields(request, obj) if name not in secret]

    def get_fieldsets(self, request, obj=None):
        secret = secret_fields(self.model)
        return [(title, {**options, "fields": [name for name in options["fields"] if name not in secret]})
                for title, options in super().get_fieldsets(request, obj)]

    def set_recorded_by(self, request, obj):
        for name in self.recorded_by_fields:
            if name in login_fields(obj._meta.model) and getattr(obj, f"{name}_id") is None:
                setattr(obj, name, request.user)


class ScopedInline(ScopedFormMixin, admin.TabularInline):
    """The inline of a scoped admin: the same choices and hidden fields as its admin (ScopedAdmin.save_formset
    sets the user fields of the rows it adds)."""


class ScopedAdmin(ScopedFormMixin, admin.ModelAdmin):
    """Every roster's admin, scoped like its pages: the model's visible_to for the list, the change pages, the
    raw-id and autocomplete lookups and every choice (ScopedFormMixin); lookups in the query string limited to the
    declared filters for staff without the see-all permission (no ?resident_phone=…); tokens never shown; and a
    community-wide roster (CommunityWideQuerySet: categories, units, the seven teams) changed only by holders of
    the see-all permission. A foreign object is answered as one that does not exist."""

    list_per_page = 50

    def get_queryset(self, request):
        queryset = self.model._default_manager.visible_to(request.user)
        ordering = self.get_ordering(request)
        return queryset.order_by(*ordering) if ordering else queryset

    def _writes(self, request):
        return self.sees_all(request) or not getattr(queryset_class(self.model), "community_wide", False)

    def has_add_permission(self, request):
        return self._writes(request) and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        return self._writes(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._writes(request) and super().has_delete_permission(request, obj)

    def get_list_display(self, request):
        secret = secret_fields(self.model)
        return [name for name in super().get_list_display(request) if name not in secret]

    def get_search_fields(self, request):
        return [name for name in super().get_search_fields(request) if not touches_secret(self.model, name)]

    def lookup_allowed(self, lookup, value, request=None):
        if touches_secret(self.model, lookup) or not super().lookup_allowed(lookup, value, request):
            return False
        if request is None or self.sees_all(request):
            return True
        path = field_path(self.model, lookup)
        declared = declared_lookups(self, request)
        return not path or any("__".join(path[:size]) in declared for size in range(1, len(path) + 1)) or \
            limited_choice(self.model, lookup, value)

    def get_changeform_initial_data(self, request):
        """`?household=<id>` prefills an add form only with what the user may choose."""
        initial = super().get_changeform_initial_data(request)
        return {name: value for name, value in initial.items() if self._may_prefill(request, name, value)}

    def _may_prefill(self, request, name, value):
        try:
            field = self.model._meta.get_field(name)
        except FieldDoesNotExist:
            return True
        if name in secret_fields(self.model) or name in self.user_fields(request):
            return False
        if not field.is_relation:
            return True
        wanted = value if isinstance(value, list) else [value]
        try:
            found = scoped_choices(field.related_model, request, self.admin_site).filter(pk__in=wanted).count()
        except (ValueError, TypeError, ValidationError):
            return False
        return found == len(set(wanted))

    def save_model(self, request, obj, form, change):
        if not change:
            self.set_recorded_by(request, obj)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            if inline_form.instance._state.adding:
                self.set_recorded_by(request, inline_form.instance)
        super().save_formset(request, form, formset, change)


class CommunityOnlyAdmin:
    """For an admin of no grid (Django's logins and groups, axes' lockouts): a login or a group edited here widens
    someone's reach, so only superusers and holders of the see-all permission use it, whatever else they hold."""

    def _community(self, request):
        return request.user.is_active and request.user.has_perm(SEE_ALL)

    def has_module_permission(self, request):
        return self._community(request) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return self._community(request) and super().has_view_permission(request, obj)

    def has_add_permission(self, request, *args):
        return self._community(request) and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return self._community(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._community(request) and super().has_delete_permission(request, obj)


def community_only(site, app_labels):
    """Put the admins of other apps (registered before ours) behind CommunityOnlyAdmin."""
    for model, model_admin in list(site._registry.items()):
        if model._meta.app_label in app_labels and not isinstance(model_admin, CommunityOnlyAdmin):
            base = type(model_admin)
            site.unregister(model)
            site.register(model, type(f"CommunityOnly{base.__name__}", (CommunityOnlyAdmin, base), {}))


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
class GridNodeAdmin(ScopedHistoryAdmin, DraggableMPTTAdmin):
    fieldsets = [
        (None, {"fields": ["parent", "kind", "code", "name", "description"]}),
        (_("Community office"), {"fields": ["office_phone", "meeting_phone", "office_address", "office_hours"],
                                 "description": _("Only a community's: shown on its residents' pages.")}),
    ]
    list_display = ["tree_actions", "indented_title", "kind", "code"]
    list_display_links = ["indented_title"]
    list_filter = ["kind", subtree_filter("pk")]
    search_fields = ["code", "name", "description"]
    list_per_page = 500

    class Media:
        css = {"all": ["css/admin-tree.css"]}

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
