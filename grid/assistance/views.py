"""Assistance pairs (一对一联系帮扶): the list, one pair with its contacts, and logging a contact; the "three ways"
(三办): records counted per way and per grid, and a record added from a household."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from grid.assistance.filters import PairFilter, ServiceFilter
from grid.assistance.forms import ContactForm, ServiceForm
from grid.assistance.models import AssistancePair, PairContact, ServiceRecord
from grid.households.models import Household
from nanjie import once
from nanjie.paging import paginate, query_without_page


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
    return render(request, "grid/assistance/pair_list.html", {"filter": pairs, "page": paginate(request, pairs.qs),
                                                          "query": query_without_page(request)})


@require_GET
@login_required
@permission_required("grid.view_assistancepair", raise_exception=True)
def pair_detail(request, pk):
    pair = get_object_or_404(scoped(request.user), pk=pk)
    return render(request, "grid/assistance/pair_detail.html", {
        "pair": pair, "contacts": pair.contacts.select_related("recorded_by")[:50], "form": ContactForm()})


@require_POST
@login_required
@permission_required("grid.add_paircontact", raise_exception=True)
def pair_contact(request, pk):
    pair = get_object_or_404(scoped(request.user), pk=pk)
    form = ContactForm(request.POST)
    owner = {"pair": pair, "recorded_by": request.user}
    if once.earlier(PairContact, form.submission_key, **owner) is not None:
        messages.info(request, _("This was already saved; it was not saved twice."))
        return redirect("field:pair", pair.pk)
    if form.is_valid():
        data, key = form.cleaned_data, form.submission_key
        try:
            _contact, created = once.save_once(PairContact, key, lambda: pair.log_contact(
                on=data["contacted_on"], how=data["how"], note=data["note"], by=request.user, token=key), **owner)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if created:
                messages.success(request, _("Contact logged."))
            else:
                messages.info(request, _("This was already saved; it was not saved twice."))
            return redirect("field:pair", pair.pk)
    return render(request, "grid/assistance/pair_detail.html", {
        "pair": pair, "contacts": pair.contacts.select_related("recorded_by")[:50], "form": form}, status=400)


@require_GET
@login_required
@permission_required("grid.view_servicerecord", raise_exception=True)
def service_list(request):
    services = ServiceFilter(request.GET, request=request, queryset=ServiceRecord.objects.visible_to(request.user)
                             .select_related("household__micro_grid__parent", "helper"))
    ways = dict(ServiceRecord.Way.choices)
    counts = dict(services.qs.order_by().values_list("way").annotate(n=Count("pk")))
    by_way = [(label, counts.get(way, 0)) for way, label in ways.items()]  # every way, in the article's order
    by_grid = (services.qs.order_by().values("household__micro_grid__parent__code",
                                              "household__micro_grid__parent__name", "way")
               .annotate(n=Count("pk")).order_by("household__micro_grid__parent__code", "way"))
    grid_rows = {}
    for row in by_grid:
        entry = grid_rows.setdefault(row["household__micro_grid__parent__code"], {
            "name": row["household__micro_grid__parent__name"], "counts": dict.fromkeys(ways, 0), "total": 0})
        entry["counts"][row["way"]] = row["n"]
        entry["total"] += row["n"]
    return render(request, "grid/assistance/service_list.html", {
        "filter": services, "page": paginate(request, services.qs), "query": query_without_page(request),
        "by_way": by_way, "ways": ways, "grid_rows": grid_rows, "total": sum(n for _label, n in by_way)})


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("grid.add_servicerecord", raise_exception=True)
def service_new(request, household_pk):
    household = get_object_or_404(Household.objects.visible_to(request.user), pk=household_pk)
    form = ServiceForm(request.POST or None, household=household, user=request.user)
    if request.method == "POST":
        # The token is unique: the record it finds is this household's, the way back is this household's page.
        answer = once.post_once(request, form, owner={"recorded_by": request.user}, done=_("Service recorded."),
                           go_to=lambda _record: ("field:household", household.pk))
        if answer:
            return answer
    return render(request, "grid/assistance/service_form.html", {"form": form, "household": household})
