"""The open-data bundle: a ZIP of two CSV tables (UTF-8 with a BOM, so Excel reads the Chinese), for anyone.

- board.csv: the closure board, exactly the rows and columns of the board's own CSV (requests/notices/views.py:
  only `public_text` of publicised notices, no name, phone or house number);
- rates.csv: the three rates of the period for the community, each grid and each unit, numerator and
  denominator, "sample too small" under MIN_SAMPLE, the period and the time they were computed.
"""

import csv
import io
import zipfile

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from nanjie.exports import csv_row
from nanjie.figures import Scope
from partners.models import Unit
from requests.lifecycle.models import Request
from requests.notices.views import EXPORT_LIMIT
from requests.notices.views import _rows as board_rows
from requests.statistics import board as numbers
from requests.statistics.forms import PeriodForm

BOM = "\ufeff"


def _percent(rate):
    if rate.denominator == 0:
        return ""
    return _("sample too small") if rate.too_small else f"{rate.percent}%"


def rates_rows(period):
    community = Scope(None, numbers.community_nodes())
    found = numbers.rates_table(period, community)
    computed = timezone.localtime(found["computed_at"]).strftime("%Y-%m-%d %H:%M")
    header = [_("Level"), _("Name"), _("Period from"), _("Period to"), _("Computed at")]
    numerator, denominator = _("numerator"), _("denominator")
    for label in (_("Response rate"), _("Resolution rate"), _("Satisfaction rate")):
        header += [label, f"{label} · {numerator}", f"{label} · {denominator}"]
    yield [*header, _("Closed, not rated")]
    grids = {grid.pk: grid.name for grid in numbers.grids()}
    per_grid = numbers.rates_table(period, community, by="grid")["rows"]
    per_unit = numbers.rates_table(period, community, by="unit")["rows"]
    units = dict(Unit.objects.filter(pk__in=[pk for pk in per_unit if pk]).values_list("pk", "name"))
    levels = [(_("Community"), {None: _("The whole community")}, {None: found["rows"].get(None)}),
              (_("Grid"), grids, per_grid), (_("Unit"), units, per_unit)]
    for level, names, rows in levels:
        for key, name in sorted(names.items(), key=lambda item: str(item[1])):
            rates = rows.get(key)
            if rates is None:
                continue
            cells = [level, name, period.start.isoformat(), period.end.isoformat(), computed]
            for rate in (rates.response, rates.resolution, rates.satisfaction):
                cells += [_percent(rate), rate.numerator, rate.denominator]
            yield [*cells, rates.unrated]


def _csv(rows):
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out)
    for row in rows:
        writer.writerow(csv_row(row))  # unit and grid names are typed in admin: never a live formula
    return out.getvalue()


@require_GET
def bundle(request):
    period = PeriodForm(request.GET or None).chosen_period()
    board = "".join(board_rows(Request.objects.publicised()[:EXPORT_LIMIT]))  # it writes its own BOM
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("board.csv", board.encode("utf-8"))
        archive.writestr("rates.csv", _csv(rates_rows(period)).encode("utf-8"))
    response = HttpResponse(data.getvalue(), content_type="application/zip")
    name = _("open-data")
    filename = f"{name}-{period.start:%Y%m%d}-{period.end:%Y%m%d}.zip"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
