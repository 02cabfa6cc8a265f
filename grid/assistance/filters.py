"""Filters of the pairs and three-ways lists; the querysets given to them are already scoped."""

import django_filters
from django.utils.translation import gettext_lazy as _

from grid.assistance.models import AssistancePair, ServiceRecord
from grid.forms import grid_choices
from nanjie.filtering import YesNoFilter


class PairFilter(django_filters.FilterSet):
    grid = django_filters.ModelChoiceFilter(label=_("Grid"), queryset=grid_choices,
                                            field_name="household__micro_grid__parent")
    helper_kind = django_filters.ChoiceFilter(label=_("Helper is"), choices=AssistancePair.HelperKind.choices)
    mine = YesNoFilter(label=_("Only my pairs"), method="only_mine")
    active = YesNoFilter(label=AssistancePair._meta.get_field("active").verbose_name)

    class Meta:
        model = AssistancePair
        fields = []

    def only_mine(self, queryset, name, value):
        return queryset.filter(helper__user=self.request.user) if value else queryset


class ServiceFilter(django_filters.FilterSet):
    way = django_filters.ChoiceFilter(label=_("Way"), choices=ServiceRecord.Way.choices)
    grid = django_filters.ModelChoiceFilter(label=_("Grid"), queryset=grid_choices,
                                            field_name="household__micro_grid__parent")
    year = django_filters.NumberFilter(label=_("Year"), field_name="done_on__year", min_value=1900, max_value=9999)

    class Meta:
        model = ServiceRecord
        fields = []
