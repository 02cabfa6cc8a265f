"""The on-duty chairman's /me/ panel: decisions past their deadline, and the next meeting."""

from django.utils import timezone

from partners.meeting.models import Decision, DutyRota, Meeting

SHOWN = 8


def chairman_panel(request):
    chairman = DutyRota.chairman_for()
    if chairman is None or chairman.person.user_id != request.user.pk:
        return None
    overdue = Decision.objects.overdue().select_related("unit", "item__meeting").order_by("deadline", "pk")
    upcoming = Meeting.objects.filter(held_on__gte=timezone.localdate()).order_by("held_on", "pk").first()
    return {"template": "partners/meeting/_panel.html", "overdue": list(overdue[:SHOWN]),
            "overdue_count": overdue.count(), "upcoming": upcoming}
