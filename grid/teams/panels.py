"""The /me/ panel of whistles: the open whistles the user's scope or rosters reach, and whether they reported in."""

from django.db.models import Exists, OuterRef

from grid.teams.models import Whistle, WhistleReport


def whistles_panel(request):
    mine = WhistleReport.objects.filter(whistle=OuterRef("pk"), person__user=request.user)
    whistles = list(Whistle.objects.visible_to(request.user).open().select_related("grid")
                    .annotate(reported=Exists(mine)).order_by("-blown_at")[:10])
    return {"template": "grid/teams/_panel_whistles.html", "whistles": whistles} if whistles else None
