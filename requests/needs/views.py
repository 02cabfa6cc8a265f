"""Promote selected requests to a need: a grid worker or the branch ticks several similar wishes in their queue
and raises one need on the partners' needs list, with the count of residents who asked."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from nanjie.paging import paginate, query_without_page
from partners.lists.forms import NeedForm
from requests.lifecycle.models import Request
from requests.needs.forms import ChosenRequestsForm
from requests.needs.models import promote
from requests.staff.filters import RequestFilter

OPEN = [Request.State.ORDERED, Request.State.DISPATCHED, Request.State.ACCEPTED]


def _initial(wishes):
    """The need's category and place from the chosen wishes: their common micro-grid, else their grid."""
    if not wishes:
        return {}
    micro = {wish.micro_grid_id for wish in wishes}
    grids = {wish.micro_grid.parent_id for wish in wishes}
    place = wishes[0].micro_grid_id if len(micro) == 1 else next(iter(grids)) if len(grids) == 1 else None
    return {"category": wishes[0].category_id, "grid": place, "quantity": 1}


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("requests.record_request", raise_exception=True)
def promote_requests(request):
    if not request.user.has_perm("partners.add_need"):
        raise PermissionDenied
    open_wishes = (Request.objects.visible_to(request.user).filter(state__in=OPEN)
                   .select_related("category", "micro_grid__parent").order_by("-ordered_at", "-pk"))
    found = RequestFilter(request.GET, queryset=open_wishes, request=request)
    page = paginate(request, found.qs, 25)
    chosen_ids = request.POST.getlist("chosen") if request.method == "POST" else request.GET.getlist("chosen")
    visible_ids = set(open_wishes.filter(pk__in=[pk for pk in chosen_ids if pk.isdigit()])
                      .values_list("pk", flat=True))
    chosen = ChosenRequestsForm(request.POST or None, choices=[*visible_ids, *(wish.pk for wish in page)])
    wishes = list(open_wishes.filter(pk__in=visible_ids))
    form = NeedForm(request.POST or None, user=request.user, prefix="need", initial=_initial(wishes))
    if request.method == "POST" and chosen.is_valid() and form.is_valid():
        try:
            need = promote(open_wishes.filter(pk__in=chosen.cleaned_data["chosen"]), by=request.user,
                           **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(count)s requests make one need on the needs list.")
                             % {"count": need.asked_count})
            return redirect("partners:need", need.pk)
    return render(request, "requests/needs/promote.html", {
        "filter": found, "page": page, "query": query_without_page(request), "chosen": chosen, "form": form,
        "chosen_ids": visible_ids,
    }, status=400 if request.method == "POST" else 200)
