"""The figures registry: each floor registers the figures its records feed, the statistics page reads them all.

An app adds its figures in AppConfig.ready() (README, "Plugging in"), so a lower floor's figures (grid: disputes,
visits, pairs; volunteers: sessions) appear on the page of a higher floor that it never imports:

    figures.add(Figure("grid.disputes", _("Disputes resolved in the community"), "grid/disputes",
                       records=disputes_resolved, node_path="micro_grid", date_field="resolved_on",
                       columns=(...), row=dispute_row, order=10, reported="26"))

`records(period, scope)` is the figure: a queryset (a named queryset method of the feeding model) whose count
is the figure, or the sum of its `sum_field` (people served). The drill-down page lists the same queryset,
so a figure always equals its drill-down. `row(record)` gives the drill-down's cells: never a resident's name,
phone or house number.
"""

import calendar
import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, Sum
from django.utils import timezone

from nanjie.registry import Registry, _url_problem


@dataclass(frozen=True)
class Period:
    """Whole days, start ≤ day ≤ end (local dates)."""

    start: datetime.date
    end: datetime.date

    @classmethod
    def year(cls, year):
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    @classmethod
    def month(cls, year, month):
        return cls(datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1]))

    @classmethod
    def this_year(cls, today=None):
        return cls.year((today or timezone.localdate()).year)

    @property
    def key(self):
        return f"{self.start:%Y%m%d}-{self.end:%Y%m%d}"

    def months(self):
        """The first day of every month the period touches."""
        day, months = self.start.replace(day=1), []
        while day <= self.end:
            months.append(day)
            day = (day + datetime.timedelta(days=32)).replace(day=1)
        return months

    def moments(self):
        """The period as aware datetimes [start 00:00, day after end 00:00), for DateTimeFields."""
        start = timezone.make_aware(datetime.datetime.combine(self.start, datetime.time()))
        return start, timezone.make_aware(datetime.datetime.combine(self.end, datetime.time())
                                          + datetime.timedelta(days=1))

    def date_range(self, path):
        """A filter on a DateField `path`."""
        return {f"{path}__range": (self.start, self.end)}

    def moment_range(self, path):
        """A filter on a DateTimeField `path`."""
        start, end = self.moments()
        return {f"{path}__gte": start, f"{path}__lt": end}


@dataclass(frozen=True)
class Scope:
    """Whose rows: `user` None counts community-wide (public counts, never rows); `node_ids` narrows to a grid."""

    user: object = None
    node_ids: tuple = None  # a grid with its micro-grids; None: everything the user sees

    def rows(self, queryset, node_path):
        rows = queryset.visible_to(self.user) if self.user is not None else queryset
        if self.node_ids is not None:
            rows = rows.filter(**{f"{node_path}__in": self.node_ids})
        return rows


@dataclass(frozen=True)
class Figure:
    name: str
    label: str
    module: str  # the package whose records feed it, shown on the page ("grid/disputes")
    records: Callable  # records(period, scope) -> queryset
    node_path: str  # from the record to its micro-grid: the per-grid breakdown groups by its parent
    columns: tuple  # the drill-down's column headings
    row: Callable  # row(record) -> cells, no personal data
    order: int
    date_field: str = ""  # for the per-month chart; "" when the records have no single date
    reported: str = "—"  # what the county's 2025 article reported
    how: str = ""  # how it is counted, in one sentence, shown under the figure
    sum_field: str = ""  # the figure adds this field up instead of counting records
    url_name: str = ""  # the feeding package's own list, linked from the drill-down (optional)

    def aggregate(self):
        """The expression of the figure over its records (grouped per grid or month by the statistics page)."""
        return Sum(self.sum_field) if self.sum_field else Count("pk", distinct=True)

    def value(self, period, scope):
        return self.records(period, scope).aggregate(value=self.aggregate())["value"] or 0

    def problems(self):
        return [problem for problem in (self.url_name and _url_problem(self.url_name),) if problem]


figures = Registry("figure")
