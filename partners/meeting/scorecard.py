"""A unit's scorecard, its decision half: decisions owned and done on time (the claims half comes from the lists,
through `scorecard_sections`: the meeting never names them).

`scorecard_of(unit)` is one aggregate query; each figure is shown with what it is counted of.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.utils import timezone

from nanjie.registry import Registry, _template_problem
from partners.meeting.models import Decision
from partners.units.models import Unit


@dataclass(frozen=True)
class ScorecardSection:
    """A section of a unit's scorecard page: `template` rendered with `figures(unit)` as `figures`."""

    name: str
    template: str
    figures: Callable
    order: int

    def problems(self):
        return [problem for problem in (_template_problem(self.template),) if problem]


scorecard_sections = Registry("scorecard section")


def sections_of(unit):
    """(template, figures) of every registered section, in order."""
    return [(section.template, section.figures(unit)) for section in scorecard_sections]


def scorecard_of(unit, today=None):
    today = today or timezone.localdate()
    done = Q(state=Decision.State.DONE)
    figures = Decision.objects.filter(unit=unit).aggregate(
        owned=Count("pk"), done=Count("pk", filter=done),
        on_time=Count("pk", filter=done & Q(done_on__lte=F("deadline"))),
        open=Count("pk", filter=Q(state=Decision.State.OPEN)),
        overdue=Count("pk", filter=Q(state=Decision.State.OPEN, deadline__lt=today)),
        carried=Count("pk", filter=Q(state=Decision.State.CARRIED)))
    figures["on_time_rate"] = round(100 * figures["on_time"] / figures["done"]) if figures["done"] else None
    return figures


def units_with_scores(today=None):
    """Every unit with its decision figures, one query (the branch's overview of all scorecards)."""
    today = today or timezone.localdate()
    done = Q(decisions__state=Decision.State.DONE)
    return Unit.objects.annotate(
        owned=Count("decisions"), done=Count("decisions", filter=done),
        on_time=Count("decisions", filter=done & Q(decisions__done_on__lte=F("decisions__deadline"))),
        overdue=Count("decisions", filter=Q(decisions__state=Decision.State.OPEN, decisions__deadline__lt=today)))
