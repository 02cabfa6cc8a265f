"""The staff's pages for the sessions: the list (scoped, filtered), a session's page with its bookings, recording
what it did or cancelling it, an extra session of a service, and the week schedule printed for a station's door."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nanjie.masking import mask_name
from nanjie.once import save_once
from nanjie.paging import paginate, query_without_page
from nanjie.paper import render_on_paper
from volunteers.positions.models import Position, days_of_week
from volunteers.positions.views import roster_of
from volunteers.services.models import ServiceRule
from volunteers.sessions.forms import CancelForm, ExtraForm, RecordForm, SessionFilter
from volunteers.sessions.models import Session


def scoped(user):
    return Session.objects.visible_to(user).select_related("rule__position__micro_grid", "rule__unit", "rule__team")


@require_GET
@login_required
@permission_required("volunteers.view_session", raise_exception=True)
def session_list(request):
    ServiceRule.objects.schedule_through()
    sessions = SessionFilter(request.GET, request=request, queryset=scoped(request.user).with_booked().order_by(
        "on", "starts_at", "pk"))
    return render(request, "volunteers/sessions/session_list.html", {
        "filter": sessions, "page": paginate(request, sessions.qs), "query": query_without_page(request)})


def _session_page(request, session, status=200, **forms):
    user = request.user
    may_change = user.has_perm("volunteers.change_session")
    bookings = list(session.bookings.order_by("slot_at", "pk"))
    for booking in bookings:
        booking.masked_name = mask_name(booking.resident_name)  # masked on every page, staff pages too
    today = timezone.localdate()
    context = {
        "session": session, "bookings": bookings, "may_change": may_change, "today": today,
        "changes": session.changes.select_related("by"), "servers": session.servers.all(),
        "households": session.households.select_related("micro_grid"),
        "record_form": RecordForm(session=session, user=user) if may_change and session.on <= today else None,
        "cancel_form": CancelForm() if may_change and session.state == Session.State.PLANNED else None,
        **forms,
    }
    return render(request, "volunteers/sessions/session_detail.html", context, status=status)


@require_GET
@login_required
@permission_required("volunteers.view_session", raise_exception=True)
def session_detail(request, pk):
    return _session_page(request, get_object_or_404(scoped(request.user), pk=pk))


def _acting_on(request, pk):
    """The session (404 outside the user's scope) and whether they may change it."""
    session = get_object_or_404(scoped(request.user), pk=pk)
    return session, request.user.has_perm("volunteers.change_session")


@require_POST
@login_required
def session_record(request, pk):
    session, allowed = _acting_on(request, pk)
    if not allowed:
        return render(request, "403.html", status=403)
    form = RecordForm(request.POST, session=session, user=request.user)
    if not form.is_valid():
        return _session_page(request, session, status=400, record_form=form)
    data = form.cleaned_data
    try:
        session.record(data["served_count"], data["summary"], by=request.user, servers=data["servers"],
                       households=data["households"], other_servers=data["other_servers"])
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Session recorded."))
    return redirect("volunteers:session", session.pk)


@require_POST
@login_required
def session_cancel(request, pk):
    session, allowed = _acting_on(request, pk)
    if not allowed:
        return render(request, "403.html", status=403)
    form = CancelForm(request.POST)
    if not form.is_valid():
        return _session_page(request, session, status=400, cancel_form=form)
    try:
        session.cancel(form.cleaned_data["reason"], by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Session cancelled. Call the residents who booked it."))
    return redirect("volunteers:session", session.pk)


@require_http_methods(["GET", "POST"])
@login_required
def session_extra(request, pk):
    rule = get_object_or_404(ServiceRule.objects.visible_to(request.user).select_related("position"), pk=pk)
    if not request.user.has_perm("volunteers.add_session"):
        return render(request, "403.html", status=403)
    form = ExtraForm(request.POST or None, rule=rule)
    if request.method == "POST" and form.is_valid():
        data, key = form.cleaned_data, form.submission_key
        try:
            session, created = save_once(Session, key, lambda: rule.add_extra(
                data["on"], by=request.user, starts_at=data["starts_at"], ends_at=data["ends_at"], note=data["note"],
                token=key))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Extra session recorded.") if created else _(
                "This was already saved; it was not saved twice."))
            return redirect("volunteers:session", session.pk)
    return render(request, "volunteers/sessions/extra_form.html", {"rule": rule, "form": form},
                  status=400 if form.errors else 200)


def week_of(request):
    """The Monday of the week asked for (?week= any day of it), else of this week."""
    try:
        day = datetime.date.fromisoformat(request.GET.get("week", "")[:10])
    except ValueError:
        day = timezone.localdate()
    return day - datetime.timedelta(days=day.weekday())


@require_GET
@login_required
@permission_required("volunteers.view_position", raise_exception=True)
def week(request, pk):
    """A station's week on one A4 page for its door: hours, who is on duty (names masked), the sessions."""
    position = get_object_or_404(Position.objects.visible_to(request.user), pk=pk)
    monday = week_of(request)
    if monday.year < 2000 or monday.year > 2100:
        monday = timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday())
    ServiceRule.objects.schedule_through(monday + datetime.timedelta(days=7))
    sessions = (Session.objects.filter(rule__position=position, on__gte=monday,
                                       on__lt=monday + datetime.timedelta(days=7), rule__active=True)
                .select_related("rule__unit", "rule__team").order_by("on", "starts_at", "pk"))
    by_day = {day: [] for day in days_of_week(monday)}
    for session in sessions:
        by_day[session.on].append(session)
    return render_on_paper(request, "volunteers/sessions/week.html", {
        "position": position, "monday": monday, "days": list(by_day.items()),
        "roster": roster_of(position, masked=True), "previous": monday - datetime.timedelta(days=7),
        "next": monday + datetime.timedelta(days=7)})
