"""Each list as a CSV file (Chinese headers, a BOM so that Excel reads UTF-8): the same scope and filters as its
page. Nothing personal: needs and projects are texts checked on saving, claims name units."""

import csv

from django.contrib.auth.decorators import login_required
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from nanjie.exports import csv_row
from partners.lists.projects import filtered_projects
from partners.lists.resources import filtered_resources
from partners.lists.views import filtered_needs, view_need

EXPORT_LIMIT = 10_000


class _Echo:
    def write(self, value):
        return value


def _date(value):
    if value is None:
        return ""
    return timezone.localtime(value).strftime("%Y-%m-%d") if hasattr(value, "tzinfo") and hasattr(
        value, "hour") else value.strftime("%Y-%m-%d")


def _stream(name, header, rows):
    def lines():
        yield "\ufeff"
        writer = csv.writer(_Echo())
        yield writer.writerow(csv_row(header))
        for row in rows:
            yield writer.writerow(csv_row(row))  # titles are typed by staff: never a live formula
    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, f"{name}-{timezone.localdate():%Y%m%d}.csv")
    return response


def _claimed(item):
    return "、".join(f"{claim.unit} {claim.quantity}" for claim in item.claims.all() if claim.state != "withdrawn")


@require_GET
@login_required
@view_need
def needs_export(request):
    needs = filtered_needs(request).qs.prefetch_related("claims__unit")[:EXPORT_LIMIT]
    return _stream(_("needs"), [_("Title"), _("Category"), _("Grid"), _("Urgency"), _("Wanted by"), _("Quantity"),
                                _("Residents who asked"), _("State"), _("Claimed by"), _("Raised on"),
                                _("Fulfilled on")],
                   ([need.title, need.category.name, need.grid.name, need.get_urgency_display(), _date(need.wanted_by),
                     f"{need.quantity}{need.measure}", need.asked_count, need.get_state_display(), _claimed(need),
                     _date(need.created_at), _date(need.fulfilled_at)] for need in needs))


@require_GET
@login_required
@view_need
def projects_export(request):
    projects = filtered_projects(request).qs.prefetch_related("claims__unit", "grids")[:EXPORT_LIMIT]
    return _stream(_("projects"), [_("Title"), _("Goal"), _("Grids"), _("Budget (yuan)"), _("Lead unit"),
                                   _("Approved on"), _("Progress (%)"), _("State"), _("Claimed by")],
                   ([project.title, project.goal, "、".join(grid.name for grid in project.grids.all()),
                     project.budget if project.budget is not None else "", str(project.lead_unit),
                     _date(project.approved_on), project.progress, project.get_state_display(), _claimed(project)]
                    for project in projects))


@require_GET
@login_required
@view_need
def resources_export(request):
    resources = filtered_resources(request).qs[:EXPORT_LIMIT]
    return _stream(_("resources"), [_("Unit"), _("Kind"), _("What is offered"), _("Description"), _("Quantity"),
                                    _("When it is available"), _("Grids")],
                   ([resource.unit.name, resource.get_kind_display(), resource.title, resource.description,
                     f"{resource.quantity}{resource.measure}" if resource.quantity is not None else "",
                     resource.available, "、".join(grid.name for grid in resource.grids.all())]
                    for resource in resources))
