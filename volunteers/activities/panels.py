"""The /me/ panel of activities: late entries (补录) waiting for a second person who may approve them."""

from volunteers.activities.models import Activity
from volunteers.activities.signups import SignUp

SHOWN = 8


def approvals_panel(request):
    user = request.user
    if not user.has_perm("volunteers.change_activity"):
        return None
    pending = list(SignUp.objects.filter(hours_state=SignUp.Hours.PENDING,
                                         activity__in=Activity.objects.visible_to(user))
                   .exclude(late_entered_by=user).select_related("activity", "person")
                   .order_by("activity__starts", "pk")[:SHOWN + 1])
    if not pending:
        return None
    return {"template": "volunteers/activities/_panel_approvals.html", "pending": pending[:SHOWN],
            "more": len(pending) > SHOWN}
