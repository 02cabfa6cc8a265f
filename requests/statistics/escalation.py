"""Escalation: requests overdue by NANJIE_ESCALATE_WORKDAYS Chinese working days or more, on the branch's /me/.

The joint meeting's agenda (another package) can list the same queryset, `escalated()`, when it lands.
"""

from django.conf import settings

from requests.lifecycle.models import Request

SHOWN = 10


def escalated(user=None):
    """Open requests at least N working days past their deadline, longest overdue first (scoped to `user`)."""
    requests = Request.objects.visible_to(user) if user is not None else Request.objects.all()
    return requests.overdue_by(settings.NANJIE_ESCALATE_WORKDAYS).order_by("deadline", "pk")


def escalation_panel(request):
    if not request.user.has_perm("requests.publicise_request"):
        return None
    rows = list(escalated(request.user).select_related("category", "micro_grid", "unit", "acceptor")[:SHOWN + 1])
    if not rows:
        return None
    return {"template": "requests/statistics/_panel_escalation.html", "rows": rows[:SHOWN],
            "more": len(rows) > SHOWN, "workdays": settings.NANJIE_ESCALATE_WORKDAYS}
