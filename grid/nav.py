from django.utils.translation import gettext_lazy as _


def items(user):
    if user is None or not user.is_authenticated:
        return []
    entries = [(_("My work"), "me")]
    if user.has_perm("grid.view_gridnode"):
        entries.append((_("Grids"), "grid:overview"))
    return entries
