"""Assistance pairs (一对一联系帮扶): the list, one pair with its contacts, and logging a contact."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from grid.field_filters import PairFilter
from grid.field_forms import ContactForm
from grid.field_once import create_once, earlier
from grid.field_views import paginate, query_without_page
from grid.models import AssistancePair, PairContact


def scoped(user):
    # Explicit order: Meta.ordering is dropped from a GROUP BY query (the Max annotation), and pages would shuffle.
    return (AssistancePair.objects.visible_to(user).with_next_due()
            .select_related("helper", "household__micro_grid__parent")
            .order_by("household__micro_grid__code", "pk"))


@require_GET
@login_required
@permission_required("grid.view_assistancepair", raise_exception=True)
def pair_list(request):
    pairs = PairFilter(request.GET, request=request, queryset=scoped(request.user))
    return render(request, "grid/field/pair_list.html", {"filter": pairs, "page": paginate(request, pairs.qs),
                                                          "query": query_without_page(request)})


@require_GET
@login_required
@permission_required("grid.view_assistancepair", raise_exception=True)
def pair_detail(request, pk):
    pair = get_object_or_404(scoped(request.user), pk=pk)
    return render(request, "grid/field/pair_detail.html", {
        "pair": pair, "contacts": pair.contacts.select_related("recorded_by")[:50], "form": ContactForm()})


@require_POST
@login_required
@permission_required("grid.add_paircontact", raise_exception=True)
def pair_contact(request, pk):
    pair = get_object_or_404(scoped(request.user), pk=pk)
    form = ContactForm(request.POST)
    if earlier(request, PairContact, pair=pair, recorded_by=request.user) is not None:
        messages.info(request, _("This was already saved; it was not saved twice."))
        return redirect("field:pair", pair.pk)
    if form.is_valid():
        data = form.cleaned_data
        try:
            _contact, created = create_once(lambda: pair.log_contact(
                on=data["contacted_on"], how=data["how"], note=data["note"], by=request.user, token=data["token"]),
                PairContact, data["token"], pair=pair, recorded_by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if created:
                messages.success(request, _("Contact logged."))
            else:
                messages.info(request, _("This was already saved; it was not saved twice."))
            return redirect("field:pair", pair.pk)
    return render(request, "grid/field/pair_detail.html", {
        "pair": pair, "contacts": pair.contacts.select_related("recorded_by")[:50], "form": form}, status=400)
