"""Staff pages of the warm-heart loop: work queues per role, the request page with its actions, recording.

Every page starts from Request.objects.visible_to(user): what a user cannot see is a 404; what they can
see but may not act on is a 403; an action the state does not allow is a message, and nothing changes.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from grid.households.models import Household
from grid.territory.models import GridNode
from grid.visits.models import Visit
from nanjie.dashboard import render_me
from nanjie.paging import paginate, query_without_page
from requests.lifecycle.models import Request
from requests.lifecycle.queues import QUEUES, queues_for
from requests.lifecycle.transitions import PERMISSIONS
from requests.notices.forms import SummaryForm
from requests.notices.views import summary_context
from requests.public import places
from requests.staff.filters import RequestFilter
from requests.staff.forms import CloseForm, DispatchForm, ReasonForm, RecordForm, channels_for

PER_PAGE = 25
LIST_RELATED = ["category", "micro_grid__parent", "unit", "acceptor"]


@require_GET
@login_required
def queue_index(request):
    queues = queues_for(request.user)
    if not queues:
        raise PermissionDenied
    # One staff home (issue 16): the same page as /me/, so "工作台" and "我的工作" are not two places.
    return render_me(request, queues=queues)


def filtered_queue(request, name):
    """The queue's spec and its filter over the user's scope: the page and its CSV export share it."""
    spec = QUEUES.get(name)
    if spec is None:
        raise Http404
    if not request.user.has_perm(spec.perm):
        raise PermissionDenied
    wishes = Request.objects.queue(name, request.user).select_related(*LIST_RELATED).order_by(*spec.order)
    return spec, RequestFilter(request.GET, queryset=wishes, request=request)


@require_GET
@login_required
def queue(request, name):
    spec, found = filtered_queue(request, name)
    page = paginate(request, found.qs, PER_PAGE)
    return render(request, "requests/staff/queue.html", {
        "name": name, "queue": spec, "filter": found, "page": page, "query": query_without_page(request),
        "queues": [(key, q.label) for key, q in QUEUES.items() if request.user.has_perm(q.perm)],
    })


# action → the form its button posts (who may press it, and when, is the model's: Request.may)
# The order is the page's: the member's 办结 before their 退回, the branch's 退回重办 beside its 公示.
FORMS = {"dispatch": DispatchForm, "invalid": ReasonForm, "accept": None, "close": CloseForm, "return": ReasonForm,
         "publicise": SummaryForm, "rework": ReasonForm, "revise": SummaryForm}
DONE = {
    "dispatch": gettext_lazy("Dispatched to %(unit)s."),
    "invalid": gettext_lazy("Marked invalid. The resident sees the reason on the tracking page."),
    "accept": gettext_lazy("You accepted this request. Close it by the deadline."),
    "return": gettext_lazy("Returned to the joint meeting with your reason."),
    "close": gettext_lazy("Closed. The branch will review it and publicise it."),
    "publicise": gettext_lazy("Publicised on the closure board."),
    "rework": gettext_lazy("Sent back to the party member for rework, with your reason."),
    "revise": gettext_lazy("The public summary was changed."),
}


def get_wish(request, reference):
    """404 for what the user cannot see, exactly as for what does not exist."""
    return get_object_or_404(Request.objects.visible_to(request.user).select_related(*LIST_RELATED, "received_by",
                             "returned_from", "visit", "household"), reference=reference)


def _form_for(action, wish, data=None):
    form_class = FORMS[action]
    if form_class is None:
        return None
    if form_class in (DispatchForm, SummaryForm):
        return form_class(data, wish=wish, prefix=action)
    return form_class(data, prefix=action)


def _render_detail(request, wish, bound=None, status=200):
    actions = {}
    for action in FORMS:
        if wish.may(action, request.user):
            actions[action] = bound[1] if bound and bound[0] == action else _form_for(action, wish)
    context = {
        "wish": wish, "actions": actions, "action_names": list(actions),
        "transitions": wish.transitions.select_related("by__person", "unit").order_by("at", "pk"),
        "photos": list(wish.photos.all()),
        "shows_tracking": wish.shows_tracking_to(request.user),
        **summary_context(wish, actions),
    }
    return render(request, "requests/staff/detail.html", context, status=status)


@require_GET
@login_required
def detail(request, reference):
    return _render_detail(request, get_wish(request, reference))


@require_POST
@login_required
def act(request, reference, action):
    wish = get_wish(request, reference)
    if not request.user.has_perm(PERMISSIONS[action]):
        raise PermissionDenied
    form = _form_for(action, wish, request.POST)
    if form is not None and not form.is_valid():
        return _render_detail(request, wish, (action, form))
    data = form.cleaned_data if form is not None else {}
    user = request.user
    try:
        if action == "dispatch":
            wish.dispatch(data["unit"], data["deadline"], by=user)
        elif action == "invalid":
            wish.mark_invalid(data["reason"], by=user)
        elif action == "accept":
            wish.accept(getattr(user, "person", None), by=user)
        elif action == "return":
            wish.return_to_ordered(data["reason"], by=user)
        elif action == "close":
            wish.close(data["note"], by=user, closed_at=data["closed_at"])
        elif action == "publicise":
            wish.publicise(data["summary"], by=user)
        elif action == "rework":
            wish.send_back_for_rework(data["reason"], by=user)
        elif action == "revise":
            wish.revise_summary(data["summary"], by=user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        wish.refresh_from_db()
        return _render_detail(request, wish, (action, form))
    messages.success(request, DONE[action] % {"unit": wish.unit})
    if action == "return":
        # Returned, it has left the unit's scope: its page would be a 404 and the message lost.
        return redirect("requests:queue", "accept")
    return redirect("requests:detail", wish.reference)


def _pk(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404 from None


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("requests.record_request", raise_exception=True)
def record(request):
    """The on-duty chairman or a grid worker takes a request down for a resident (?visit= or ?household=)."""
    user, visit, household = request.user, None, None
    if "visit" in request.GET:
        visit = get_object_or_404(Visit.objects.visible_to(user).select_related("household__micro_grid"),
                                  pk=_pk(request.GET["visit"]))
        household = visit.household
    elif "household" in request.GET:
        household = get_object_or_404(Household.objects.visible_to(user).select_related("micro_grid"),
                                      pk=_pk(request.GET["household"]))
    channels = channels_for(user)
    initial = {"channel": Request.Channel.GRID_VISIT if visit and Request.Channel.GRID_VISIT in channels
               else channels[0]}
    if household is not None:
        initial.update(micro_grid=household.micro_grid, resident_name=household.contact_name,
                       resident_phone=household.contact_phone)
    if visit is not None:
        initial["text"] = visit.opinions or visit.asked or visit.listened
    # ?place= narrows the micro-grids to the places found by compound and building, as on the residents' form.
    place = request.GET.get("place", "").strip()[:places.QUERY_LIMIT] if household is None else ""
    found, more = places.find(place, among=GridNode.objects.working_area(user)) if place else ([], False)
    if len(found) == 1:
        initial["micro_grid"] = GridNode.objects.filter(code=found[0].code).first()
    form = RecordForm(request.POST or None, initial=initial, user=user, places=found)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            wish = Request.order(
                category=data["category"], text=data["text"], micro_grid=data["micro_grid"], channel=data["channel"],
                resident_name=data["resident_name"], resident_phone=data["resident_phone"], received_by=user,
                visit=visit, household=household, idempotency_key=data["idempotency_key"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Recorded as %(reference)s. Give the resident the tracking address below.")
                             % {"reference": wish.reference})
            return redirect("requests:detail", wish.reference)
    return render(request, "requests/staff/record.html", {"form": form, "visit": visit, "household": household,
                                                          "place": place, "places": found, "more_places": more})
