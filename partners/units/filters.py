import django_filters
from django.utils.translation import gettext_lazy as _

from partners.units.models import Category, Unit


class UnitFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Unit.Kind.choices, empty_label=_("All kinds"))
    duty = django_filters.ModelChoiceFilter(
        label=_("Handles"), field_name="duties", queryset=Category.objects.filter(active=True),
        empty_label=_("All matters"),
    )

    class Meta:
        model = Unit
        fields = ["kind", "duty"]
