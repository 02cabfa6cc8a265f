from django.utils.translation import gettext_lazy as _


def items(user):
    return [
        (_("Home"), "requests:home"),
        (_("Make a micro-wish"), "requests:wish"),
        (_("Closure board"), "requests:board"),
    ]
