"""The work-queue filter: every queryset given to it is already scoped by Request.objects.visible_to(user)."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from grid.territory.models import GridNode
from nanjie.filtering import YesNoFilter
from partners.units.models import Category, Unit
from requests.lifecycle.models import Request

ALL = _("All")


def places(request):
    """The grids of the community the user can see; choosing one filters its whole subtree.

    Grids only: with every micro-grid too, the branch admin's queue rendered 275 <option>s (most of the page's
    time) and, at county scale, 21,000.
    """
    if request is None:
        return GridNode.objects.none()
    return (GridNode.objects.working_area(request.user)
            .filter(kind=GridNode.Kind.GRID).order_by("tree_id", "lft"))


class RequestFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Reference or words"), method="search")
    state = django_filters.ChoiceFilter(label=_("State"), choices=Request.State.choices, empty_label=ALL)
    place = django_filters.ModelChoiceFilter(label=_("Grid"), queryset=places, method="in_subtree",
                                             to_field_name="code", empty_label=ALL)
    unit = django_filters.ModelChoiceFilter(label=_("Unit"), queryset=Unit.objects.all(), empty_label=ALL)
    category = django_filters.ModelChoiceFilter(label=_("Category"), queryset=Category.objects.all(),
                                                empty_label=ALL)
    channel = django_filters.ChoiceFilter(label=_("Channel"), choices=Request.Channel.choices, empty_label=ALL)
    overdue = YesNoFilter(label=_("Overdue"), method="only_overdue")
    since = django_filters.DateFilter(label=_("Ordered from"), field_name="ordered_at", lookup_expr="date__gte",
                                      widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    until = django_filters.DateFilter(label=_("Ordered until"), field_name="ordered_at", lookup_expr="date__lte",
                                      widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    class Meta:
        model = Request
        fields = []

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(reference__iexact=value) | Q(text__icontains=value))

    def in_subtree(self, queryset, name, node):
        return queryset.filter(micro_grid__in=GridNode.objects.subtree_of([node]))

    def only_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = queryset.overdue()
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))
