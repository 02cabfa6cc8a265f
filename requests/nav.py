from django.utils.translation import gettext_lazy as _


def items(user):
    # Public entries for everyone (the resident-facing side); staff entries after them.
    entries = [
        (_("Home"), "requests:home"),
        (_("Make a micro-wish"), "requests:wish"),
        (_("Closure board"), "requests:board"),
    ]
    if user is not None and user.is_authenticated and user.has_perm("requests.view_request"):
        entries.append((_("Work queues"), "requests:queues"))
    if user is not None and user.is_authenticated and user.has_perm("requests.record_request"):
        entries.append((_("Record a request"), "requests:record"))
        entries.append((_("Wish-wall posters"), "requests:posters"))
    if user is not None and user.is_authenticated:
        entries.append((_("Community figures"), "requests:stats"))
    return entries
