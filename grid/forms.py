"""What every grid form shares: the date widget, short notes, "at most N characters" said plainly, and who may
be named as the person who did something in a grid."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from grid.people.models import Person

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SHORT_NOTE = {"rows": 2}
TOO_LONG = _("At most %(limit_value)d characters, please shorten it (it has %(show_value)d).")


class PlainLength:
    """Mixin for the field forms: "at most N characters" said plainly, the same for every text field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if getattr(field, "max_length", None):
                field.error_messages["max_length"] = TOO_LONG


def serving(grid_id, user):
    """The people who serve a grid, for "done by" and "mediator": its 1+1+N posts and its four-teams roster, and
    the user themself (a branch admin may do it). Not all 400 people of the community."""
    condition = Q(posts__node_id=grid_id) | Q(team_assignments__grid_id=grid_id)
    person = getattr(user, "person", None)
    if person is not None:
        condition |= Q(pk=person.pk)
    # Ids first: the joins would repeat a person with two posts, and DISTINCT does not mix with the ordering.
    return Person.objects.filter(pk__in=Person.objects.filter(condition).values("pk")).order_by("name", "pk")


def micro_grid_choices(request):
    """A filter's micro-grids: those of the user's scope, by code (django-filter calls it with the request)."""
    from grid.territory.models import GridNode

    if request is None:
        return GridNode.objects.none()
    return GridNode.objects.visible_to(request.user).filter(kind=GridNode.Kind.MICRO_GRID).order_by("code")


def grid_choices(request):
    """A filter's grids: those of the user's scope, by code."""
    from grid.territory.models import GridNode

    if request is None:
        return GridNode.objects.none()
    return GridNode.objects.visible_to(request.user).filter(kind=GridNode.Kind.GRID).order_by("code")
