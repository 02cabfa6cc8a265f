"""Menu entries for field work, by permission (the menu skips names that do not resolve)."""

from django.utils.translation import gettext_lazy as _

ENTRIES = [
    ("grid.add_visit", _("Log a visit"), "field:visit_start"),
    ("grid.view_household", _("Households"), "field:households"),
    ("grid.view_household", _("Coverage"), "field:coverage"),
    ("grid.view_assistancepair", _("Pairs"), "field:pairs"),
    ("grid.view_servicerecord", _("Three ways"), "field:services"),
    ("grid.view_dispute", _("Disputes"), "field:disputes"),
    ("grid.view_whistle", _("Whistles"), "field:whistles"),
]


def items(user):
    if user is None or not user.is_authenticated:
        return []
    return [(label, name) for permission, label, name in ENTRIES if user.has_perm(permission)]
