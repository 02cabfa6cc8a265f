"""The agenda proposers: every app proposes items for a meeting's agenda through one registry.

An app registers in its AppConfig.ready(), two lines:

    from partners.meeting.agenda import Proposer, agenda_proposers
    agenda_proposers.add(Proposer("partners.lists.unclaimed", _("Needs unclaimed for 14 days"), unclaimed, order=20))

`propose(meeting)` returns ProposedItems; `Meeting.build_agenda` adds each once (its `key`), and an item staff
dropped is not proposed again. Titles are stored as written: never put a resident's name or phone in one.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from nanjie.registry import Registry


@dataclass(frozen=True)
class ProposedItem:
    key: str  # what it is about, unique on a meeting: "request:NJ-2026-000012", "decision:41"
    title: str
    follows_up: object = None  # an earlier partners.Decision it follows up, if any
    url: str = ""  # the page of what it is about (the meeting page links the item to it)


@dataclass(frozen=True)
class Proposer:
    name: str
    label: str
    propose: Callable  # propose(meeting) -> iterable of ProposedItem
    order: int

    def problems(self):
        return [] if callable(self.propose) else ["propose is not callable"]


agenda_proposers = Registry("agenda proposer")


def open_decisions(meeting):
    """回头看: the decisions of earlier meetings still open on the meeting's day (overdue ones first)."""
    from partners.meeting.models import Decision

    earlier = (Decision.objects.open().filter(item__meeting__held_on__lt=meeting.held_on)
               .select_related("unit", "item__meeting").order_by("deadline", "pk"))
    for decision in earlier:
        late = _("overdue") if decision.deadline < meeting.held_on else _("open")
        yield ProposedItem(
            key=f"decision:{decision.pk}", follows_up=decision,
            title=_("Follow-up (%(state)s, due %(day)s, %(unit)s): %(text)s") % {
                "state": late, "day": decision.deadline.isoformat(), "unit": decision.unit,
                "text": decision.text[:100]})


def register_own():
    label = gettext_lazy("Open decisions of earlier meetings")
    agenda_proposers.add(Proposer("partners.meeting.open_decisions", label, open_decisions, order=10))
