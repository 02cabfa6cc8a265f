"""The requests app's figures (nanjie/figures.py): requests received, needs fulfilled, people helped into jobs."""

from django.utils.translation import gettext_lazy as _

from nanjie.figures import Figure
from requests.lifecycle.models import Request

# The category of employment requests (partners/units/seed.py): the only record of "people helped into jobs".
EMPLOYMENT = "employment"
COLUMNS = (_("Reference"), _("Category"), _("Micro-grid"), _("Unit"), _("Closed on"))


def _scoped(requests, scope):
    return scope.rows(requests, "micro_grid").select_related("category", "micro_grid", "unit")


def received(period, scope):
    return _scoped(Request.objects.ordered_between(period.start, period.end), scope).order_by("-ordered_at", "-pk")


def fulfilled(period, scope):
    return _scoped(Request.objects.fulfilled_between(period.start, period.end), scope).order_by("-closed_at", "-pk")


def into_jobs(period, scope):
    return fulfilled(period, scope).filter(category__code=EMPLOYMENT)


def _row(wish):
    return (wish.reference, wish.category.name, wish.micro_grid.name, str(wish.unit) if wish.unit else "—",
            wish.closed_at.date() if wish.closed_at else "—")


FIGURES = [
    Figure("requests.received", _("Residents' requests received"), "requests/lifecycle", received, "micro_grid",
           COLUMNS, _row, order=70, date_field="ordered_at",
           how=_("Micro-wishes and requests made in the period, by every channel.")),
    Figure("requests.fulfilled", _("Residents' needs fulfilled"), "requests/lifecycle", fulfilled, "micro_grid",
           COLUMNS, _row, order=75, date_field="closed_at", reported="15",
           how=_("Requests closed in the period (and not reopened since).")),
    Figure("requests.jobs", _("People helped into jobs"), "requests/lifecycle", into_jobs, "micro_grid", COLUMNS,
           _row, order=80, date_field="closed_at", reported="200+",
           how=_("Employment requests closed in the period: one request is one person helped. Job fairs and "
                 "placements outside the portal are not counted.")),
]
