"""The /me/ panel of a helper's pairs: those due or overdue for a contact, soonest first."""

from django.utils import timezone

from grid.assistance.models import AssistancePair


def pairs_panel(request):
    person = getattr(request.user, "person", None)
    if person is None:
        return None
    pairs = list(AssistancePair.objects.active().filter(helper=person).with_next_due()
                 .select_related("household__micro_grid"))
    if not pairs:
        return None
    today = timezone.localdate()
    pending = sorted((p for p in pairs if p.due_state(today) != "ok"), key=lambda p: p.next_due())
    return {"template": "grid/assistance/_panel_pairs.html", "pairs": pending, "count": len(pairs), "today": today}
