"""Claim rate (认领率) and fulfilment rate of a list, per unit and per grid: named queryset methods that give the
numerator, the denominator and, for each, the drill-down list behind it (a filtered staff list).

Each method costs a fixed number of queries whatever the number of items, grids or units.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone


@dataclass(frozen=True)
class Rate:
    numerator: int
    denominator: int
    numerator_url: str = ""
    denominator_url: str = ""

    @property
    def percent(self):
        return round(100 * self.numerator / self.denominator) if self.denominator else None


def _url(name, **query):
    query = {key: value for key, value in query.items() if value not in (None, "")}
    return reverse(name) + (f"?{urlencode(query)}" if query else "")


class RatesMixin:
    claim_path = None  # "need" or "project": how a claim names this list's items

    @property
    def list_url_name(self):
        return f"partners:{self.claim_path}s_manage"

    def _claims(self):
        from partners.lists.claims import Claim

        return Claim.objects.filter(**{f"{self.claim_path}__in": self.values("pk")}).active()

    def claimed(self):
        """Items with at least one claim that holds slots (claimed, delivered or verified)."""
        from partners.lists.claims import Claim

        return self.filter(Exists(Claim.objects.active().filter(**{self.claim_path: OuterRef("pk")})))

    def unclaimed(self):
        from partners.lists.claims import Claim

        return self.exclude(Exists(Claim.objects.active().filter(**{self.claim_path: OuterRef("pk")})))

    def fulfilled(self):
        return self.filter(state="fulfilled")

    def fulfilled_in(self, year=None):
        """Fulfilled (its claims verified) in a year: the article's "15 needs fulfilled" is this, this year."""
        return self.fulfilled().filter(fulfilled_at__year=year or timezone.localdate().year)

    def claim_rate(self, **query):
        return Rate(self.claimed().count(), self.count(), _url(self.list_url_name, claimed="yes", **query),
                    _url(self.list_url_name, **query))

    def fulfilment_rate(self, **query):
        return Rate(self.fulfilled().count(), self.count(), _url(self.list_url_name, state="fulfilled", **query),
                    _url(self.list_url_name, **query))

    def rates_per_grid(self, grids):
        """[(grid, claim Rate, fulfilment Rate)] over each grid's subtree; three queries."""
        from partners.lists.claims import Claim

        node = "grid" if self.claim_path == "need" else "grids"
        claimed = set(Claim.objects.active().filter(**{f"{self.claim_path}__in": self.values("pk")})
                      .values_list(self.claim_path, flat=True))
        rows = list(self.order_by().values_list("pk", f"{node}__tree_id", f"{node}__lft", "state"))
        out = []
        for grid in grids:
            inside = {pk: state for pk, tree, lft, state in rows
                      if tree == grid.tree_id and grid.lft <= lft <= grid.rght}
            total = len(inside)
            out.append((grid,
                        Rate(len(claimed & inside.keys()), total,
                             _url(self.list_url_name, claimed="yes", grid=grid.pk), _url(self.list_url_name,
                                                                                         grid=grid.pk)),
                        Rate(sum(1 for state in inside.values() if state == "fulfilled"), total,
                             _url(self.list_url_name, state="fulfilled", grid=grid.pk),
                             _url(self.list_url_name, grid=grid.pk))))
        return out

    def rates_per_unit(self, units):
        """[(unit, claim Rate, fulfilment Rate)]: the share of this list the unit claimed, and how many of its
        claims were verified; two queries."""
        total = self.count()
        counts = {row["unit"]: row for row in self._claims().order_by().values("unit").annotate(
            items=Count(self.claim_path, distinct=True), claims=Count("pk"),
            verified=Count("pk", filter=Q(state="verified")))}
        out = []
        for unit in units:
            row = counts.get(unit.pk, {"items": 0, "claims": 0, "verified": 0})
            out.append((unit,
                        Rate(row["items"], total, _url(self.list_url_name, unit=unit.pk), _url(self.list_url_name)),
                        Rate(row["verified"], row["claims"],
                             _url("partners:claims", unit=unit.pk, state="verified", kind=self.claim_path),
                             _url("partners:claims", unit=unit.pk, active="yes", kind=self.claim_path))))
        return out
