"""The /me/ panel of the warm-heart loop: the user's work queues with counts, overdue first for the branch."""

from requests.views_staff import queues_for


def panels(request):
    user = request.user
    queues = [q for q in queues_for(user) if q["name"] != "all"]
    if not queues:
        return []
    overdue = next((q["count"] for q in queues if q["name"] == "overdue"), 0)
    return [{
        "template": "requests/staff/_panel.html", "queues": queues,
        # The branch admin answers for deadlines: the overdue count heads their panel.
        "overdue": overdue if user.has_perm("requests.publicise_request") else 0,
        "can_record": user.has_perm("requests.record_request"),
    }]
