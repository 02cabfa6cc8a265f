import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nanjie.filtering import YesNoFilter
from partners.meeting.models import Decision, Meeting
from partners.units.models import Unit


def _years():
    this = timezone.localdate().year
    return [(year, str(year)) for year in range(this, this - 5, -1)]


class MeetingFilter(django_filters.FilterSet):
    year = django_filters.ChoiceFilter(label=_("Year"), field_name="held_on__year", choices=_years,
                                       empty_label=_("All years"))
    confirmed = YesNoFilter(label=_("Minutes confirmed"), field_name="minutes_confirmed_at",
                                             lookup_expr="isnull", exclude=True)

    class Meta:
        model = Meeting
        fields = ["year", "confirmed"]


class DecisionFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(label=_("State"), choices=Decision.State.choices, empty_label=_("Any state"))
    unit = django_filters.ModelChoiceFilter(label=_("Unit responsible"), queryset=Unit.objects.order_by("name"),
                                            empty_label=_("All units"))
    overdue = YesNoFilter(label=_("Overdue"), method="filter_overdue")

    class Meta:
        model = Decision
        fields = ["state", "unit", "overdue"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = Decision.objects.overdue().values("pk")
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)
