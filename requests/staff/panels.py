"""The /me/ panel of the warm-heart loop: the user's work queues with counts, overdue first for the branch."""

from requests.lifecycle.models import Request
from requests.lifecycle.queues import QUEUES, queues_for

OVERDUE_SHOWN = 5


def queues_panel(request):
    user = request.user
    queues = [q for q in queues_for(user) if q["name"] != "all"]
    if not queues:
        return None
    overdue = next((q["count"] for q in queues if q["name"] == "overdue"), 0)
    branch = user.has_perm("requests.publicise_request")
    latest = []
    if branch and overdue:
        latest = list(Request.objects.visible_to(user).overdue()
                      .select_related("category", "micro_grid", "unit", "acceptor")
                      .order_by("deadline", "pk")[:OVERDUE_SHOWN])
    return {
        "template": "requests/staff/_panel.html", "queues": queues,
        # The branch admin answers for deadlines: the overdue count heads their panel.
        "overdue": overdue if branch else 0, "overdue_rows": latest,
        "can_record": user.has_perm("requests.record_request"),
    }


FIRST_SHOWN = 5
# role → the queues that are its own work, in the order it does them (the rest stays in the panel below).
FIRST_QUEUES = (("requests.dispatch_request", ("dispatch",)), ("requests.accept_request", ("accept", "mine")),
                ("requests.publicise_request", ("publicise",)))


def first_panel(request):
    """The top of /me/ (issue 16, role first): the chairman's 待派单, a unit member's to accept and mine to close,
    the branch's to publicise, each with its first rows. A grid worker's own work is the grid's panels."""
    from partners.meeting.models import DutyRota

    user = request.user
    names = []
    for permission, queues in FIRST_QUEUES:
        if user.has_perm(permission):
            names += [name for name in queues if name not in names]
    if "dispatch" in names and user.has_perm("requests.publicise_request"):
        names.remove("dispatch")  # the branch dispatches only when the chairman cannot: not its first work
    if not names:
        return None
    visible = Request.objects.visible_to(user)
    sections = []
    for name in names:
        wishes = Request.objects.queue(name, user, visible).select_related("category", "micro_grid", "unit",
                                                                           "acceptor")
        rows = list(wishes.order_by(*QUEUES[name].order)[:FIRST_SHOWN + 1])
        sections.append({"name": name, "label": QUEUES[name].label, "rows": rows[:FIRST_SHOWN],
                         "more": len(rows) > FIRST_SHOWN})
    on_duty = None
    if "dispatch" in names:
        chairman = DutyRota.chairman_for()
        on_duty = {"name": chairman.person.name if chairman else "",
                   "is_me": chairman is not None and chairman.person.user_id == user.pk}
    return {"template": "requests/staff/_panel_first.html", "sections": sections, "on_duty": on_duty}
