"""The staff's forms for a session: what it did (held), why it is cancelled, an extra session of a service."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grid.forms import DATE, SHORT_NOTE, PlainLength, grid_choices
from grid.households.models import Household
from grid.people.models import Person
from grid.territory.models import GridNode
from nanjie.once import OnceOnlyForm
from volunteers.positions.models import NOTE_MAX_LENGTH, Position
from volunteers.services.models import ServiceRule
from volunteers.sessions.models import Session

TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def possible_servers(session):
    """Who may have served: the providing team's members, the providing unit's party members, the position's
    duty roster. Ids first: the joins would repeat a person."""
    rule = session.rule
    condition = Q(duty_shifts__position_id=rule.position_id)
    if rule.team_id:
        condition |= Q(team_memberships__team_id=rule.team_id)
    if rule.unit_id:
        condition |= Q(unit_memberships__unit_id=rule.unit_id)
    return Person.objects.filter(pk__in=Person.objects.filter(condition).values("pk")).order_by("name", "pk")


def follow_up_households(session, user):
    """Households a grid worker may link for a follow-up: of the station's micro-grid, or of the worker's own
    micro-grids for a centre position (not every household of the community)."""
    visible = Household.objects.visible_to(user).select_related("micro_grid")
    position = session.rule.position
    if position.micro_grid_id:
        return visible.filter(micro_grid_id=position.micro_grid_id).order_by("building", "room", "pk")
    own = GridNode.objects.filter(worker_posts__person__user=user)
    return visible.filter(micro_grid__in=own).order_by("micro_grid__code", "building", "room", "pk")


class RecordForm(PlainLength, forms.Form):
    served_count = forms.IntegerField(label=_("How many residents were served"), min_value=0, max_value=10000,
                                      error_messages={"required": _("Give the number of residents served (0 if "
                                                                    "nobody came)."),
                                                      "invalid": _("Enter a whole number.")})
    summary = forms.CharField(label=_("What was done"), max_length=NOTE_MAX_LENGTH, required=False,
                              widget=forms.Textarea(attrs=SHORT_NOTE))
    servers = forms.ModelMultipleChoiceField(label=_("Who served"), queryset=Person.objects.none(), required=False,
                                             widget=forms.CheckboxSelectMultiple)
    other_servers = forms.CharField(label=_("Also served (not on the rosters)"), max_length=100, required=False)
    households = forms.ModelMultipleChoiceField(label=_("Households to follow up (optional)"), required=False,
                                                queryset=Household.objects.none(), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, session, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["servers"].queryset = possible_servers(session)
        self.fields["households"].queryset = follow_up_households(session, user)
        self.fields["households"].label_from_instance = lambda household: household.address
        if session.state == Session.State.HELD and not self.is_bound:
            self.initial.update(served_count=session.served_count, summary=session.summary,
                                other_servers=session.other_servers, servers=list(session.servers.all()),
                                households=list(session.households.all()))


class CancelForm(PlainLength, forms.Form):
    reason = forms.CharField(label=_("Why it is cancelled"), max_length=200,
                             help_text=_("Residents who booked read this on their booking page."),
                             error_messages={"required": _("Say why the session is cancelled.")})


class ExtraForm(PlainLength, OnceOnlyForm, forms.Form):
    on = forms.DateField(label=_("Date"), widget=DATE, initial=timezone.localdate, error_messages={
        "required": _("Give the date."), "invalid": _("Enter a date such as 2026-12-02.")})
    starts_at = forms.TimeField(label=_("Starts at"), widget=TIME, error_messages={
        "required": _("Give the starting time."), "invalid": _("Enter a time such as 09:00.")})
    ends_at = forms.TimeField(label=_("Ends at"), widget=TIME, error_messages={
        "required": _("Give the ending time."), "invalid": _("Enter a time such as 11:30.")})
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def __init__(self, *args, rule, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("starts_at", rule.starts_at)
        self.initial.setdefault("ends_at", rule.ends_at)


WHEN = [("upcoming", _("From today on")), ("past", _("Before today")), ("all", _("All dates"))]


def position_choices(request):
    if request is None:
        return Position.objects.none()
    return Position.objects.visible_to(request.user).order_by("kind", "order", "pk")


class SessionFilter(django_filters.FilterSet):
    when = django_filters.ChoiceFilter(label=_("When"), choices=WHEN, method="in_time", empty_label=None)
    state = django_filters.ChoiceFilter(label=_("State"), choices=Session.State.choices)
    kind = django_filters.ChoiceFilter(label=_("Service"), choices=ServiceRule.Kind.choices, field_name="rule__kind")
    position = django_filters.ModelChoiceFilter(label=_("Position"), queryset=position_choices,
                                                field_name="rule__position")
    grid = django_filters.ModelChoiceFilter(label=_("Grid"), queryset=grid_choices,
                                            field_name="rule__position__micro_grid__parent")

    class Meta:
        model = Session
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        data = data.copy() if data is not None else None
        if data is not None and not data.get("when"):
            data["when"] = "upcoming"
        super().__init__(data, *args, **kwargs)

    def in_time(self, queryset, name, value):
        today = timezone.localdate()
        if value == "upcoming":
            return queryset.filter(on__gte=today).order_by("on", "starts_at", "pk")
        if value == "past":
            return queryset.filter(on__lt=today).order_by("-on", "-starts_at", "-pk")
        return queryset.order_by("-on", "-starts_at", "-pk")
