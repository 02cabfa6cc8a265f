"""Roll-ups: the figures and the three rates of any node (county, town, community, grid), read from a counts table.

Maintained incrementally, not cached: at county scale (77 communities, 1M requests) requests move many times a
minute, so a cache keyed by a version bumped on every transition would be stale almost always and its first
reader would pay the 10-second recount. Instead each request *contributes* to a few (micro-grid, month) cells
(`contributions`: received in the month it was made, its response limit in the month that limit ends, its
deadline in its month, its rating, its closing), and every change of a request (`Request._move`, `rate`,
`_create_ordered`) applies, in its own transaction and under the request's row lock, the difference between the
request's contributions after and before (`track`). The table therefore always equals the sum of every request's
contributions, which is what `recount()` computes from the records and `manage.py rollup_check` compares.

A page reads the cells of the node's micro-grids for whole months. Response and resolution count limits that
*have passed*; the cells are months, so those two rates count the months that have ended (their limits have all
passed), while the other figures count up to now: equal to `rates.rates(..., now=<first moment of this month>)`.

Two changes that are not transitions are followed by signals (`connect`): a request deleted (a superuser, in
admin) takes its contributions with it, and a category's response limit changed in admin moves its requests'
limits to other months (their difference is added in the same transaction). Rows written past the models (the
seeds' bulk writes and backdating UPDATEs) and a change of the working-day calendar need a recount:
`manage.py rollup_check --repair` (the seeds run it).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Case, F, IntegerField, Min, OuterRef, Q, Subquery, Sum, Value, When
from django.utils import timezone

from requests.statistics.rates import Rate, Rates

COUNTERS = ("received", "response_due", "responded", "resolution_due", "resolved", "rated", "satisfied", "fulfilled",
            "unrated")
DUE_COUNTERS = ("response_due", "responded", "resolution_due", "resolved")  # only for months that have ended
CLOSED = ("closed", "publicised")
PLEASED = ("satisfied", "basically")
FIELDS = ("pk", "micro_grid_id", "ordered_at", "category__response_workdays", "state", "deadline", "closed_at",
          "rating", "rated_at")


def month_of(moment):
    return timezone.localtime(moment).date().replace(day=1)


def contributions(row):
    """{(micro-grid id, month): {counter: 1}} of one request (`row`: FIELDS + first_action), as rates.py counts it."""
    from requests.statistics.rates import _due

    cells = defaultdict(dict)
    micro = row["micro_grid_id"]

    def add(moment, counter):
        cell = cells[(micro, month_of(moment))]
        cell[counter] = cell.get(counter, 0) + 1

    add(row["ordered_at"], "received")
    due = _due(timezone.localtime(row["ordered_at"]).date(), row["category__response_workdays"])
    add(due, "response_due")
    if row["first_action"] is not None and row["first_action"] <= due:
        add(due, "responded")
    closed = row["state"] in CLOSED
    if row["deadline"] is not None and row["state"] != "invalid":
        add(row["deadline"], "resolution_due")
        if closed and row["closed_at"] is not None and row["closed_at"] <= row["deadline"]:
            add(row["deadline"], "resolved")
    if row["rating"] and row["rated_at"] is not None:
        add(row["rated_at"], "rated")
        if row["rating"] in PLEASED:
            add(row["rated_at"], "satisfied")
    if closed and row["closed_at"] is not None:
        add(row["closed_at"], "fulfilled")
        if not row["rating"]:
            add(row["closed_at"], "unrated")
    return cells


def _first_action(Transition):
    # rates._first_action: the first staff move (not the ordering row, not a rating that moved nothing).
    return Subquery(Transition.objects.filter(request=OuterRef("pk")).exclude(old_state="")
                    .exclude(old_state=F("new_state")).order_by().values("request")
                    .annotate(first=Min("at")).values("first")[:1])


def _rows(requests, Transition):
    return requests.order_by().annotate(first_action=_first_action(Transition)).values(*FIELDS, "first_action")


def _state_of(request_id):
    from requests.lifecycle.models import Request, Transition

    row = _rows(Request.objects.filter(pk=request_id), Transition).first()
    return contributions(row) if row else {}


def _difference(before, after):
    delta = {}
    for key in set(before) | set(after):
        old, new = before.get(key, {}), after.get(key, {})
        change = {name: new.get(name, 0) - old.get(name, 0) for name in COUNTERS}
        if any(change.values()):
            delta[key] = change
    return delta


def add(delta, table=None):
    """Add {(micro-grid id, month): {counter: n}} to the table, one upsert per cell, in key order (two
    transactions touching the same cells lock them in the same order: no deadlock)."""
    from requests.statistics.models import RollupCount

    if not delta:
        return
    table = connection.ops.quote_name(table or RollupCount._meta.db_table)
    columns = ", ".join(COUNTERS)
    sums = ", ".join(f"{name} = {table}.{name} + excluded.{name}" for name in COUNTERS)
    sql = (f"INSERT INTO {table} (micro_grid_id, month, {columns}) VALUES (%s, %s{', %s' * len(COUNTERS)}) "
           f"ON CONFLICT (micro_grid_id, month) DO UPDATE SET {sums}")
    with connection.cursor() as cursor:
        for (micro, month), change in sorted(delta.items()):
            cursor.execute(sql, [micro, month, *(change.get(name, 0) for name in COUNTERS)])


class track:
    """`with track(request_id): …change the request…`: adds what the change made to the counts, in the same
    transaction. Enter it after the request's row is locked (or, for a new request, after it is created)."""

    def __init__(self, request_id, new=False):
        self.request_id, self.new = request_id, new

    def __enter__(self):
        assert connection.in_atomic_block, "track() needs the transaction of the change"
        self.before = {} if self.new else _state_of(self.request_id)
        return self

    def __exit__(self, kind, value, traceback):
        if kind is None:
            add(_difference(self.before, _state_of(self.request_id)))
        return False


