"""The closure board as a table (CSV) for anyone: the board's filters, only what the board shows."""

import csv

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from nanjie import personal_data
from nanjie.exports import csv_row
from requests.lifecycle.models import Request
from requests.public.forms import BoardFilter

EXPORT_LIMIT = 10_000


class _Echo:
    def write(self, value):
        return value


def _day(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d") if moment else ""


def _rows(notices):
    yield "\ufeff"  # a BOM, so that Excel reads the Chinese as UTF-8
    writer = csv.writer(_Echo())
    yield writer.writerow(csv_row([_("Reference"), _("Category"), _("Grid"), _("Micro-grid"), _("Handled by"),
                                   _("Raised on"), _("Closed on"), _("Publicised on"), _("Public summary")]))
    for notice in notices:
        grid = notice.micro_grid.parent
        yield writer.writerow(csv_row((
            notice.reference, notice.category.name, grid.name if grid else "", notice.micro_grid.name,
            notice.unit.name if notice.unit else "", _day(notice.ordered_at), _day(notice.closed_at),
            _day(notice.publicised_at), notice.public_text)))


@require_GET
def board_export(request):
    notices = BoardFilter(request.GET, queryset=Request.objects.publicised())
    filename = f"{_('closure-board')}-{timezone.localdate():%Y%m%d}.csv"
    response = StreamingHttpResponse(_rows(notices.qs[:EXPORT_LIMIT]), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def summary_context(wish, actions):
    """For the request page: the closure note with what the check finds in it marked, beside the summary form."""
    if "publicise" not in actions and "revise" not in actions:
        return {}
    note = wish.closure_note or ""
    passages = wish.personal_data_in(note)
    return {"note_pieces": personal_data.segments(note, passages), "note_has_personal_data": bool(passages)}
