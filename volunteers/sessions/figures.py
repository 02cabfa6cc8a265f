"""The volunteers' figures (nanjie/figures.py): sessions held and the residents they served."""

from django.utils.translation import gettext_lazy as _

from nanjie.figures import Figure
from volunteers.sessions.models import Session

NODE = "rule__position__micro_grid"


def sessions_held(period, scope):
    return scope.rows(Session.objects.held_between(period.start, period.end), NODE) \
        .select_related("rule__position__micro_grid").order_by("-on", "-starts_at", "-pk")


def _row(session):
    position = session.rule.position
    return (session.on, session.rule.title, position.micro_grid.name if position.micro_grid_id else "—",
            session.served_count)


COLUMNS = (_("Date"), _("Service"), _("Micro-grid"), _("Residents served"))

FIGURES = [
    Figure("volunteers.sessions", _("Volunteer service sessions held"), "volunteers/sessions", sessions_held, NODE,
           COLUMNS, _row, order=20, date_field="on", reported="10",
           how=_("Fixed-day and extra sessions recorded as held in the period."), url_name="volunteers:sessions"),
    Figure("volunteers.served", _("Residents served by volunteer sessions"), "volunteers/sessions", sessions_held,
           NODE, COLUMNS, _row, order=25, date_field="on", reported="2,000+",
           how=_("The head counts recorded for the sessions held in the period, added up (a resident served twice "
                 "counts twice)."), sum_field="served_count",
           url_name="volunteers:sessions"),
]
