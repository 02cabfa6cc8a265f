"""The helpers of the scoped admin bases (grid/territory/admin.py): which fields are secrets or logins, the choices
a user may pick, the lookups a query string may use, and a raw-id widget that labels only what the user sees."""

from django.contrib.admin import widgets
from django.contrib.admin.filters import SimpleListFilter
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models.constants import LOOKUP_SEP

from grid.territory.scoping import SEE_ALL
from nanjie.once import SubmissionKeyField


def queryset_class(model):
    manager = model._default_manager
    return getattr(manager, "_queryset_class", type(manager.get_queryset()))


def see_all_of(model):
    return getattr(queryset_class(model), "see_all", SEE_ALL)


def secret_fields(model):
    """Tracking tokens and submission keys: the key to a resident's page, or to a once-only form. Never in admin."""
    return {field.name for field in model._meta.concrete_fields
            if isinstance(field, SubmissionKeyField) or field.name == "token" or field.name.endswith("_token")}


def login_fields(model):
    """The model's links to a login (recorded_by, by, a person's staff login)."""
    user_model = get_user_model()
    return [field.name for field in model._meta.concrete_fields
            if field.is_relation and field.related_model is user_model]


def field_path(model, lookup):
    """The fields a lookup walks ("household__micro_grid__code__exact" → household, micro_grid, code)."""
    path = []
    for part in lookup.split(LOOKUP_SEP):
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            break
        path.append(part)
        if not getattr(field, "path_infos", None):
            break
        model = field.path_infos[-1].to_opts.model
    return path


def touches_secret(model, lookup):
    """A search field or lookup that reads a token: "token", "request__token__exact"."""
    for part in lookup.lstrip("^=@").split(LOOKUP_SEP):
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            return False
        if part in secret_fields(model):
            return True
        if not field.is_relation:
            return False
        model = field.related_model


def declared_lookups(model_admin, request):
    """The field paths the changelist offers as filters (and its date hierarchy)."""
    declared = {model_admin.date_hierarchy} - {None}
    for item in model_admin.get_list_filter(request):
        if isinstance(item, (list, tuple)):
            declared.add(item[0])
        elif isinstance(item, str):
            declared.add(item)
        elif isinstance(item, type) and issubclass(item, SimpleListFilter):
            declared.add(item.parameter_name)
    return declared


def limited_choice(model, lookup, value):
    """A raw-id popup's `limit_choices_to` (e.g. ?kind__exact=grid): Django's own allowance, kept."""
    for fk_lookup in model._meta.related_fkey_lookups:
        fk_lookup = fk_lookup() if callable(fk_lookup) else fk_lookup
        if (lookup, value) in widgets.url_params_from_lookup_dict(fk_lookup).items():
            return True
    return False


def scoped_choices(model, request, admin_site):
    """What a user may pick for a link to `model`: its visible_to, in its admin's order; logins: their own only,
    unless they see everything."""
    manager = model._default_manager
    if hasattr(manager, "visible_to"):
        choices = manager.visible_to(request.user)
    elif model is get_user_model():
        see_all = request.user.has_perm(SEE_ALL)
        choices = manager.all() if see_all else manager.filter(pk=request.user.pk)
    else:
        choices = manager.all()
    related_admin = admin_site._registry.get(model)
    ordering = related_admin.get_ordering(request) if related_admin else ()
    return choices.order_by(*ordering) if ordering else choices


class ScopedRawIdWidget(widgets.ForeignKeyRawIdWidget):
    """Django's raw-id widget looks its label up in every row: ?household=<another grid's id> showed the
    address. This one labels only a row of the field's own (scoped) choices."""

    def __init__(self, rel, admin_site, choices, attrs=None, using=None):
        self.choices_queryset = choices
        super().__init__(rel, admin_site, attrs, using)

    def label_and_url_for_value(self, value):
        key = self.rel.get_related_field().name
        try:
            self.choices_queryset.get(**{key: value})
        except (ValueError, TypeError, ValidationError, self.rel.model.DoesNotExist,
                self.rel.model.MultipleObjectsReturned):
            return "", ""
        return super().label_and_url_for_value(value)
