"""The lists' filters. Every queryset given to them is already scoped (visible_to); the rates' drill-down links
are these filters' parameters (rates.py)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from grid.territory.models import GridNode
from partners.lists.claims import Claim
from partners.lists.models import Need, Project, Resource
from partners.units.models import Category, Unit

ALL = _("All")
YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def grids(request):
    """The grids of the community on the public lists (they name grids, never anything finer) and for those who
    see every list row (units claim anywhere); a grid worker's filter offers only the grids they serve."""
    found = GridNode.objects.of_community().filter(kind=GridNode.Kind.GRID).order_by("tree_id", "lft")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or user.has_perm("partners.view_all_lists"):
        return found
    return found.filter(pk__in=GridNode.objects.visible_to(user).values("pk"))


def _units(request):
    return Unit.objects.filter(active=True).order_by("kind", "name")


class ItemFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(label=_("State"), choices=Need.State.choices, empty_label=ALL)
    claimed = django_filters.ChoiceFilter(label=_("Claimed"), choices=YES_NO, method="by_claimed", empty_label=ALL)
    grid = django_filters.ModelChoiceFilter(label=_("Grid"), queryset=grids, method="in_grid", empty_label=ALL)
    unit = django_filters.ModelChoiceFilter(label=_("Claimed by"), queryset=_units, method="claimed_by",
                                            empty_label=ALL)
    node_path = "grid"

    def by_claimed(self, queryset, name, value):
        return queryset.claimed() if value == "yes" else queryset.unclaimed()

    def in_grid(self, queryset, name, node):
        found = queryset.filter(**{f"{self.node_path}__in": GridNode.objects.subtree_of([node])})
        return found.distinct() if self.node_path == "grids" else found

    def claimed_by(self, queryset, name, unit):
        path = "need" if queryset.model is Need else "project"
        return queryset.filter(pk__in=Claim.objects.active().filter(unit=unit).values(path))


class NeedFilter(ItemFilter):
    category = django_filters.ModelChoiceFilter(label=_("Category"), queryset=Category.objects.filter(active=True),
                                                empty_label=ALL)
    urgency = django_filters.ChoiceFilter(label=_("Urgency"), choices=Need.Urgency.choices, empty_label=ALL)

    class Meta:
        model = Need
        fields = []


class ProjectFilter(ItemFilter):
    behind = django_filters.ChoiceFilter(label=_("Behind schedule"), choices=YES_NO, method="by_behind",
                                         empty_label=ALL)
    node_path = "grids"

    class Meta:
        model = Project
        fields = []

    def by_behind(self, queryset, name, value):
        behind = Project.objects.behind_schedule().values("pk")
        return queryset.filter(pk__in=behind) if value == "yes" else queryset.exclude(pk__in=behind)


class PublicNeedFilter(django_filters.FilterSet):
    """The public list's filters: what a resident may ask of it (no unit drill-down needed)."""

    state = django_filters.ChoiceFilter(label=_("State"), choices=Need.State.choices[:2], empty_label=ALL)
    category = NeedFilter.base_filters["category"]
    grid = django_filters.ModelChoiceFilter(label=_("Grid"), queryset=grids, method="in_grid", empty_label=ALL)

    class Meta:
        model = Need
        fields = []

    def in_grid(self, queryset, name, node):
        return queryset.filter(grid__in=GridNode.objects.subtree_of([node]))


class ClaimFilter(django_filters.FilterSet):
    unit = django_filters.ModelChoiceFilter(label=_("Unit"), queryset=_units, empty_label=ALL)
    state = django_filters.ChoiceFilter(label=_("State"), choices=Claim.State.choices, empty_label=ALL)
    kind = django_filters.ChoiceFilter(label=_("List"), choices=[("need", _("Needs")), ("project", _("Projects"))],
                                       method="by_kind", empty_label=ALL)
    active = django_filters.ChoiceFilter(label=_("Not withdrawn"), choices=YES_NO, method="by_active",
                                         empty_label=ALL)
    delivered = django_filters.ChoiceFilter(label=_("Delivered (verified or not)"), choices=YES_NO,
                                            method="by_delivered", empty_label=ALL)

    class Meta:
        model = Claim
        fields = []

    def by_kind(self, queryset, name, value):
        return queryset.filter(**{f"{value}__isnull": False})

    def by_active(self, queryset, name, value):
        return queryset.active() if value == "yes" else queryset.filter(state=Claim.State.WITHDRAWN)

    def by_delivered(self, queryset, name, value):
        reached = queryset.filter(state__in=Claim.DELIVERED_STATES)
        return reached if value == "yes" else queryset.exclude(state__in=Claim.DELIVERED_STATES)


class ResourceFilter(django_filters.FilterSet):
    unit = django_filters.ModelChoiceFilter(label=_("Unit"), queryset=_units, empty_label=ALL)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Resource.Kind.choices, empty_label=ALL)
    grid = django_filters.ModelChoiceFilter(label=_("Grid"), queryset=grids, method="in_grid", empty_label=ALL)

    class Meta:
        model = Resource
        fields = []

    def in_grid(self, queryset, name, node):
        return queryset.filter(Q(grids__in=GridNode.objects.subtree_of([node]))).distinct()
