"""django-filter sets for the field-work lists; every queryset given to them is already scoped."""

import datetime
import re

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grid.models import AssistancePair, Dispute, GridNode, Household, ServiceRecord, SpecialGroup, Visit, Whistle
from grid.models.households import stale_days

ADDRESS_SUFFIX = re.compile(r"^(.+?)(幢|栋|号楼|楼|单元|室|号)$")
SUFFIX_FIELD = {"幢": "building", "栋": "building", "号楼": "building", "楼": "building", "单元": "unit_number",
                "室": "room", "号": "room"}


def address_query(text):
    """"3幢 201", "3-2-201" or "张": "3幢" means building 3, a bare number may be building, unit or room."""
    dashed = re.fullmatch(r"\s*(\d+)-(\d+)(?:-(\d+))?\s*", text)
    if dashed:  # 3-201 is building 3, room 201; 3-2-201 is building 3, unit 2, room 201
        building, middle, last = dashed.groups()
        return Q(building=building, room=last or middle, **({"unit_number": middle} if last else {}))
    condition = Q()
    for term in re.split(r"[\s\-—/,，]+", text.strip()):
        marked = ADDRESS_SUFFIX.match(term)
        if marked and marked.group(1).isdigit():
            condition &= Q(**{SUFFIX_FIELD[marked.group(2)]: marked.group(1)})
        elif term.isdigit():
            condition &= Q(building=term) | Q(room=term) | Q(unit_number=term)
        elif term:
            condition &= Q(contact_name__icontains=term) | Q(compound__icontains=term) | Q(building=term)
    return condition


def micro_grids(request):
    if request is None:
        return GridNode.objects.none()
    return GridNode.objects.visible_to(request.user).filter(kind=GridNode.Kind.MICRO_GRID).order_by("code")


def grids(request):
    if request is None:
        return GridNode.objects.none()
    return GridNode.objects.visible_to(request.user).filter(kind=GridNode.Kind.GRID).order_by("code")


class HouseholdFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Building and room, or name"), method="search")
    micro_grid = django_filters.ModelChoiceFilter(label=_("Micro-grid"), queryset=micro_grids)
    grid = django_filters.ModelChoiceFilter(label=_("Grid"), queryset=grids, field_name="micro_grid__parent")
    group = django_filters.ChoiceFilter(label=_("Special group"), choices=SpecialGroup.choices,
                                        field_name="tags__group")
    stale = django_filters.BooleanFilter(label=_("Not visited recently"), method="not_visited")

    class Meta:
        model = Household
        fields = []

    def search(self, queryset, name, value):
        return queryset.filter(address_query(value))

    def not_visited(self, queryset, name, value):
        if value is None:
            return queryset
        since = timezone.localdate() - datetime.timedelta(days=stale_days())
        recent = Visit.objects.filter(visited_on__gte=since).values("household")
        return queryset.exclude(pk__in=recent) if value else queryset.filter(pk__in=recent)


class VisitFilter(django_filters.FilterSet):
    micro_grid = django_filters.ModelChoiceFilter(label=_("Micro-grid"), queryset=micro_grids,
                                                  field_name="household__micro_grid")
    since = django_filters.DateFilter(label=_("From"), field_name="visited_on", lookup_expr="gte")
    until = django_filters.DateFilter(label=_("Until"), field_name="visited_on", lookup_expr="lte")

    class Meta:
        model = Visit
        fields = []


class PairFilter(django_filters.FilterSet):
    grid = django_filters.ModelChoiceFilter(label=_("Grid"), queryset=grids,
                                            field_name="household__micro_grid__parent")
    helper_kind = django_filters.ChoiceFilter(label=_("Helper is"), choices=AssistancePair.HelperKind.choices)
    mine = django_filters.BooleanFilter(label=_("Only my pairs"), method="only_mine")

    class Meta:
        model = AssistancePair
        fields = ["active"]

    def only_mine(self, queryset, name, value):
        return queryset.filter(helper__user=self.request.user) if value else queryset


class ServiceFilter(django_filters.FilterSet):
    way = django_filters.ChoiceFilter(label=_("Way"), choices=ServiceRecord.Way.choices)
    grid = django_filters.ModelChoiceFilter(label=_("Grid"), queryset=grids,
                                            field_name="household__micro_grid__parent")
    year = django_filters.NumberFilter(label=_("Year"), field_name="done_on__year", min_value=1900, max_value=9999)

    class Meta:
        model = ServiceRecord
        fields = []


class DisputeFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(label=_("State"), choices=Dispute.State.choices)
    kind = django_filters.ChoiceFilter(label=_("Type"), choices=Dispute.Kind.choices)
    grid = django_filters.ModelChoiceFilter(label=_("Grid"), queryset=grids, field_name="micro_grid__parent")

    class Meta:
        model = Dispute
        fields = []


class WhistleFilter(django_filters.FilterSet):
    open = django_filters.BooleanFilter(label=_("Still open"), field_name="closed_at", lookup_expr="isnull")
    urgency = django_filters.ChoiceFilter(label=_("Urgency"), choices=Whistle.Urgency.choices)

    class Meta:
        model = Whistle
        fields = []
