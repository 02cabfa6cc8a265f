"""The /me/ panel of the theory tutors: mobile members not contacted for 30 days, the tutor's own (a tutor's
home) or all of them (the branch's, who see every member's contact)."""

from volunteers.study.models import MobileMember

SHOWN = 8


def overdue_panel(request):
    user = request.user
    person = getattr(user, "person", None)
    members = MobileMember.objects.overdue().select_related("person", "tutor")
    if not user.has_perm("volunteers.view_mobile_contact"):
        if person is None:
            return None
        members = members.filter(tutor=person)
    flagged = list(members.order_by("last_contact", "person__name", "pk")[:SHOWN + 1])
    if not flagged:
        return None
    return {"template": "volunteers/study/_panel_overdue.html", "members": flagged[:SHOWN],
            "more": len(flagged) > SHOWN}
