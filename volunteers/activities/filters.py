"""The activity lists' filters: when, team colour, grid, activity day or ordinary; the public past list by year."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grid.forms import grid_choices
from volunteers.activities.models import Activity
from volunteers.teams.models import Team

WHEN = [("upcoming", _("From today on")), ("past", _("Before today")), ("all", _("All dates"))]
KIND = [("day", _("Activity day")), ("ordinary", _("Ordinary activity"))]


class ActivityFilter(django_filters.FilterSet):
    when = django_filters.ChoiceFilter(label=_("When"), choices=WHEN, method="in_time", empty_label=None)
    colour = django_filters.ChoiceFilter(label=_("Team colour"), choices=Team.Colour.choices)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=KIND, method="of_kind")
    state = django_filters.ChoiceFilter(label=_("State"), choices=Activity.State.choices)
    grid = django_filters.ModelChoiceFilter(label=_("Grid"), queryset=grid_choices, method="in_grid")

    class Meta:
        model = Activity
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        data = data.copy() if data is not None else None
        if data is not None and not data.get("when"):
            data["when"] = "upcoming"
        super().__init__(data, *args, **kwargs)

    def in_time(self, queryset, name, value):
        today = timezone.localdate()
        if value == "upcoming":
            return queryset.filter(ends__date__gte=today).order_by("starts", "pk")
        if value == "past":
            return queryset.filter(ends__date__lt=today).order_by("-starts", "-pk")
        return queryset.order_by("-starts", "-pk")

    def of_kind(self, queryset, name, value):
        return queryset.filter(plan__isnull=(value == "ordinary"))

    def in_grid(self, queryset, name, value):
        return queryset.filter(pk__in=Activity.objects.filter(grids=value).values("pk"))


def year_choices():
    this_year = timezone.localdate().year
    return [(year, str(year)) for year in range(this_year, this_year - 5, -1)]


class PastFilter(django_filters.FilterSet):
    year = django_filters.TypedChoiceFilter(label=_("Year"), choices=year_choices, coerce=int, method="in_year")
    colour = django_filters.ChoiceFilter(label=_("Team colour"), choices=Team.Colour.choices, field_name="team__colour")

    class Meta:
        model = Activity
        fields = []

    def in_year(self, queryset, name, value):
        return queryset.filter(starts__year=value)
