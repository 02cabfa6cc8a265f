"""The /me/ panel of the stations: an expired first-aid kit, or no inspection yet this month."""

from django.utils import timezone

from volunteers.positions.models import Position

SHOWN = 8


def stations_panel(request):
    user = request.user
    if not user.has_perm("volunteers.view_inspection"):
        return None
    flagged = list(Position.objects.visible_to(user).flagged().select_related("micro_grid").order_by("name", "pk")
                   [:SHOWN + 1])
    if not flagged:
        return None
    return {"template": "volunteers/positions/_panel_stations.html", "stations": flagged[:SHOWN],
            "more": len(flagged) > SHOWN, "month": timezone.localdate().replace(day=1)}
