"""A work queue as a CSV file (for the branch's monthly figures): the same scope and filters as its page.

No resident's name or phone: the file leaves the portal, and the figures need neither.
"""

import csv

from django.contrib.auth.decorators import login_required
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from nanjie.exports import csv_row
from requests.staff.views import filtered_queue

EXPORT_LIMIT = 10_000


class _Echo:
    def write(self, value):
        return value


def _date(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def _rows(wishes):
    yield "\ufeff"  # a BOM, so that Excel reads the Chinese as UTF-8
    writer = csv.writer(_Echo())
    yield writer.writerow(csv_row([_("Reference"), _("State"), _("Category"), _("Grid"), _("Micro-grid"), _("Channel"),
                           _("Unit"), _("Ordered at"), _("Deadline"), _("Closed at"), _("Overdue")]))
    for wish in wishes:
        yield writer.writerow(csv_row([  # unit and category names are typed in admin
            wish.reference, wish.get_state_display(), wish.category.name, wish.micro_grid.parent.name,
            wish.micro_grid.name, wish.get_channel_display(), wish.unit.name if wish.unit else "",
            _date(wish.ordered_at), _date(wish.deadline), _date(wish.closed_at), _("yes") if wish.is_overdue else "",
        ]))


@require_GET
@login_required
def queue_export(request, name):
    _spec, found = filtered_queue(request, name)
    filename = f"{_('requests')}-{name}-{timezone.localdate():%Y%m%d}.csv"
    response = StreamingHttpResponse(_rows(found.qs[:EXPORT_LIMIT]), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
