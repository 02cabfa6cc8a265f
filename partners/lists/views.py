"""Staff pages of the needs list and of claims: list, raise, a need's page with its claims, claim, deliver,
verify, withdraw. Lists start from visible_to; a model's refusal is a message and nothing changes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nanjie import photos
from nanjie.paging import paginate, query_without_page
from partners.lists.access import allowed, item_for, may, may_claim, may_see_photo
from partners.lists.claims import Claim
from partners.lists.filters import ClaimFilter, NeedFilter
from partners.lists.forms import ClaimForm, DeliverForm, NeedForm, ReasonForm
from partners.lists.models import Need, Project, Resource
from partners.lists.sections import sections_for
from partners.units.models import unit_ids_of

view_need = permission_required("partners.view_need", raise_exception=True)
CLAIM_RELATED = ["unit", "resource", "need__grid", "project"]


def claims_of(item, user):
    """The item's claims with the actions this user may take on each (forms prefixed by the claim's id)."""
    claims = list(item.claims.select_related("unit", "resource").prefetch_related("transitions__by"))
    units = set(unit_ids_of(user))
    for claim in claims:
        claim.shows_photo = may_see_photo(user, claim, units)
        claim.actions = {action: form for action, form in (
            ("deliver", DeliverForm(prefix=f"c{claim.pk}", initial={
                "quantity": claim.quantity, "delivered_on": timezone.localdate()})),
            ("withdraw", ReasonForm(prefix=f"c{claim.pk}")), ("verify", None)) if may(user, claim, action)}
    return claims


def filtered_needs(request):
    needs = Need.objects.visible_to(request.user).select_related("category", "grid").order_by("-created_at", "-pk")
    return NeedFilter(request.GET, queryset=needs, request=request)


@require_GET
@login_required
@view_need
def need_list(request):
    found = filtered_needs(request)
    return render(request, "partners/lists/need_list.html", {
        "filter": found, "page": paginate(request, found.qs, 25), "query": query_without_page(request)})


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("partners.add_need", raise_exception=True)
def need_new(request):
    form = NeedForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.instance.created_by = request.user
        need = form.save()
        messages.success(request, _("The need is on the needs list."))
        return redirect("partners:need", need.pk)
    return render(request, "partners/lists/item_form.html", {"form": form, "title": _("Raise a need")},
                  status=400 if form.errors else 200)


def render_item(request, item, claim_form=None, status=200):
    template = "need" if isinstance(item, Need) else "project"
    context = {"item": item, "claims": claims_of(item, request.user), "kind": template,
               "claim_form": claim_form or (ClaimForm(user=request.user) if may_claim(request.user, item) else None)}
    if isinstance(item, Need):
        context["sections"] = sections_for(item, request.user)
        matching = Resource.objects.visible_to(request.user).matching(item)[:10]
        context["matching"] = list(matching) if item.is_open else []
        context["visits"] = list(item.visits.select_related("household__micro_grid"))
    else:
        from partners.lists.forms import MilestoneForm

        context["milestones"] = list(item.milestones.all())
        context["milestone_form"] = MilestoneForm() if request.user.has_perm("partners.change_project") else None
    return render(request, f"partners/lists/{template}_detail.html", context, status=status)


@require_GET
@login_required
@view_need
def need_detail(request, pk):
    return render_item(request, item_for(request, Need, pk))


def _claim(request, model, pk):
    item = item_for(request, model, pk)
    if not request.user.has_perm("partners.claim_item"):
        raise PermissionDenied
    form = ClaimForm(request.POST, user=request.user)
    if not form.is_valid():
        return render_item(request, item, form, status=400)
    data = form.cleaned_data
    try:
        Claim.make(item, data["unit"], data["quantity"], by=request.user, resource=data["resource"])
    except ValidationError as error:
        form.add_error(None, error)
        messages.error(request, error.messages[0])
        return render_item(request, item, form, status=400)
    messages.success(request, _("Claimed for %(unit)s. Record the delivery when it is done.") % {"unit": data["unit"]})
    return redirect(f"partners:{'need' if model is Need else 'project'}", item.pk)


@require_POST
@login_required
def need_claim(request, pk):
    return _claim(request, Need, pk)


@require_POST
@login_required
def project_claim(request, pk):
    return _claim(request, Project, pk)


DONE = {"deliver": gettext_lazy("Delivery recorded. The branch will verify it."), "verify": gettext_lazy("Verified."),
        "withdraw": gettext_lazy("The claim is withdrawn; its slots are free again.")}


@require_POST
@login_required
def claim_act(request, pk, action):
    claim = get_object_or_404(Claim.objects.visible_to(request.user).select_related(*CLAIM_RELATED), pk=pk)
    if action not in DONE:
        raise Http404
    if not allowed(request.user, claim, action):
        raise PermissionDenied
    form = {"deliver": DeliverForm, "withdraw": ReasonForm}.get(action)
    form = form(request.POST, request.FILES, prefix=f"c{claim.pk}") if form else None
    if form is not None and not form.is_valid():
        messages.error(request, " ".join(message for errors in form.errors.values() for message in errors))
        return redirect_to_item(claim)
    data = form.cleaned_data if form else {}
    try:
        if action == "deliver":
            claim.deliver(data["note"], by=request.user, quantity=data["quantity"], on=data["delivered_on"],
                          photo=data["photo"])
        elif action == "withdraw":
            claim.withdraw(data["reason"], by=request.user)
        else:
            claim.verify(by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, str(DONE[action]))
    return redirect_to_item(claim)


@require_GET
@login_required
def claim_photo(request, pk):
    """A delivery's evidence photo: for the branch and the claiming unit's members; a 404 for everyone else."""
    claim = get_object_or_404(Claim.objects.visible_to(request.user).only("unit", "delivery_photo"), pk=pk)
    if not may_see_photo(request.user, claim):
        raise Http404
    return photos.serve(claim.delivery_photo)


def redirect_to_item(claim):
    return redirect("partners:need", claim.need_id) if claim.need_id else redirect("partners:project",
                                                                                    claim.project_id)


@require_GET
@login_required
@view_need
def claim_list(request):
    claims = Claim.objects.visible_to(request.user).select_related(*CLAIM_RELATED).order_by("-claimed_at", "-pk")
    found = ClaimFilter(request.GET, queryset=claims, request=request)
    return render(request, "partners/lists/claim_list.html", {
        "filter": found, "page": paginate(request, found.qs, 25), "query": query_without_page(request)})
