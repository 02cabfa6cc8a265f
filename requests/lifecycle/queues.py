"""The staff work queues: which requests each role works from, in which order (Request.objects.queue(name, user)).

Named here, beside the model, so the queue pages, their CSV export, the /me/ panel and the benchmarks all read
the same definitions. States are the model's values (requests.lifecycle.models.Request.State).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy

from nanjie.paging import count_up_to


@dataclass(frozen=True)
class Queue:
    label: str
    perm: str
    states: tuple = ()
    order: tuple = ("-ordered_at", "-pk")
    only_mine: str = ""  # "unit": dispatched to my unit; "acceptor": accepted by me
    overdue: bool = False
    to_review: bool = False  # published notices whose summary the branch must rewrite (requests/notices/)

    def scope(self, user, visible):
        """This queue's requests among `visible` (the user's visible_to)."""
        from partners.units.models import Unit

        wishes = visible.filter(state__in=self.states) if self.states else visible
        if self.only_mine == "unit":
            wishes = wishes.filter(unit__in=Unit.objects.filter(memberships__person__user=user))
        elif self.only_mine == "acceptor":
            wishes = wishes.filter(acceptor__user=user)
        if self.to_review:
            wishes = wishes.filter(summary_needs_review=True)
        return wishes.overdue() if self.overdue else wishes


QUEUES = {
    "dispatch": Queue(gettext_lazy("To dispatch"), "requests.dispatch_request", ("ordered",), ("ordered_at", "pk")),
    "accept": Queue(gettext_lazy("To accept"), "requests.accept_request", ("dispatched",), ("deadline", "pk"),
                    only_mine="unit"),
    "mine": Queue(gettext_lazy("Mine to close"), "requests.accept_request", ("accepted",), ("deadline", "pk"),
                  only_mine="acceptor"),
    "publicise": Queue(gettext_lazy("To publicise"), "requests.publicise_request", ("closed",), ("closed_at", "pk")),
    "review": Queue(gettext_lazy("Notices to review"), "requests.publicise_request", ("publicised",),
                    ("publicised_at", "pk"), to_review=True),
    "overdue": Queue(gettext_lazy("Overdue"), "requests.view_request", order=("deadline", "pk"), overdue=True),
    "all": Queue(gettext_lazy("All requests"), "requests.view_request"),
}


def queues_for(user):
    """The queues a user works from, each with its count up to 1000 (one COUNT query per queue), counted once
    a request: /requests/ shows them beside the /me/ panel that lists them too. Kept on the request's user
    object, as the scope's id lists are (grid/territory/scoping.py)."""
    from requests.lifecycle.models import Request

    if "_queue_counts" not in user.__dict__:
        visible = Request.objects.visible_to(user)
        user.__dict__["_queue_counts"] = [
            {"name": name, "label": queue.label, "count": count_up_to(Request.objects.queue(name, user, visible))}
            for name, queue in QUEUES.items() if user.has_perm(queue.perm)]
    return [dict(entry) for entry in user.__dict__["_queue_counts"]]
