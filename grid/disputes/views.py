"""The dispute register: list with this year's "resolved in the community" count, register, move on."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from grid.disputes.filters import DisputeFilter
from grid.disputes.forms import DisputeForm, MediateForm, ReferForm, ResolveForm
from grid.disputes.models import Dispute
from nanjie.once import post_once
from nanjie.paging import paginate, query_without_page


def scoped(user):
    return Dispute.objects.visible_to(user).select_related("micro_grid__parent", "mediator")


@require_GET
@login_required
@permission_required("grid.view_dispute", raise_exception=True)
def dispute_list(request):
    disputes = DisputeFilter(request.GET, request=request, queryset=scoped(request.user))
    year = timezone.localdate().year
    return render(request, "grid/disputes/dispute_list.html", {
        "filter": disputes, "page": paginate(request, disputes.qs), "query": query_without_page(request),
        "year": year, "resolved": Dispute.objects.visible_to(request.user).resolved_in_community(year).count()})


def _detail(request, dispute, status=200, **forms):
    moving = {"dispute": dispute, "user": request.user}
    context = {"dispute": dispute, "transitions": dispute.transitions.select_related("by"),
               "mediate_form": MediateForm(**moving), "resolve_form": ResolveForm(**moving),
               "refer_form": ReferForm(**moving), **forms}
    return render(request, "grid/disputes/dispute_detail.html", context, status=status)


@require_GET
@login_required
@permission_required("grid.view_dispute", raise_exception=True)
def dispute_detail(request, pk):
    return _detail(request, get_object_or_404(scoped(request.user), pk=pk))


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("grid.add_dispute", raise_exception=True)
def dispute_new(request):
    form = DisputeForm(request.POST or None, user=request.user)
    if request.method == "POST":
        answer = post_once(request, form, owner={"registered_by": request.user}, done=_("Dispute registered."),
                           go_to=lambda dispute: ("field:dispute", dispute.pk))
        if answer:
            return answer
    return render(request, "grid/disputes/dispute_form.html", {"form": form})


ACTIONS = {
    "mediate": (MediateForm, "mediate_form", lambda d, data, user: d.start_mediation(data["mediator"], by=user)),
    "resolve": (ResolveForm, "resolve_form", lambda d, data, user: d.resolve(
        data["outcome"], by=user, follow_up_on=data["follow_up_on"])),
    "refer": (ReferForm, "refer_form", lambda d, data, user: d.refer(data["referred_to"], by=user,
                                                                     note=data["note"])),
}


@require_POST
@login_required
def dispute_move(request, pk, action):
    if action not in ACTIONS:
        raise Http404
    dispute = get_object_or_404(scoped(request.user), pk=pk)
    if not request.user.has_perm("grid.change_dispute"):
        return render(request, "403.html", status=403)
    form_class, name, act = ACTIONS[action]
    form = form_class(request.POST, dispute=dispute, user=request.user)
    if form.is_valid():
        try:
            act(dispute, form.cleaned_data, request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("Dispute updated."))
        return redirect("field:dispute", dispute.pk)
    return _detail(request, dispute, status=400, **{name: form})
