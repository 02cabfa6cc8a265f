from django.utils.translation import gettext_lazy as _


def items(user):
    return [(_("Units"), "partners:units")]
