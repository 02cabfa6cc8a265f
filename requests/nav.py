from django.utils.translation import gettext_lazy as _


def items(user):
    return [(_("Home"), "requests:home")]
