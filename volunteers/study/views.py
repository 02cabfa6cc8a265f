"""The study pages: staff plan sessions, show the sign-in code, tick who came and close them; a member signs in
with the code on their phone; the misses wait for a make-up. Tutors log their contacts with the mobile members.

Fetch with access (404 outside visible_to, 403 without the permission), act through the model, redirect."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from grid.people.models import person_of
from nanjie.masking import mask_phone
from nanjie.once import save_once
from nanjie.paging import paginate, query_without_page
from volunteers.study.filters import MissedFilter, MobileMemberFilter, StudySessionFilter
from volunteers.study.forms import CameBackForm, CancelForm, ContactForm, SignInForm, StudySessionForm, TickForm
from volunteers.study.models import MobileMember, StudyAttendance, StudySession, TutorContact, branch_members


def _forbidden(request):
    return render(request, "403.html", status=403)


def scoped(user):
    return StudySession.objects.visible_to(user).select_related("position", "organiser", "makes_up")


@require_GET
@login_required
@permission_required("volunteers.view_studysession", raise_exception=True)
def session_list(request):
    sessions = StudySessionFilter(request.GET, queryset=scoped(request.user).annotate(
        came=Count("attendances", filter=Q(attendances__present=True))).order_by("-starts_at", "-pk"))
    return render(request, "volunteers/study/session_list.html", {
        "filter": sessions, "page": paginate(request, sessions.qs), "query": query_without_page(request)})


@require_http_methods(["GET", "POST"])
@login_required
def session_new(request):
    if not request.user.has_perm("volunteers.add_studysession"):
        return _forbidden(request)
    initial = {"makes_up": request.GET.get("makes_up", "")} if request.GET.get("makes_up", "").isdigit() else {}
    form = StudySessionForm(request.POST or None, request.FILES or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            session, created = save_once(StudySession, form.submission_key, lambda: StudySession.plan(
                by=request.user, **form.session_fields()), created_by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Study session planned.") if created else _(
                "This was already saved; it was not saved twice."))
            return redirect("volunteers:study_session", session.pk)
    return render(request, "volunteers/study/session_form.html", {"form": form},
                  status=400 if form.errors else 200)


def _session_page(request, session, status=200, **forms):
    user = request.user
    can_change = user.has_perm("volunteers.change_studysession")
    attendances = session.attendances.select_related("person", "made_up_in").order_by("person__name", "pk")
    present = [row for row in attendances if row.present]
    missed = [row for row in attendances if not row.present]
    return render(request, "volunteers/study/session_detail.html", {
        "session": session, "can_change": can_change, "present": present, "missed": missed,
        "signed_with_code": sum(1 for row in present if row.how == StudyAttendance.How.CODE),
        "code": session.code() if can_change else None,
        "tick_form": forms.get("tick_form") or (TickForm(session=session) if can_change and session.is_planned
                                                else None),
        "cancel_form": forms.get("cancel_form") or CancelForm(),
        "expected": _expected(session, attendances, present),
        "make_ups": session.make_ups.order_by("starts_at"),
        "changes": session.changes.select_related("by"),
    }, status=status)


def _expected(session, attendances, present):
    """Who was expected: the roster while planned; once closed, its rows (a make-up: who came and who still owes)."""
    if session.is_planned:
        return session.roster().count()
    if session.makes_up_id:
        return len(present) + session.makes_up.misses().count()
    return len(attendances)


@require_GET
@login_required
def session_detail(request, pk):
    session = get_object_or_404(scoped(request.user), pk=pk)  # 404 first: the same for unseen and missing
    if not request.user.has_perm("volunteers.view_studysession"):
        return _forbidden(request)
    return _session_page(request, session)


def _for_change(request, pk):
    """The session, 404 outside the user's scope; None (→ 403) without the right to record attendance."""
    session = get_object_or_404(scoped(request.user), pk=pk)
    return session if request.user.has_perm("volunteers.change_studysession") else None


@require_POST
@login_required
def session_tick(request, pk):
    session = _for_change(request, pk)
    if session is None:
        return _forbidden(request)
    if not session.is_planned:
        messages.error(request, _("This session is no longer open for attendance."))
        return redirect("volunteers:study_session", session.pk)
    form = TickForm(request.POST, session=session)
    if not form.is_valid():
        return _session_page(request, session, status=400, tick_form=form)
    try:
        count = session.tick(form.cleaned_data["people"], by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("%(count)d members recorded as present.") % {"count": count})
    return redirect("volunteers:study_session", session.pk)


