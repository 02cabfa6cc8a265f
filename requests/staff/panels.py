"""The /me/ panel of the warm-heart loop: the user's work queues with counts, overdue first for the branch."""

from requests.lifecycle.models import Request
from requests.lifecycle.queues import queues_for

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
