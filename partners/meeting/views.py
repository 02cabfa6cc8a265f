"""The joint meeting's pages: the meetings, one meeting (attendance, agenda, decisions, minutes), the decisions,
the printable minutes and a unit's scorecard.

Every page starts from visible_to: a meeting a user cannot see is a 404; one they see but may not change is a
403; what the meeting's state refuses (confirmed minutes, nobody present, a past deadline) is a message, and
nothing changes.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nanjie.paging import paginate, query_without_page
from nanjie.paper import render_on_paper
from partners.meeting import forms
from partners.meeting.actions import actions_for, outcomes_of
from partners.meeting.filters import DecisionFilter, MeetingFilter
from partners.meeting.models import AgendaItem, Decision, Meeting
from partners.meeting.scorecard import scorecard_of, sections_of, units_with_scores
from partners.units.models import Unit, UnitMembership, unit_ids_of

CHANGE = "partners.change_meeting"


def get_meeting(request, pk):
    return get_object_or_404(Meeting.objects.visible_to(request.user).select_related("chairman__person"), pk=pk)


def _writable(request, pk):
    meeting = get_meeting(request, pk)
    if not request.user.has_perm(CHANGE):
        raise PermissionDenied
    return meeting


@require_GET
@login_required
@permission_required("partners.view_meeting", raise_exception=True)
def meeting_list(request):
    meetings = (Meeting.objects.visible_to(request.user).select_related("chairman__person")
                .annotate(item_count=Count("items", filter=Q(items__dropped=False), distinct=True),
                          present=Count("attendance", filter=Q(attendance__present=True), distinct=True))
                .order_by("-held_on", "-pk"))
    found = MeetingFilter(request.GET, queryset=meetings)
    return render(request, "partners/meeting/meeting_list.html", {
        "filter": found, "page": paginate(request, found.qs, 12), "query": query_without_page(request),
        "can_plan": request.user.has_perm("partners.add_meeting")})


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("partners.add_meeting", raise_exception=True)
def meeting_new(request):
    form = forms.MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = Meeting.plan(**form.cleaned_data, by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Meeting planned. Build its agenda next."))
            return redirect("partners:meeting", meeting.pk)
    return render(request, "partners/meeting/meeting_form.html", {"form": form},
                  status=400 if form.errors else 200)


def decorate(decisions, user, unit_ids=None):
    """Each decision's buttons for this user and what its actions made, without a query per decision."""
    unit_ids = set(unit_ids_of(user)) if unit_ids is None else unit_ids
    can_change, all_scorecards = user.has_perm(CHANGE), user.has_perm("partners.view_scorecard")
    made = outcomes_of(decisions)
    for decision in decisions:
        outcomes = made.get(decision.pk, {})
        decision.may_report_it = can_change or decision.unit_id in unit_ids
        decision.scorecard_shown = all_scorecards or decision.unit_id in unit_ids
        decision.outcomes = list(outcomes.values())
        decision.actions = actions_for(decision, user, done=outcomes)
    return decisions


