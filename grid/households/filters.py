"""Household filters and the address search ("栋川花园1幢1单元101室", "1幢101", "3-2-201", "张")."""

import datetime
import re
import unicodedata

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grid.forms import grid_choices, micro_grid_choices
from grid.households.models import Household, SpecialGroup, stale_days
from grid.visits.models import Visit
from nanjie.filtering import YesNoFilter

# A number with the marker after it, as the app writes addresses (栋川花园1幢1单元101室) and people type them
# (1栋101室, 3号楼, 101号); "3-2-201" is building-unit-room. 栋 counts as a marker only after a number, so the
# compound 栋川花园 stays a name.
ADDRESS_TOKEN = re.compile(r"(?P<dashed>\d+(?:-\d+){1,2})(?![\d幢栋楼单元室号])"
                           r"|(?P<number>\d+)\s*(?P<marker>号楼|幢|栋|楼|单元|室|号)?")
MARKER_FIELD = {"幢": "building", "栋": "building", "号楼": "building", "楼": "building", "单元": "unit_number",
                "室": "room", "号": "room"}
NAME_SEPARATORS = re.compile(r"[\s\-—/,，、;；]+")


def address_query(text):
    """"栋川花园1幢1单元101室", "1幢101", "3-2-201" or "张" → a Q on the scoped households.

    Numbers compare for equality (the (micro_grid, building, room) index); a bare number may be building, unit
    or room; the words left over match the contact or the compound. Full-width digits count (NFKC).
    """
    text = unicodedata.normalize("NFKC", text).strip()
    condition, words, last = Q(), [], 0
    for token in ADDRESS_TOKEN.finditer(text):
        words.append(text[last:token.start()])
        last = token.end()
        if token["dashed"]:  # 3-201 is building 3, room 201; 3-2-201 is building 3, unit 2, room 201
            parts = token["dashed"].split("-")
            condition &= Q(building=parts[0], room=parts[-1], **({"unit_number": parts[1]} if len(parts) == 3 else {}))
        elif token["marker"]:
            condition &= Q(**{MARKER_FIELD[token["marker"]]: token["number"]})
        else:
            number = token["number"]
            condition &= Q(building=number) | Q(room=number) | Q(unit_number=number)
    words.append(text[last:])
    for word in (word for chunk in words for word in NAME_SEPARATORS.split(chunk) if word):
        condition &= Q(contact_name__icontains=word) | Q(compound__icontains=word) | Q(building=word)
    return condition


def own_micro_grid_ids(user):
    """The micro-grids a micro-grid worker covers, or [] when the whole scope is theirs (a grid leader, the
    branch, staff without a worker's post)."""
    from grid.people.models import GridPost
    from grid.territory.models import GridNode

    if not user.is_authenticated or GridPost.objects.filter(person__user=user, role=GridPost.Role.LEADER).exists():
        return []
    return list(GridNode.objects.filter(worker_posts__person__user=user).values_list("pk", flat=True).distinct())


class HouseholdFilter(django_filters.FilterSet):
    area = django_filters.ChoiceFilter(label=_("Households of"), method="in_area", empty_label=None, choices=[
        ("mine", _("My micro-grids")), ("all", _("Everything I can see"))])
    q = django_filters.CharFilter(label=_("Building and room, or name"), method="search")
    micro_grid = django_filters.ModelChoiceFilter(label=_("Micro-grid"), queryset=micro_grid_choices)
    grid = django_filters.ModelChoiceFilter(label=_("Grid"), queryset=grid_choices, field_name="micro_grid__parent")
    group = django_filters.ChoiceFilter(label=_("Special group"), choices=SpecialGroup.choices,
                                        field_name="tags__group")
    stale = YesNoFilter(label=_("Not visited recently"), method="not_visited")

    class Meta:
        model = Household
        fields = []

    def __init__(self, data=None, *args, mine_by_default=False, **kwargs):
        super().__init__(data, *args, **kwargs)
        user = getattr(self.request, "user", None)
        self.own_micro_grids = own_micro_grid_ids(user) if user is not None else []
        if not self.own_micro_grids:
            del self.filters["area"]  # nothing to narrow: a grid leader sees the grid
        elif mine_by_default and data is not None and not any(data.get(key) for key in ("area", "micro_grid", "grid")):
            # A worker opens the list on their own micro-grids; a chosen grid or micro-grid overrides it.
            self.data = data.copy()
            self.data["area"] = "mine"

    def in_area(self, queryset, name, value):
        return queryset.filter(micro_grid__in=self.own_micro_grids) if value == "mine" else queryset

    def search(self, queryset, name, value):
        return queryset.filter(address_query(value))

    def not_visited(self, queryset, name, value):
        if value is None:
            return queryset
        since = timezone.localdate() - datetime.timedelta(days=stale_days())
        recent = Visit.objects.filter(visited_on__gte=since).values("household")
        return queryset.exclude(pk__in=recent) if value else queryset.filter(pk__in=recent)
