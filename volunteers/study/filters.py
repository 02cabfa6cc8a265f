"""Filters of the study lists; the querysets given to them are already scoped."""

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grid.forms import grid_choices
from nanjie.filtering import YesNoFilter
from volunteers.study.models import MobileMember, StudyAttendance, StudySession

DATE_INPUT = {"type": "date"}


class StudySessionFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=StudySession.Kind.choices)
    state = django_filters.ChoiceFilter(label=_("State"), choices=StudySession.State.choices)
    topic = django_filters.CharFilter(label=_("Topic"), lookup_expr="icontains", max_length=60)
    after = django_filters.DateFilter(label=_("From"), field_name="starts_at", lookup_expr="date__gte",
                                      widget=forms.DateInput(attrs=DATE_INPUT))
    before = django_filters.DateFilter(label=_("To"), field_name="starts_at", lookup_expr="date__lte",
                                       widget=forms.DateInput(attrs=DATE_INPUT))

    class Meta:
        model = StudySession
        fields = []


class MissedFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(label=_("Member's name"), field_name="person__name", lookup_expr="icontains",
                                     max_length=50)
    topic = django_filters.CharFilter(label=_("Topic"), field_name="session__topic", lookup_expr="icontains",
                                      max_length=60)

    class Meta:
        model = StudyAttendance
        fields = []


class MobileMemberFilter(django_filters.FilterSet):
    grid = django_filters.ModelChoiceFilter(label=_("Home grid"), queryset=grid_choices)
    overdue = YesNoFilter(label=_("Not contacted for 30 days"), method="not_contacted")
    away = YesNoFilter(label=_("Still away"), field_name="returned_on", lookup_expr="isnull")

    class Meta:
        model = MobileMember
        fields = []

    def not_contacted(self, queryset, name, value):
        overdue = queryset.overdue(timezone.localdate()).values("pk")
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)