def _detail_context(request, meeting, bound=None):
    bound = bound or {}
    decisions = Decision.objects.select_related("unit", "carried_to").order_by("pk")
    items = list(meeting.items.select_related("follows_up__item__meeting")
                 .prefetch_related(Prefetch("decisions", queryset=decisions)).order_by("position", "pk"))
    units = forms.active_units() if request.user.has_perm(CHANGE) and not meeting.is_confirmed else []
    decorate([decision for item in items for decision in item.decisions.all()], request.user,
             set(unit_ids_of(request.user)))  # once for the page: its outcomes are a query per action, not per item
    for item in items:
        item.decision_form = (bound["decision"] if bound.get("decision_item") == item.pk
                              else forms.DecisionForm(auto_id=f"id_item{item.pk}_%s", units=units))
    present = set(meeting.attendance.filter(present=True).values_list("member_id", flat=True))
    roster = list(meeting.roster())
    count, members, reached = meeting.quorum()
    can_change = request.user.has_perm(CHANGE)
    return {
        "meeting": meeting, "items": [i for i in items if not i.dropped], "dropped": [i for i in items if i.dropped],
        "roster": [(member, member.pk in present) for member in roster], "recorded": meeting.attendance.exists(),
        "quorum": {"present": count, "members": members, "reached": reached, "needed": members // 2 + 1},
        "invited": list(meeting.invited_units.order_by("name")),
        "amendments": list(meeting.amendments.select_related("by__person")),
        "can_change": can_change and not meeting.is_confirmed,
        "can_confirm": (not meeting.is_confirmed and meeting.chairman is not None
                        and meeting.chairman.person.user_id == request.user.pk),
        "can_amend": can_change and meeting.is_confirmed,
        "attendance_form": bound.get("attendance") or forms.AttendanceForm(initial={"present": present}),
        "item_form": bound.get("item") or forms.ItemForm(),
        "decision_item": bound.get("decision_item"), "can_carry": can_change,
        "minutes_form": bound.get("minutes") or forms.MinutesForm(initial={"minutes": meeting.minutes}),
        "amendment_form": bound.get("amendment") or forms.AmendmentForm(),
    }


@require_GET
@login_required
def meeting_detail(request, pk):
    meeting = get_meeting(request, pk)
    return render(request, "partners/meeting/meeting_detail.html", _detail_context(request, meeting))


def _act(request, meeting, name, form, act, done, item_pk=None):
    """Validate `form`, call act(cleaned_data); a refusal re-renders the meeting's page with the message."""
    bound = {name: form, "decision_item": item_pk}
    if form is not None and not form.is_valid():
        return render(request, "partners/meeting/meeting_detail.html",
                      _detail_context(request, meeting, bound), status=400)
    try:
        act(form.cleaned_data if form is not None else {})
    except ValidationError as error:
        messages.error(request, error.messages[0])
        if form is not None:
            form.add_error(None, error)
        meeting.refresh_from_db()
        return render(request, "partners/meeting/meeting_detail.html",
                      _detail_context(request, meeting, bound if form is not None else None), status=400)
    messages.success(request, done)
    return redirect("partners:meeting", meeting.pk)


@require_POST
@login_required
def attendance(request, pk):
    meeting = _writable(request, pk)
    return _act(request, meeting, "attendance", forms.AttendanceForm(request.POST),
                lambda data: meeting.record_attendance([m.pk for m in data["present"]], by=request.user),
                _("Attendance recorded."))


@require_POST
@login_required
def build_agenda(request, pk):
    meeting = _writable(request, pk)
    added = []
    result = _act(request, meeting, "agenda", None, lambda data: added.append(meeting.build_agenda(by=request.user)),
                  _("The agenda was built from the proposals."))
    if added and not added[0]:
        messages.info(request, _("Nothing new was proposed."))
    return result


@require_POST
@login_required
def add_item(request, pk):
    meeting = _writable(request, pk)
    return _act(request, meeting, "item", forms.ItemForm(request.POST),
                lambda data: meeting.add_item(data["title"], by=request.user), _("Item added."))


def _item(request, pk, item_pk):
    meeting = _writable(request, pk)
    return meeting, get_object_or_404(AgendaItem.objects.filter(meeting=meeting), pk=item_pk)


@require_POST
@login_required
def drop_item(request, pk, item_pk):
    meeting, item = _item(request, pk, item_pk)
    restore = request.POST.get("restore") == "1"
    return _act(request, meeting, "item", None,
                lambda data: item.restore(by=request.user) if restore else item.drop(by=request.user),
                _("Item put back on the agenda.") if restore else _("Item dropped."))


@require_POST
@login_required
def decide(request, pk, item_pk):
    meeting, item = _item(request, pk, item_pk)
    form = forms.DecisionForm(request.POST)
    return _act(request, meeting, "decision", form, lambda data: Decision.decide(item, **data, by=request.user),
                _("Decision recorded."), item_pk=item.pk)


@require_POST
@login_required
def minutes(request, pk):
    meeting = _writable(request, pk)
    return _act(request, meeting, "minutes", forms.MinutesForm(request.POST),
                lambda data: meeting.write_minutes(data["minutes"], by=request.user), _("Minutes saved."))


@require_POST
@login_required
def confirm(request, pk):
    meeting = get_meeting(request, pk)
    return _act(request, meeting, "confirm", None, lambda data: meeting.confirm_minutes(by=request.user),
                _("Minutes confirmed. They are read-only now."))


@require_POST
@login_required
def amend(request, pk):
    meeting = _writable(request, pk)
    return _act(request, meeting, "amendment", forms.AmendmentForm(request.POST),
                lambda data: meeting.amend(data["text"], by=request.user), _("Amendment recorded."))


@require_GET
@login_required
def minutes_print(request, pk):
    """The minutes on A4, in Chinese whatever the staff language: attendance, the items and their decisions."""
    meeting = get_meeting(request, pk)
    return render_on_paper(request, "partners/meeting/minutes_print.html", _detail_context(request, meeting))


@require_GET
@login_required
@permission_required("partners.view_decision", raise_exception=True)
def decision_list(request):
    decisions = (Decision.objects.visible_to(request.user)
                 .select_related("unit", "item__meeting", "carried_to").order_by("state", "deadline", "pk"))
    found = DecisionFilter(request.GET, queryset=decisions)
    page = paginate(request, found.qs, 20)
    page.object_list = decorate(list(page.object_list), request.user)
    return render(request, "partners/meeting/decision_list.html", {
        "filter": found, "page": page, "query": query_without_page(request),
        "can_carry": request.user.has_perm(CHANGE)})


def get_decision(request, pk):
    return get_object_or_404(Decision.objects.visible_to(request.user).select_related("unit", "item__meeting"),
                             pk=pk)


@require_http_methods(["GET", "POST"])
@login_required
def decision_done(request, pk):
    decision = get_decision(request, pk)
    if not decision.may_report(request.user):
        raise PermissionDenied
    form = forms.DoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            decision.mark_done(form.cleaned_data["note"], by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Reported done."))
            return redirect("partners:decisions")
    return render(request, "partners/meeting/decision_form.html",
                  {"decision": decision, "form": form, "action": "done"}, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@login_required
def decision_carry(request, pk):
    decision = get_decision(request, pk)
    if not request.user.has_perm(CHANGE):
        raise PermissionDenied
    form = forms.CarryForm(request.POST or None, decision=decision)
    if request.method == "POST" and form.is_valid():
        try:
            decision.carry_to(form.cleaned_data["meeting"], by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Carried to the next meeting's agenda."))
            return redirect("partners:meeting", form.cleaned_data["meeting"].pk)
    return render(request, "partners/meeting/decision_form.html",
                  {"decision": decision, "form": form, "action": "carry"}, status=400 if form.errors else 200)


@require_GET
@login_required
def scorecard(request, pk):
    """A unit's record of the meeting's decisions: for the branch and the unit's own party members."""
    unit = get_object_or_404(Unit, pk=pk)
    own = UnitMembership.objects.filter(unit=unit, person__user=request.user).exists()
    if not (own or request.user.has_perm("partners.view_scorecard")):
        raise Http404  # the same answer as for a unit that does not exist
    return render(request, "partners/meeting/scorecard.html", {"unit": unit, "card": scorecard_of(unit),
                                                               "sections": sections_of(unit)})


@require_GET
@login_required
@permission_required("partners.view_scorecard", raise_exception=True)
def scorecards(request):
    """The branch's overview: every unit's decisions owned, done, done on time and overdue."""
    from partners.units.filters import UnitFilter

    found = UnitFilter(request.GET, queryset=units_with_scores().order_by("-overdue", "kind", "name"))
    return render(request, "partners/meeting/scorecards.html", {
        "filter": found, "page": paginate(request, found.qs, 30), "query": query_without_page(request)})
