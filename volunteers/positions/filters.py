"""Filters of the staff's position lists; the querysets given to them are already scoped."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from grid.forms import grid_choices
from nanjie.filtering import YesNoFilter
from volunteers.positions.models import WEEKDAYS, DutyShift, Inspection, Position

FLAGS = [("expired", _("First-aid kit expired")), ("uninspected", _("Not inspected this month")),
         ("any", _("Anything to see to"))]


class PositionFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Position.Kind.choices)
    grid = django_filters.ModelChoiceFilter(label=_("Grid"), queryset=grid_choices, field_name="micro_grid__parent")
    flag = django_filters.ChoiceFilter(label=_("Needs attention"), choices=FLAGS, method="flagged")

    class Meta:
        model = Position
        fields = []

    def flagged(self, queryset, name, value):
        stations = queryset.filter(kind=Position.Kind.RED_STATION, active=True)
        if value == "expired":
            return stations.filter(kit_expired=True)
        if value == "uninspected":
            return stations.filter(inspected=False)
        return stations.filter(Q(kit_expired=True) | Q(inspected=False))


class InspectionFilter(django_filters.FilterSet):
    grid = django_filters.ModelChoiceFilter(label=_("Grid"), queryset=grid_choices,
                                            field_name="position__micro_grid__parent")
    open = YesNoFilter(label=_("Something still missing"), method="still_missing")

    class Meta:
        model = Inspection
        fields = []

    def still_missing(self, queryset, name, value):
        missing = Q(fixed_on__isnull=True) & ~Q(missing="")
        return queryset.filter(missing) if value else queryset.exclude(missing)


class RosterFilter(django_filters.FilterSet):
    weekday = django_filters.ChoiceFilter(label=_("Weekday"), choices=WEEKDAYS)
    part = django_filters.ChoiceFilter(label=_("Part of the day"), choices=DutyShift.Part.choices)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Position.Kind.choices, field_name="position__kind")

    class Meta:
        model = DutyShift
        fields = []
