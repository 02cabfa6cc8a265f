"""Panels for /me/: open whistles first, then coverage of the worker's micro-grids, then pairs due."""

import datetime

from django.db.models import Exists, OuterRef
from django.utils import timezone

from grid import field_coverage
from grid.models import AssistancePair, Dispute, Household, ServiceRecord, Whistle, WhistleReport
from grid.models.households import stale_days

STALE_SHOWN = 5


def _stale(households):
    limit = timezone.localdate() - datetime.timedelta(days=stale_days())
    oldest = households.select_related("micro_grid").stale_first()[:STALE_SHOWN]
    return [h for h in oldest if h.last_visit is None or h.last_visit < limit]


def panels(request):
    user = request.user
    result = []
    mine = WhistleReport.objects.filter(whistle=OuterRef("pk"), person__user=user)
    whistles = list(Whistle.objects.visible_to(user).open().select_related("grid")
                    .annotate(reported=Exists(mine)).order_by("-blown_at")[:10])
    if whistles:
        result.append({"template": "grid/field/_panel_whistles.html", "whistles": whistles})
    if user.has_perm("grid.view_household"):
        own = field_coverage.own_micro_grids(user)
        micro = field_coverage.by_micro_grid(user, own if own.exists() else None)
        if micro:
            scope = Household.objects.visible_to(user).filter(micro_grid__in=[c.node.pk for c in micro])
            result.append({"template": "grid/field/_panel_coverage.html", "total": field_coverage.total(micro),
                           "micro": micro if len(micro) <= 12 else [], "stale_days": stale_days(),
                           "stale": _stale(scope),
                           "month": field_coverage.month_start()})
    if user.has_perm("grid.view_all_grids") and user.has_perm("grid.view_dispute"):
        result.append(_figures(user))
    person = getattr(user, "person", None)
    if person is not None:
        pairs = list(AssistancePair.objects.active().filter(helper=person).with_next_due()
                     .select_related("household__micro_grid"))
        today = timezone.localdate()
        pending = sorted((p for p in pairs if p.due_state(today) != "ok"), key=lambda p: p.next_due())
        if pairs:
            result.append({"template": "grid/field/_panel_pairs.html", "pairs": pending, "count": len(pairs),
                           "today": today})
    return result


def _figures(user):
    """The branch's field-work figures for this year, counted from the records (the article's 26, 100, …)."""
    year = timezone.localdate().year
    services = ServiceRecord.objects.visible_to(user).filter(done_on__year=year)
    return {"template": "grid/field/_panel_figures.html", "year": year,
            "resolved": Dispute.objects.visible_to(user).resolved_in_community(year).count(),
            "pairs": AssistancePair.objects.visible_to(user).active().count(),
            "services": services.count(), "open_whistles": Whistle.objects.visible_to(user).open().count()}
