"""The dispute register's filter; the queryset given to it is already scoped."""

import django_filters
from django.utils.translation import gettext_lazy as _

from grid.disputes.models import Dispute
from grid.forms import grid_choices


class DisputeFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(label=_("State"), choices=Dispute.State.choices)
    kind = django_filters.ChoiceFilter(label=_("Type"), choices=Dispute.Kind.choices)
    grid = django_filters.ModelChoiceFilter(label=_("Grid"), queryset=grid_choices, field_name="micro_grid__parent")

    class Meta:
        model = Dispute
        fields = []
