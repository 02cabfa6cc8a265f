"""The login list's filter; the queryset given to it is already scoped."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from grid.forms import grid_choices
from grid.people.models import Person
from nanjie.filtering import YesNoFilter


class LoginFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name or login name"), method="search")
    has_login = YesNoFilter(label=_("Has a login"), field_name="user", lookup_expr="isnull", exclude=True)
    active = YesNoFilter(label=_("Login active"), field_name="user__is_active")
    grid = django_filters.ModelChoiceFilter(label=_("Grid"), queryset=grid_choices, method="in_grid")

    class Meta:
        model = Person
        fields = []

    def search(self, queryset, name, value):
        value = value.strip()[:50]
        return queryset.filter(Q(name__icontains=value) | Q(user__username__icontains=value)) if value else queryset

    def in_grid(self, queryset, name, grid):
        # Ids first: a person with two posts in the grid would otherwise be listed twice.
        return queryset.filter(pk__in=grid.posts.values("person_id"))
