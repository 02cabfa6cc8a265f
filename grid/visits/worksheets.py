"""Visit worksheets (走访工作单): per grid, the households due a visit, printed on A4 with blank lines to fill in.

A household is due when it has not been visited for NANJIE_VISIT_STALE_DAYS days (never visited included): the
same rule as the coverage page's "not visited recently". A worker's sheets hold only the micro-grids they cover
(their posts' micro-grids); staff without such posts get their scope. Printed in address order, the order a
worker walks a compound in. Phones are masked on paper: a sheet is carried around and can be lost, the full
number stays on the household page behind the login.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef
from django.utils import timezone

from grid.households.models import Household, stale_days
from grid.territory.models import GridNode
from grid.visits import coverage
from grid.visits.models import Visit
from nanjie.masking import mask_phone
from nanjie.paging import CAP


@dataclass
class Sheet:
    micro_grid: GridNode
    households: list = field(default_factory=list)


def micro_grids_of(user):
    """The micro-grids a user prints worksheets for: those they cover by their posts, else their working area."""
    own = coverage.own_micro_grids(user)
    if own.exists():
        return own
    return GridNode.objects.working_area(user).filter(kind=GridNode.Kind.MICRO_GRID)


def index(user):
    """[(grid, [Coverage of each micro-grid])] of the user's micro-grids, grids in code order."""
    grids = {}
    for item in coverage.by_micro_grid(user, micro_grids_of(user)):
        grids.setdefault(item.node.parent_id, (item.node.parent, []))[1].append(item)
    return sorted(grids.values(), key=lambda entry: entry[0].code)


def due(user, grid):
    """The households of `grid`'s micro-grids (the user's only) not visited for stale_days, capped at CAP + 1 rows."""
    since = timezone.localdate() - datetime.timedelta(days=stale_days())
    recent = Visit.objects.filter(household=OuterRef("pk"), visited_on__gte=since)
    return (Household.objects.visible_to(user).filter(micro_grid__in=micro_grids_of(user), micro_grid__parent=grid)
            .exclude(Exists(recent)).with_last_visit().select_related("micro_grid").prefetch_related("tags")
            .order_by("micro_grid__code", "compound", "building", "unit_number", "room", "pk")[:CAP + 1])


def sheets(user, grid):
    """One Sheet per micro-grid with households due, and whether the list was cut at CAP."""
    households = list(due(user, grid))
    cut = len(households) > CAP
    by_micro = {}
    for household in households[:CAP]:
        household.masked_phone = mask_phone(household.contact_phone)
        by_micro.setdefault(household.micro_grid_id, Sheet(household.micro_grid)).households.append(household)
    return list(by_micro.values()), cut
