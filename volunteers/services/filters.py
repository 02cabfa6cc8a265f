"""The residents' "services in the next 7 days": which service, and near which place (a grid or micro-grid,
found by the names residents know: their compound, building or resident group)."""

import django_filters
from django import forms
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import gettext_lazy as _

from grid.territory.models import GridNode
from volunteers.positions.models import Position
from volunteers.services.models import ServiceRule
from volunteers.sessions.models import Session

PLACES_SHOWN = 12
# How near a session's position is to the resident's place: the headings of the page, in this order.
NEAR_MICRO_GRID, NEAR_GRID, AT_CENTRE, ELSEWHERE = 0, 1, 2, 3
DISTANCES = {NEAR_MICRO_GRID: _("Where you live"), NEAR_GRID: _("In your grid"),
             AT_CENTRE: _("At the party-mass service centre"), ELSEWHERE: _("Elsewhere in the community")}


def place_of(code):
    """The community's grid or micro-grid with this code, or None."""
    code = (code or "").strip().upper()[:32]
    if not code:
        return None
    return (GridNode.objects.of_community().filter(code=code, kind__in=[GridNode.Kind.GRID, GridNode.Kind.MICRO_GRID])
            .select_related("parent").first())


def find_places(text):
    """Grids and micro-grids whose name or description holds what the resident typed ("栋川花园", "3幢", "居民2组")."""
    text = " ".join((text or "").split())[:30]
    if not text:
        return []
    found = GridNode.objects.of_community().filter(kind__in=[GridNode.Kind.GRID, GridNode.Kind.MICRO_GRID])
    for word in text.split(" ")[:3]:
        found = found.filter(Q(name__icontains=word) | Q(description__icontains=word))
    return list(found.select_related("parent").order_by("tree_id", "lft")[:PLACES_SHOWN + 1])


def with_distance(sessions, place):
    """Annotate `distance` (the headings above) from the resident's place; without one, everything is "elsewhere"
    except the centre."""
    micro = place.pk if place is not None and place.kind == GridNode.Kind.MICRO_GRID else None
    grid = (place.parent_id if micro else place.pk) if place is not None else None
    whens = []
    if micro:
        whens.append(When(rule__position__micro_grid_id=micro, then=Value(NEAR_MICRO_GRID)))
    if grid:
        whens.append(When(rule__position__micro_grid__parent_id=grid, then=Value(NEAR_GRID)))
    whens.append(When(rule__position__kind=Position.Kind.CENTRE, then=Value(AT_CENTRE)))
    return sessions.annotate(distance=Case(*whens, default=Value(ELSEWHERE), output_field=IntegerField()))


class ServiceFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label=_("Which service"), choices=ServiceRule.Kind.choices,
                                       field_name="rule__kind", empty_label=_("All services"))
    near = django_filters.CharFilter(widget=forms.HiddenInput, method="near_place")

    class Meta:
        model = Session
        fields = []

    def near_place(self, queryset, name, value):
        return queryset  # the ordering by distance is the view's: it needs the place for the headings too
