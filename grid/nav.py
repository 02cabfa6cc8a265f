from django.utils.translation import gettext_lazy as _


def items(user):
    if user is not None and user.is_authenticated and user.has_perm("grid.view_gridnode"):
        return [(_("Grids"), "grid:overview")]
    return []
