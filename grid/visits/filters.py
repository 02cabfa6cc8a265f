"""The visits list's filter; the queryset given to it is already scoped."""

import django_filters
from django.utils.translation import gettext_lazy as _

from grid.forms import micro_grid_choices
from grid.visits.models import Visit


class VisitFilter(django_filters.FilterSet):
    micro_grid = django_filters.ModelChoiceFilter(label=_("Micro-grid"), queryset=micro_grid_choices,
                                                  field_name="household__micro_grid")
    since = django_filters.DateFilter(label=_("From"), field_name="visited_on", lookup_expr="gte")
    until = django_filters.DateFilter(label=_("Until"), field_name="visited_on", lookup_expr="lte")

    class Meta:
        model = Visit
        fields = []