def recount(Request=None, Transition=None):
    """The counts from the records: {(micro-grid id, month): {counter: n}} (models given by a data migration)."""
    if Request is None:
        from requests.lifecycle.models import Request, Transition
    totals = defaultdict(lambda: dict.fromkeys(COUNTERS, 0))
    for row in _rows(Request.objects.all(), Transition).iterator(chunk_size=5000):
        for key, cell in contributions(row).items():
            total = totals[key]
            for name, count in cell.items():
                total[name] += count
    return dict(totals)


def maintained(RollupCount=None):
    if RollupCount is None:
        from requests.statistics.models import RollupCount
    return {(row["micro_grid_id"], row["month"]): {name: row[name] for name in COUNTERS}
            for row in RollupCount.objects.values("micro_grid_id", "month", *COUNTERS).iterator(chunk_size=5000)}


def mismatches(expected, found):
    """[(key, counter, expected, found)] where the maintained table differs from the recount (zero cells equal
    missing ones)."""
    out = []
    for key in sorted(set(expected) | set(found)):
        want, have = expected.get(key, {}), found.get(key, {})
        for name in COUNTERS:
            if want.get(name, 0) != have.get(name, 0):
                out.append((key, name, want.get(name, 0), have.get(name, 0)))
    return out


def rebuild(Request=None, Transition=None, RollupCount=None):
    """Replace the table with a recount (the backfill): locks the table so no transition adds meanwhile."""
    if RollupCount is None:
        from requests.statistics.models import RollupCount
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {connection.ops.quote_name(RollupCount._meta.db_table)} "
                               "IN SHARE ROW EXCLUSIVE MODE")
        counts = recount(Request, Transition)
        RollupCount.objects.all().delete()
        RollupCount.objects.bulk_create(
            [RollupCount(micro_grid_id=micro, month=month, **cell) for (micro, month), cell in sorted(counts.items())
             if any(cell.values())], batch_size=5000)
    return len(counts)


def _negated(cells):
    return {key: {name: -count for name, count in cell.items()} for key, cell in cells.items()}


def _request_deleted(sender, instance, **kwargs):
    add(_negated(_state_of(instance.pk)))


def _category_saving(sender, instance, **kwargs):
    instance._rollup_limit = (sender.objects.filter(pk=instance.pk).values_list("response_workdays", flat=True)
                              .first() if instance.pk else None)


def _category_saved(sender, instance, created, **kwargs):
    old = getattr(instance, "_rollup_limit", None)
    if created or old is None or old == instance.response_workdays:
        return
    from requests.lifecycle.models import Request, Transition

    delta = defaultdict(lambda: dict.fromkeys(COUNTERS, 0))
    for row in _rows(Request.objects.filter(category=instance), Transition).iterator(chunk_size=5000):
        changes = _difference(contributions({**row, "category__response_workdays": old}), contributions(row))
        for key, change in changes.items():
            for name, count in change.items():
                delta[key][name] += count
    with transaction.atomic():
        add(dict(delta))


def connect():
    """Called from the requests app's ready()."""
    from django.db.models.signals import post_save, pre_delete, pre_save

    from partners.models import Category
    from requests.lifecycle.models import Request

    pre_delete.connect(_request_deleted, sender=Request, dispatch_uid="rollups.request_deleted")
    pre_save.connect(_category_saving, sender=Category, dispatch_uid="rollups.category_saving")
    post_save.connect(_category_saved, sender=Category, dispatch_uid="rollups.category_saved")


def seed(rng, out, context):
    """The seed step: the request seed backdates rows with plain UPDATEs, so the counts are recounted after it."""
    out(f"roll-ups: {rebuild()} cells counted from the records")


# --- reading ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Figures:
    received: int = 0
    fulfilled: int = 0
    rates: Rates = Rates()

    @classmethod
    def of(cls, sums):
        value = {name: sums.get(name) or 0 for name in COUNTERS}
        return cls(value["received"], value["fulfilled"], Rates(
            response=Rate(value["responded"], value["response_due"]),
            resolution=Rate(value["resolved"], value["resolution_due"]),
            satisfaction=Rate(value["satisfied"], value["rated"]), unrated=value["unrated"]))


def due_cut(now=None):
    """The first moment of this month: response and resolution count the limits that passed before it."""
    today = timezone.localdate(now)
    return timezone.make_aware(datetime.datetime.combine(today.replace(day=1), datetime.time()))


def area_figures(node, children, period, now=None):
    """(Figures of `node`, {child id: Figures}) for the period's months, in one query: the cells of the node's
    micro-grids, each summed into the child whose subtree holds it."""
    from requests.statistics.models import RollupCount

    cut = due_cut(now).date()
    first, last = period.start.replace(day=1), period.end.replace(day=1)
    cells = RollupCount.objects.filter(micro_grid__tree_id=node.tree_id, micro_grid__lft__gte=node.lft,
                                       micro_grid__lft__lte=node.rght, month__gte=first, month__lte=last)
    child = Case(*[When(micro_grid__lft__gte=c.lft, micro_grid__lft__lte=c.rght, then=Value(c.pk))
                   for c in children], default=Value(0), output_field=IntegerField()) if children else Value(0)
    sums = {name: Sum(name, filter=Q(month__lt=cut)) if name in DUE_COUNTERS else Sum(name) for name in COUNTERS}
    rows = list(cells.annotate(child=child).order_by().values("child").annotate(**sums))
    total = {name: sum(row[name] or 0 for row in rows) for name in COUNTERS}
    return Figures.of(total), {row["child"]: Figures.of(row) for row in rows if row["child"]}

