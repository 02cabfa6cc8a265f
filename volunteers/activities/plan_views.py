"""The branch's pages for activity day: the plans, one month's plan by grid (items, reasons, what is missing) and
publishing it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from nanjie.paging import paginate
from volunteers.activities.forms import PlanForm, ReasonForm
from volunteers.activities.models import Activity, ActivityDay, community_grids


@require_GET
@login_required
@permission_required("volunteers.view_activityday", raise_exception=True)
def plan_list(request):
    plans = ActivityDay.objects.order_by("-month")
    return render(request, "volunteers/activities/plan_list.html", {
        "page": paginate(request, plans), "query": "", "form": PlanForm(),
        "may_add": request.user.has_perm("volunteers.add_activityday")})


@require_POST
@login_required
@permission_required("volunteers.add_activityday", raise_exception=True)
def plan_new(request):
    form = PlanForm(request.POST)
    if not form.is_valid():
        return render(request, "volunteers/activities/plan_list.html", {
            "page": paginate(request, ActivityDay.objects.order_by("-month")), "query": "", "form": form,
            "may_add": True}, status=400)
    return redirect("volunteers:plan", ActivityDay.for_month(form.cleaned_data["month"]).pk)


def _plan_page(request, plan, status=200, reason_form=None):
    items = list(Activity.objects.filter(plan=plan).select_related("team").prefetch_related("grids")
                 .order_by("starts", "pk"))
    reasons = {reason.grid_id: reason for reason in plan.reasons.all()}
    rows = []
    for grid in community_grids():
        rows.append({"grid": grid, "items": [item for item in items if grid in item.grids.all()],
                     "reason": reasons.get(grid.pk)})
    may_change = request.user.has_perm("volunteers.change_activityday")
    missing = [row["grid"] for row in rows if not row["items"] and not row["reason"]]
    return render(request, "volunteers/activities/plan_detail.html", {
        "plan": plan, "rows": rows, "missing": missing, "may_change": may_change and not plan.is_published,
        "reason_form": reason_form or ReasonForm(grids=community_grids()),
    }, status=status)


@require_GET
@login_required
@permission_required("volunteers.view_activityday", raise_exception=True)
def plan_detail(request, pk):
    return _plan_page(request, get_object_or_404(ActivityDay, pk=pk))


@require_POST
@login_required
@permission_required("volunteers.change_activityday", raise_exception=True)
def plan_reason(request, pk):
    plan = get_object_or_404(ActivityDay, pk=pk)
    form = ReasonForm(request.POST, grids=community_grids())
    if not form.is_valid():
        return _plan_page(request, plan, status=400, reason_form=form)
    try:
        plan.give_reason(form.cleaned_data["grid"], form.cleaned_data["reason"], by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Reason saved."))
    return redirect("volunteers:plan", plan.pk)


@require_POST
@login_required
@permission_required("volunteers.change_activityday", raise_exception=True)
def plan_publish(request, pk):
    plan = get_object_or_404(ActivityDay, pk=pk)
    try:
        plan.publish(by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Plan published: the teams can claim its items now."))
    return redirect("volunteers:plan", plan.pk)
