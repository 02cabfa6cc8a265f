"""The positions' pages: for residents the centre's 13 positions and the red stations, and each one's page
(hours, amenities, who is on duty, the next sessions); for staff the same, scoped, with the roster, the
amenities' dates and the monthly inspections."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nanjie.masking import mask_name
from nanjie.once import save_once
from nanjie.paging import paginate, query_without_page
from volunteers.positions.filters import InspectionFilter, PositionFilter, RosterFilter
from volunteers.positions.forms import FixedForm, InspectionForm
from volunteers.positions.models import WEEKDAYS, Amenity, DutyShift, Inspection, Position
from volunteers.services.models import ServiceRule
from volunteers.sessions.models import Session, with_free_slots

UPCOMING_SHOWN = 12


def roster_of(position, masked):
    """{weekday: [(part, name, duty)]} for the position's duty roster, names masked on public pages."""
    days = {number: [] for number, _label in WEEKDAYS}
    for shift in position.shifts.select_related("person").order_by("weekday", "part", "pk"):
        name = mask_name(shift.person.name) if masked else shift.person.name
        days[shift.weekday].append((shift.get_part_display(), name, shift.duty))
    return [(label, days[number]) for number, label in WEEKDAYS if days[number]]


def upcoming_sessions(positions, start=None, limit=None):
    """The planned or cancelled sessions of these positions from `start` on, with their bookings counted."""
    ServiceRule.objects.schedule_through()
    start = start or timezone.localdate()
    sessions = (Session.objects.filter(rule__position__in=positions, rule__active=True, on__gte=start)
                .exclude(state=Session.State.HELD).select_related("rule__unit", "rule__team", "rule__position")
                .with_booked().order_by("on", "starts_at", "pk"))
    return sessions[:limit] if limit else sessions


@require_GET
def position_list(request):
    positions = (Position.objects.public().select_related("micro_grid__parent", "host_unit")
                 .prefetch_related(Prefetch("amenities", queryset=Amenity.objects.order_by("kind", "pk")))
                 .order_by("kind", "order", "micro_grid__code", "pk"))
    centre = [position for position in positions if position.kind == Position.Kind.CENTRE]
    stations = [position for position in positions if position.kind == Position.Kind.RED_STATION]
    return render(request, "volunteers/positions/position_list.html", {"centre": centre, "stations": stations})


@require_GET
def position_detail(request, pk):
    position = get_object_or_404(Position.objects.public().select_related("micro_grid__parent", "host_unit"), pk=pk)
    return render(request, "volunteers/positions/position_detail.html", {
        "position": position, "amenities": position.amenities.order_by("kind", "pk"),
        "roster": roster_of(position, masked=True),
        "sessions": with_free_slots(list(upcoming_sessions([position], limit=UPCOMING_SHOWN))),
        "today": timezone.localdate(), "tomorrow": timezone.localdate() + datetime.timedelta(days=1),
        "staff_view": Position.objects.visible_to(request.user).filter(pk=pk).exists(),
    })


# --- staff -------------------------------------------------------------------------------------------------

def scoped(user):
    return Position.objects.visible_to(user).select_related("micro_grid__parent", "host_unit")


@require_GET
@login_required
@permission_required("volunteers.view_position", raise_exception=True)
def manage_list(request):
    positions = PositionFilter(request.GET, request=request,
                               queryset=scoped(request.user).with_flags().order_by("kind", "order", "pk"))
    return render(request, "volunteers/positions/manage_list.html", {
        "filter": positions, "page": paginate(request, positions.qs), "query": query_without_page(request)})


def _manage_page(request, position, status=200, **forms):
    today = timezone.localdate()
    sessions = Session.objects.filter(rule__position=position).select_related("rule").with_booked()
    return render(request, "volunteers/positions/manage_detail.html", {
        "position": position, "roster": roster_of(position, masked=False), "today": today,
        "amenities": position.amenities.order_by("kind", "pk"),
        "inspections": position.inspections.select_related("recorded_by")[:12],
        "inspected": position.inspections.filter(month=today.replace(day=1)).exists(),
        "rules": position.rules.select_related("unit", "team").order_by("-active", "starts_at", "pk"),
        "upcoming": upcoming_sessions([position], limit=UPCOMING_SHOWN),
        "recent": sessions.filter(on__lte=today).order_by("-on", "-starts_at")[:UPCOMING_SHOWN],
        "fixed_form": FixedForm(), **forms,
    }, status=status)


@require_GET
@login_required
@permission_required("volunteers.view_position", raise_exception=True)
def manage_detail(request, pk):
    return _manage_page(request, get_object_or_404(scoped(request.user), pk=pk))


@require_http_methods(["GET", "POST"])
@login_required
def inspect(request, pk):
    position = get_object_or_404(scoped(request.user), pk=pk)
    if not request.user.has_perm("volunteers.add_inspection"):
        return render(request, "403.html", status=403)
    form = InspectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            _inspection, created = save_once(Inspection, form.submission_key, lambda: Inspection.record(
                position, by=request.user, inspected_on=data["inspected_on"], checked=data["checked"],
                missing=data["missing"], token=form.submission_key), recorded_by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Inspection recorded.") if created else _(
                "This was already saved; it was not saved twice."))
            return redirect("volunteers:manage_position", position.pk)
    return render(request, "volunteers/positions/inspection_form.html", {"position": position, "form": form},
                  status=400 if form.errors else 200)


@require_POST
@login_required
def inspection_fixed(request, pk):
    inspection = get_object_or_404(Inspection.objects.visible_to(request.user).select_related("position"), pk=pk)
    if not request.user.has_perm("volunteers.change_inspection"):
        return render(request, "403.html", status=403)
    form = FixedForm(request.POST)
    if not form.is_valid():
        return _manage_page(request, inspection.position, status=400, fixed_form=form)
    try:
        inspection.mark_fixed(by=request.user, on=form.cleaned_data["fixed_on"], note=form.cleaned_data["fixed_note"])
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Marked as fixed."))
    return redirect("volunteers:manage_position", inspection.position_id)


@require_GET
@login_required
@permission_required("volunteers.view_inspection", raise_exception=True)
def inspection_list(request):
    inspections = InspectionFilter(request.GET, request=request, queryset=Inspection.objects.visible_to(
        request.user).select_related("position__micro_grid").order_by("-month", "position__name", "pk"))
    return render(request, "volunteers/positions/inspection_list.html", {
        "filter": inspections, "page": paginate(request, inspections.qs), "query": query_without_page(request),
        "month": timezone.localdate().replace(day=1)})


@require_GET
@login_required
@permission_required("volunteers.view_dutyshift", raise_exception=True)
def roster(request):
    shifts = RosterFilter(request.GET, request=request, queryset=DutyShift.objects.visible_to(request.user)
                          .select_related("position", "person").order_by("weekday", "part", "position__name", "pk"))
    return render(request, "volunteers/positions/roster.html", {
        "filter": shifts, "page": paginate(request, shifts.qs), "query": query_without_page(request),
        "today": timezone.localdate().weekday()})

