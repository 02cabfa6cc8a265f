"""The whistles list's filter; the queryset given to it is already scoped."""

import django_filters
from django.utils.translation import gettext_lazy as _

from grid.teams.models import Whistle
from nanjie.filtering import YesNoFilter


class WhistleFilter(django_filters.FilterSet):
    open = YesNoFilter(label=_("Still open"), field_name="closed_at", lookup_expr="isnull")
    urgency = django_filters.ChoiceFilter(label=_("Urgency"), choices=Whistle.Urgency.choices)

    class Meta:
        model = Whistle
        fields = []
