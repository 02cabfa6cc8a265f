"""The whistle (吹哨报到): the community blows, the grid's teams report in, the whistle is closed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from grid.people.models import person_of
from grid.teams.filters import WhistleFilter
from grid.teams.forms import CloseForm, ReportInForm, WhistleForm
from grid.teams.models import GridTeamMember, Whistle
from nanjie.once import post_once
from nanjie.paging import paginate, query_without_page


def scoped(user):
    return Whistle.objects.visible_to(user).select_related("grid")


def _allowed(user, permission):
    """Whistles are for staff with the permission and for anyone on a four-teams roster (a homeowners' committee
    member has a login but no role): anyone else gets a 403. Which whistles is visible_to's answer (404 outside)."""
    if not (user.has_perm(permission) or GridTeamMember.objects.filter(person__user=user).exists()):
        raise PermissionDenied


def _get_whistle(request, pk, permission):
    _allowed(request.user, permission)
    return get_object_or_404(scoped(request.user), pk=pk)


@require_GET
@login_required
def whistle_list(request):
    _allowed(request.user, "grid.view_whistle")
    whistles = WhistleFilter(request.GET, request=request, queryset=scoped(request.user))
    return render(request, "grid/teams/whistle_list.html", {"filter": whistles, "page": paginate(request, whistles.qs),
                                                             "query": query_without_page(request)})


def _detail(request, whistle, status=200, **forms):
    person = getattr(request.user, "person", None)
    in_team = person is not None and GridTeamMember.objects.filter(grid_id=whistle.grid_id, person=person).exists()
    reported = person is not None and whistle.reports.filter(person=person).exists()
    return render(request, "grid/teams/whistle_detail.html", {
        "whistle": whistle, "reports": whistle.reports.select_related("person"),
        "can_report": whistle.is_open and in_team and not reported, "reported": reported,
        "can_close": whistle.is_open and request.user.has_perm("grid.change_whistle"),
        "report_form": ReportInForm(), "close_form": CloseForm(), **forms}, status=status)


@require_GET
@login_required
def whistle_detail(request, pk):
    return _detail(request, _get_whistle(request, pk, "grid.view_whistle"))


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("grid.add_whistle", raise_exception=True)
def whistle_new(request):
    form = WhistleForm(request.POST or None, user=request.user)
    if request.method == "POST":
        answer = post_once(request, form, owner={"blown_by": request.user},
                           done=_("Whistle blown: the teams of this grid see it now."),
                           go_to=lambda whistle: ("field:whistle", whistle.pk))
        if answer:
            return answer
    return render(request, "grid/teams/whistle_form.html", {"form": form})


@require_POST
@login_required
def whistle_report(request, pk):
    whistle = _get_whistle(request, pk, "grid.add_whistlereport")
    form = ReportInForm(request.POST)
    if not form.is_valid():
        return _detail(request, whistle, status=400, report_form=form)
    try:
        whistle.report_in(person_of(request.user), form.cleaned_data["note"])
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("You have reported in."))
    return redirect("field:whistle", whistle.pk)


@require_POST
@login_required
def whistle_close(request, pk):
    whistle = get_object_or_404(scoped(request.user), pk=pk)
    if not request.user.has_perm("grid.change_whistle"):
        return render(request, "403.html", status=403)
    form = CloseForm(request.POST)
    if not form.is_valid():
        return _detail(request, whistle, status=400, close_form=form)
    try:
        whistle.close(form.cleaned_data["outcome"], by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Whistle closed."))
    return redirect("field:whistle", whistle.pk)
