"""The staff's and volunteers' pages of activities: the list (scoped, filtered), an activity's page (sign up,
sign in with the code, and for its organiser the code, the roster, hours and the record), a new activity, and
the actions, each fetch-with-access, one model method, redirect."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from grid.people.models import person_of
from nanjie import signin_codes
from nanjie.once import save_once
from nanjie.paging import paginate, query_without_page
from volunteers.activities.filters import ActivityFilter
from volunteers.activities.forms import (
    ActivityForm,
    AddVolunteerForm,
    ClaimForm,
    CodeForm,
    ConfirmForm,
    LateForm,
    RecordForm,
    SignUpForm,
)
from volunteers.activities.models import Activity, ActivityDay, led_team_ids
from volunteers.activities.signups import SignUp
from volunteers.teams.models import Team


def reachable(user):
    """What a login may open: what every volunteer sees (listed) and what they manage (visible_to)."""
    return Activity.objects.filter(Q(plan__isnull=True) | Q(plan__state=ActivityDay.State.PUBLISHED) | Q(
        pk__in=Activity.objects.visible_to(user).values("pk"))).select_related("plan", "team", "organiser")


@require_GET
@login_required
def activity_list(request):
    activities = ActivityFilter(request.GET, request=request, queryset=reachable(request.user).prefetch_related(
        "grids").order_by("starts", "pk"))
    return render(request, "volunteers/activities/activity_list.html", {
        "filter": activities, "page": paginate(request, activities.qs), "query": query_without_page(request),
        "may_add": request.user.has_perm("volunteers.add_activity")})


def claiming_teams(user):
    """The teams a login claims for: the ones they lead (any team for the branch)."""
    if user.has_perm("volunteers.change_activityday"):
        return Team.objects.all()
    return Team.objects.filter(pk__in=list(led_team_ids(user)))


def claimable_teams(user, activity):
    """Those of them that may claim this item now (the page offers the form only then)."""
    if not (activity.plan_id and activity.plan.is_published and activity.team_id is None
            and activity.state == Activity.State.PLANNED):
        return Team.objects.none()
    teams = claiming_teams(user)
    return teams.filter(colour=activity.colour) if activity.colour else teams


def _activity_page(request, activity, status=200, **forms):
    user, now = request.user, timezone.now()
    person = getattr(user, "person", None)
    mine = SignUp.objects.filter(activity=activity, person=person).first() if person else None
    manage = activity.may_manage(user)
    teams = claimable_teams(user, activity)
    signups = list(activity.signups.exclude(state=SignUp.State.CANCELLED).select_related(
        "person", "late_entered_by").order_by("queued_at", "pk")) if manage else []
    context = {
        "activity": activity, "mine": mine, "manage": manage, "now": now,
        "grids": activity.grids.all(), "places_taken": activity.signups.filter(state=SignUp.State.ACTIVE).count(),
        "signup_form": SignUpForm() if person and activity.is_open_for_signup(now) and (
            mine is None or mine.state == SignUp.State.CANCELLED) else None,
        "code_form": CodeForm() if mine and mine.state == SignUp.State.ACTIVE and signin_codes.is_open(
            activity.starts, activity.ends, now) else None,
        "code": signin_codes.current_code(activity.subject, activity.starts, activity.ends, now) if manage else None,
        "claim_form": ClaimForm(teams=teams) if teams.exists() else None,
        "active": [signup for signup in signups if signup.state == SignUp.State.ACTIVE],
        "waiting": [signup for signup in signups if signup.state == SignUp.State.WAITING],
        "confirm_form": ConfirmForm(), "late_form": LateForm(),
        "add_form": AddVolunteerForm(activity=activity) if manage and activity.is_open_for_signup(now) else None,
        "record_form": RecordForm(activity=activity, user=user) if manage and activity.starts <= now and (
            activity.state != Activity.State.CANCELLED) else None,
        "log": activity.log.select_related("by", "signup__person") if manage else [],
        **forms,
    }
    return render(request, "volunteers/activities/activity_detail.html", context, status=status)


@require_GET
@login_required
def activity_detail(request, pk):
    return _activity_page(request, get_object_or_404(reachable(request.user), pk=pk))


@require_http_methods(["GET", "POST"])
@login_required
def activity_new(request):
    if not request.user.has_perm("volunteers.add_activity"):
        raise PermissionDenied
    plan = None
    asked = request.GET.get("plan", "")
    if asked:
        if not (asked.isascii() and asked.isdigit() and len(asked) < 10):
            raise Http404
        plan = get_object_or_404(ActivityDay.objects.filter(state=ActivityDay.State.DRAFT), pk=int(asked))
        if not request.user.has_perm("volunteers.change_activityday"):
            raise PermissionDenied
    form = ActivityForm(request.POST or None, plan=plan, user=request.user)
    if request.method == "POST" and form.is_valid():
        starts, ends = form.times()
        data, key = form.cleaned_data, form.submission_key

        def create():
            activity = Activity(plan=plan, title=data["title"], needs=data["needs"], colour=data["colour"],
                                capacity=data["capacity"], starts=starts, ends=ends, place=data["place"],
                                position=data["position"], organiser=getattr(request.user, "person", None),
                                created_by=request.user, token=key)
            activity.full_clean(exclude=["token"])
            activity.save()
            activity.grids.set(data["grids"])
            return activity

        try:
            activity, created = save_once(Activity, key, create)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Activity added.") if created else _(
                "This was already saved; it was not saved twice."))
            return redirect("volunteers:plan", plan.pk) if plan else redirect("volunteers:activity", activity.pk)
    return render(request, "volunteers/activities/activity_form.html", {"form": form, "plan": plan},
                  status=400 if form.errors else 200)


def _acting(request, pk):
    return get_object_or_404(reachable(request.user), pk=pk)


def _done(request, action, success, activity_pk):
    try:
        action()
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, success)
    return redirect("volunteers:activity", activity_pk)


@require_POST
@login_required
def activity_claim(request, pk):
    activity = _acting(request, pk)
    teams = claiming_teams(request.user)
    if not teams.exists():
        raise PermissionDenied
    form = ClaimForm(request.POST, teams=teams)  # the model refuses what is not claimable, with its reason
    if not form.is_valid():
        messages.error(request, form.errors["team"][0] if "team" in form.errors else _("Choose your team."))
        return redirect("volunteers:activity", activity.pk)
    return _done(request, lambda: activity.claim(form.cleaned_data["team"], by=request.user),
                 _("Claimed for your team."), activity.pk)


@require_POST
@login_required
def activity_signup(request, pk):
    activity, person = _acting(request, pk), person_of(request.user)
    form = SignUpForm(request.POST)
    form.is_valid()
    try:
        signup = SignUp.sign_up(activity, person, by=request.user, show_name=form.cleaned_data.get("show_name", False))
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("You have signed up.") if signup.state == SignUp.State.ACTIVE else _(
            "All places are taken: you are on the waiting list and move up if someone cancels."))
    return redirect("volunteers:activity", activity.pk)


def _my_signup(request, pk):
    activity, person = _acting(request, pk), person_of(request.user)
    return activity, get_object_or_404(SignUp, activity=activity, person=person)


@require_POST
@login_required
def signup_cancel(request, pk):
    activity, signup = _my_signup(request, pk)
    return _done(request, lambda: signup.cancel(by=request.user), _("Your sign-up is cancelled."), activity.pk)


def _with_code(request, pk, method, success):
    activity, signup = _my_signup(request, pk)
    form = CodeForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["code"][0])
        return redirect("volunteers:activity", activity.pk)
    return _done(request, lambda: getattr(signup, method)(form.cleaned_data["code"], by=request.user), success,
                 activity.pk)


@require_POST
@login_required
def sign_in(request, pk):
    return _with_code(request, pk, "sign_in", _("Signed in. Thank you for coming!"))


@require_POST
@login_required
def sign_out(request, pk):
    return _with_code(request, pk, "sign_out", _("Signed out."))


def _managed_signup(request, pk):
    signup = get_object_or_404(SignUp.objects.filter(activity__in=reachable(request.user)).select_related(
        "activity__plan"), pk=pk)
    if not signup.activity.may_manage(request.user):
        raise PermissionDenied
    return signup


@require_POST
@login_required
def signup_confirm(request, pk):
    signup = _managed_signup(request, pk)
    form = ConfirmForm(request.POST)
    evaluation = form.cleaned_data["evaluation"] if form.is_valid() else SignUp.Evaluation.GOOD
    return _done(request, lambda: signup.confirm(by=request.user, evaluation=evaluation), _("Hours confirmed."),
                 signup.activity_id)


@require_POST
@login_required
def signup_late(request, pk):
    signup = _managed_signup(request, pk)
    form = LateForm(request.POST)
    if not form.is_valid():
        messages.error(request, next(iter(form.errors.values()))[0])
        return redirect("volunteers:activity", signup.activity_id)
    data = form.cleaned_data
    return _done(request, lambda: signup.enter_late(data["minutes"], data["reason"], by=request.user,
                                                    evaluation=data["evaluation"]),
                 _("Hours entered; a second person must approve them."), signup.activity_id)


@require_POST
@login_required
def signup_approve(request, pk):
    signup = _managed_signup(request, pk)
    return _done(request, lambda: signup.approve_late(by=request.user), _("Late entry approved."),
                 signup.activity_id)


@require_POST
@login_required
def activity_record(request, pk):
    activity = _acting(request, pk)
    if not activity.may_manage(request.user):
        raise PermissionDenied
    form = RecordForm(request.POST, activity=activity, user=request.user)
    if not form.is_valid():
        return _activity_page(request, activity, status=400, record_form=form)
    data = form.cleaned_data
    return _done(request, lambda: activity.record(data["beneficiaries"], data["summary"], by=request.user,
                                                  households=data["households"]),
                 _("Activity recorded."), activity.pk)



@require_POST
@login_required
def activity_add_volunteer(request, pk):
    activity = _acting(request, pk)
    if not activity.may_manage(request.user):
        raise PermissionDenied
    form = AddVolunteerForm(request.POST, activity=activity)
    if not form.is_valid():
        messages.error(request, next(iter(form.errors.values()))[0])
        return redirect("volunteers:activity", activity.pk)
    data = form.cleaned_data
    return _done(request, lambda: SignUp.sign_up(activity, data["person"], by=request.user,
                                                 allow_clash=data["allow_clash"]),
                 _("Volunteer signed up."), activity.pk)