@require_POST
@login_required
def session_close(request, pk):
    session = _for_change(request, pk)
    if session is None:
        return _forbidden(request)
    try:
        session.close(by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The session is closed; whoever missed it is listed for a make-up."))
    return redirect("volunteers:study_session", session.pk)


@require_POST
@login_required
def session_cancel(request, pk):
    session = _for_change(request, pk)
    if session is None:
        return _forbidden(request)
    form = CancelForm(request.POST)
    if not form.is_valid():
        return _session_page(request, session, status=400, cancel_form=form)
    try:
        session.cancel(by=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The session is cancelled."))
    return redirect("volunteers:study_session", session.pk)


@require_GET
@login_required
def session_file(request, pk):
    """The materials file, only through this view (media is never served directly), as a download."""
    session = get_object_or_404(scoped(request.user), pk=pk)
    if not session.materials_file:
        raise Http404
    if not request.user.has_perm("volunteers.view_studysession"):
        return _forbidden(request)
    try:
        handle = session.materials_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=session.materials_file.name.rsplit("/", 1)[-1])
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
@login_required
@permission_required("volunteers.view_studysession", raise_exception=True)
def missed_list(request):
    misses = MissedFilter(request.GET, queryset=StudyAttendance.objects.visible_to(request.user).filter(
        present=False, made_up_in__isnull=True, session__state=StudySession.State.HELD)
        .select_related("person", "session__position").order_by("-session__starts_at", "person__name", "pk"))
    return render(request, "volunteers/study/missed_list.html", {
        "filter": misses, "page": paginate(request, misses.qs), "query": query_without_page(request)})


# --- the member's side ---------------------------------------------------------------------------------------

def open_to(person, now=None):
    """The sessions this member can sign in to now: ordinary ones if on the branch's roster, make-ups of what
    they missed."""
    sessions = StudySession.objects.open_for_sign_in(now).select_related("position")
    on_roster = branch_members().filter(pk=person.pk).exists()
    missed = StudyAttendance.objects.filter(person=person, present=False, made_up_in__isnull=True).values("session_id")
    condition = Q(makes_up__in=missed)
    if on_roster:
        condition |= Q(makes_up__isnull=True)
    return sessions.filter(condition).order_by("starts_at", "pk")


@require_GET
@login_required
def my_study(request):
    person = getattr(request.user, "person", None)
    context = {"person": person, "sessions": [], "misses": [], "attended": []}
    if person is not None:
        came = set(StudyAttendance.objects.filter(person=person, present=True).values_list("session_id", flat=True))
        context.update(
            on_roster=branch_members().filter(pk=person.pk).exists(),
            sessions=[(session, session.pk in came, SignInForm(auto_id=f"id_%s_{session.pk}"))
                      for session in open_to(person)],
            misses=StudyAttendance.objects.filter(person=person, present=False, made_up_in__isnull=True)
            .select_related("session__position").order_by("-session__starts_at")[:20],
            attended=StudyAttendance.objects.filter(person=person, present=True, at__year=timezone.localdate().year)
            .count())
    return render(request, "volunteers/study/my_study.html", context)


@require_POST
@login_required
def sign_in(request, pk):
    person = person_of(request.user)
    session = get_object_or_404(open_to(person), pk=pk)
    form = SignInForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["code"][0])
        return redirect("volunteers:my_study")
    try:
        row = session.sign_in(person, form.cleaned_data["code"], by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Signed in to %(topic)s.") % {"topic": session.topic} if row else _(
            "You had already signed in."))
    return redirect("volunteers:my_study")


# --- mobile party members and their tutors ---------------------------------------------------------------------

def members_of(user):
    return MobileMember.objects.visible_to(user).select_related("person", "tutor", "grid")


def contact_shown(member, user):
    """(where they work, phone, other way) as this user may see them: whole for the tutor and the branch."""
    if member.shows_contact_to(user):
        return member.works_in, member.phone, member.other_contact
    return _("(visible to the tutor and the branch)"), mask_phone(member.phone), ""


@require_GET
@login_required
@permission_required("volunteers.view_mobilemember", raise_exception=True)
def member_list(request):
    members = MobileMemberFilter(request.GET, request=request, queryset=members_of(request.user)
                                 .with_last_contact().order_by("person__name", "pk"))
    page = paginate(request, members.qs)
    for member in page:
        member.shown = contact_shown(member, request.user)
    return render(request, "volunteers/study/member_list.html", {
        "filter": members, "page": page, "query": query_without_page(request),
        "overdue": set(MobileMember.objects.filter(pk__in=[member.pk for member in page]).overdue()
                       .values_list("pk", flat=True))})


def _member_page(request, member, status=200, form=None, back_form=None):
    return render(request, "volunteers/study/member_detail.html", {
        "may_record_return": request.user.has_perm("volunteers.change_mobilemember"),
        "back_form": back_form or CameBackForm(),
        "member": member, "shown": contact_shown(member, request.user),
        "may_log": member.shows_contact_to(request.user) and request.user.has_perm("volunteers.add_tutorcontact"),
        "overdue": MobileMember.objects.filter(pk=member.pk).overdue().exists(),
        "contacts": member.contacts.select_related("recorded_by")[:50], "form": form or ContactForm(),
    }, status=status)


@require_GET
@login_required
def member_detail(request, pk):
    member = get_object_or_404(members_of(request.user), pk=pk)
    if not request.user.has_perm("volunteers.view_mobilemember"):
        return _forbidden(request)
    return _member_page(request, member)


@require_POST
@login_required
def member_contact(request, pk):
    member = get_object_or_404(members_of(request.user), pk=pk)
    if not request.user.has_perm("volunteers.add_tutorcontact"):
        return _forbidden(request)
    form = ContactForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            _contact, created = save_once(TutorContact, form.submission_key, lambda: member.log_contact(
                on=data["on"], how=data["how"], studied=data["studied"], by=request.user,
                token=form.submission_key), recorded_by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Contact logged.") if created else _(
                "This was already saved; it was not saved twice."))
            return redirect("volunteers:mobile_member", member.pk)
    return _member_page(request, member, status=400, form=form)


@require_POST
@login_required
def member_came_back(request, pk):
    member = get_object_or_404(members_of(request.user), pk=pk)
    if not request.user.has_perm("volunteers.change_mobilemember"):
        return _forbidden(request)
    form = CameBackForm(request.POST)
    if not form.is_valid():
        return _member_page(request, member, status=400, back_form=form)
    try:
        member.came_back(on=form.cleaned_data["on"], by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Recorded as back home: back on the study roster, no longer flagged."))
    return redirect("volunteers:mobile_member", member.pk)
