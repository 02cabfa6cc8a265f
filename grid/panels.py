"""The /me/ panel of the branch's field-work figures for this year, counted from the records (the article's 26,
100, …): disputes resolved in the community, active pairs, three-ways services, open whistles."""

from django.utils import timezone

from grid.assistance.models import AssistancePair, ServiceRecord
from grid.disputes.models import Dispute
from grid.teams.models import Whistle


def figures_panel(request):
    user = request.user
    if not (user.has_perm("grid.view_all_grids") and user.has_perm("grid.view_dispute")):
        return None
    year = timezone.localdate().year
    return {"template": "grid/_panel_figures.html", "year": year,
            "resolved": Dispute.objects.visible_to(user).resolved_in_community(year).count(),
            "pairs": AssistancePair.objects.visible_to(user).active().count(),
            "services": ServiceRecord.objects.visible_to(user).filter(done_on__year=year).count(),
            "open_whistles": Whistle.objects.visible_to(user).open().count()}
