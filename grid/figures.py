"""The ground floor's figures (nanjie/figures.py): disputes, doorstep services, pairs, visits to the named groups.

Each is a named queryset method of the model that holds the records; the drill-down rows show dates, kinds and
micro-grids, never a resident's name, phone or house number.
"""

from django.utils.translation import gettext_lazy as _

from grid.assistance.models import AssistancePair, ServiceRecord
from grid.disputes.models import Dispute
from grid.households.models import Household, SpecialGroup
from nanjie.figures import Figure

# The article's "old and poor party members, the disabled and the elderly living alone" (48 people).
VISITED_GROUPS = (SpecialGroup.HARDSHIP_PARTY_MEMBER, SpecialGroup.DISABLED, SpecialGroup.ELDERLY_ALONE)


def disputes_resolved(period, scope):
    return scope.rows(Dispute.objects.resolved_between(period.start, period.end), "micro_grid") \
        .select_related("micro_grid").order_by("-resolved_on", "-pk")


def doorstep_services(period, scope):
    return scope.rows(ServiceRecord.objects.doorstep_between(period.start, period.end), "household__micro_grid") \
        .select_related("household__micro_grid").order_by("-done_on", "-pk")


def pairs(period, scope):
    return scope.rows(AssistancePair.objects.active_by(period.end), "household__micro_grid") \
        .select_related("household__micro_grid").order_by("-started_on", "-pk")


def _visited(groups):
    def records(period, scope):
        return scope.rows(Household.objects.visited_between(period.start, period.end, groups), "micro_grid") \
            .select_related("micro_grid").prefetch_related("tags").order_by("micro_grid__code", "pk")
    return records


def _groups(household):
    return "、".join(str(label) for label in household.special_groups)


FIGURES = [
    Figure("grid.disputes", _("Disputes resolved within the community"), "grid/disputes", disputes_resolved,
           "micro_grid", (_("Resolved on"), _("Type"), _("Micro-grid")),
           lambda d: (d.resolved_on, d.get_kind_display(), d.micro_grid.name), order=10, date_field="resolved_on",
           reported="26", how=_("Disputes marked resolved in the community (not referred upward) in the period."),
           url_name="field:disputes"),
    Figure("grid.doorstep", _("Doorstep services"), "grid/assistance", doorstep_services,
           "household__micro_grid", (_("Date"), _("What"), _("Micro-grid")),
           lambda s: (s.done_on, s.what, s.household.micro_grid.name), order=30, date_field="done_on",
           reported="37", how=_("Three-ways services recorded as done at the door (上门办) in the period."),
           url_name="field:services"),
    Figure("grid.pairs", _("Staff–special-group assistance pairs"), "grid/assistance", pairs,
           "household__micro_grid", (_("Paired since"), _("Helper is"), _("Micro-grid")),
           lambda p: (p.started_on, p.get_helper_kind_display(), p.household.micro_grid.name), order=40,
           reported="100", how=_("One-to-one pairs active now that had started by the end of the period."),
           url_name="field:pairs"),
    Figure("grid.visited", _("Households of old or poor party members, the disabled and the elderly living alone "
                             "visited"), "grid/visits", _visited(VISITED_GROUPS), "micro_grid",
           (_("Micro-grid"), _("Special groups")), lambda h: (h.micro_grid.name, _groups(h)), order=60,
           reported="48", how=_("Households with one of these tags visited at least once in the period, each "
                                "counted once.")),
    Figure("grid.disaster", _("Disaster-hit households visited"), "grid/visits",
           _visited((SpecialGroup.DISASTER_HIT,)), "micro_grid", (_("Micro-grid"), _("Special groups")),
           lambda h: (h.micro_grid.name, _groups(h)), order=65, reported="2",
           how=_("Households tagged disaster-hit visited at least once in the period, each counted once.")),
]
