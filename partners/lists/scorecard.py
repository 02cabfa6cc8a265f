"""The claims half of a unit's scorecard (partners/meeting/scorecard.py shows it): claims made, still held,
delivered and verified, and the median days from claim to delivery. Each figure is a Rate with its numerator,
denominator and the claims list (filtered to the unit and the state) behind each; one query."""

from statistics import median

from django.utils import timezone

from partners.lists.claims import Claim
from partners.lists.rates import Rate, _url


def claims_figures(unit):
    rows = list(Claim.objects.filter(unit=unit).order_by().values_list("state", "claimed_at", "delivered_on"))
    states = [state for state, _claimed, _delivered in rows]
    active = sum(state != Claim.State.WITHDRAWN for state in states)
    delivered = sum(state in Claim.DELIVERED_STATES for state in states)
    verified = states.count(Claim.State.VERIFIED)
    days = [(on - timezone.localdate(at)).days for state, at, on in rows if state in Claim.DELIVERED_STATES and on]
    made_url, active_url = _url("partners:claims", unit=unit.pk), _url("partners:claims", unit=unit.pk, active="yes")
    delivered_url = _url("partners:claims", unit=unit.pk, delivered="yes")
    return {
        "claimed": Rate(active, len(rows), active_url, made_url),
        "delivered": Rate(delivered, active, delivered_url, active_url),
        "verified": Rate(verified, delivered, _url("partners:claims", unit=unit.pk, state="verified"), delivered_url),
        "withdrawn": Rate(len(rows) - active, len(rows), _url("partners:claims", unit=unit.pk, active="no"), made_url),
        "median_days": median(days) if days else None, "median_of": len(days), "median_url": delivered_url,
    }
