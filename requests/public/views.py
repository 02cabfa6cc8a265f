"""The resident's pages: home, the micro-wish form, the tracking page, the closure board, photos.

No login for any of them; the addresses /wish/, /track/<token>/ and /board/ are printed on posters and
leaflets and must not change.
"""

import hmac

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from grid.territory.models import GridNode
from nanjie import photos, throttle
from nanjie.masking import mask_name
from nanjie.page_cache import anonymous_page
from nanjie.paging import paginate, query_without_page
from partners.meeting.models import DutyRota
from requests.lifecycle.models import Request
from requests.public import places
from requests.public.forms import BoardFilter, LookupForm, RatingForm, WishForm
from requests.public.models import Photo

BOARD_PAGE_SIZE = 20


def _masked(notices):
    """Public pages show 张**, and of what was done only the notice's public_text (never the closure note)."""
    for notice in notices:
        notice.masked_name = mask_name(notice.resident_name)
    return notices


def _throttled(request, scope):
    # What the resident typed is shown back, so they can copy it and nothing is lost.
    typed = request.POST.get("text", "")[:2000] if request.method == "POST" and scope.startswith("wish") else ""
    response = render(request, "requests/public/throttled.html", {"scope": scope, "typed": typed}, status=429)
    response["Retry-After"] = str(throttle.retry_after(request, scope) or throttle.LIMITS[scope][1])
    return response


@require_GET
@anonymous_page
def home(request):
    return render(request, "requests/public/home.html", {
        "chairman": DutyRota.chairman_for(),
        "closures": _masked(list(Request.objects.publicised()[:5])),
    })


@never_cache
@require_http_methods(["GET", "POST"])
def wish(request):
    code = request.GET.get("grid", "").strip().upper()
    preset = None
    if code:
        preset = (GridNode.objects.of_community().filter(code=code, kind=GridNode.Kind.MICRO_GRID)
                  .select_related("parent").first())
    # ?place= is the place search (a GET form above the wish form, no JavaScript needed); the wish form posts
    # to the same address, so the places found stay offered when the form comes back with an error.
    place = request.GET.get("place", "").strip()[:places.QUERY_LIMIT] if preset is None else ""
    found, more = places.find(place) if place else ([], False)
    anonymous = not request.user.is_authenticated
    if request.method == "POST":
        if anonymous:
            limited = throttle.first_limited(request, "wish", "wish-post")
            if limited:
                return _throttled(request, limited)
        form = WishForm(request.POST, request.FILES, places=found)
        wish = None
        try:
            wish = _ordered(request, form)
        finally:
            if anonymous:  # every anonymous POST, valid or not, counts (each one costs work); a new wish too
                throttle.record(request, "wish-post", *(["wish"] if wish is not None and not wish.repeated else []))
        if wish is not None:
            return redirect(reverse("requests:track", args=[wish.token]) + "?new=1")
    else:
        chosen = preset.code if preset else (found[0].code if len(found) == 1 else "")
        form = WishForm(initial={"micro_grid": chosen, "from_wall": bool(preset)}, places=found)
    return render(request, "requests/public/wish.html", {
        "form": form, "preset": preset, "unknown_grid": bool(code) and preset is None, "code": code,
        "place": place, "places": found, "more_places": more,
    })


def _ordered(request, form):
    """The request the valid form orders (or a resend's first one, `repeated`), or None with the form's errors."""
    if not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        return Request.order(
            category=data["category"], text=data["text"], micro_grid=data["micro_grid"],
            channel=Request.Channel.WISH_WALL if data["from_wall"] else Request.Channel.ONLINE,
            resident_name=data["resident_name"], resident_phone=data["resident_phone"],
            received_by=request.user if request.user.is_authenticated else None,
            idempotency_key=data["submission"], photos=data["photos"],
        )
    except ValidationError as error:
        form.add_error(None, error)
        return None


def _tracked(request, token):
    """The request behind a token, or None. A right token always opens: many residents share one address
    behind a NAT, and the throttle is there for guessers, so only misses count (see _missed)."""
    return (Request.objects.filter(token=token)
            .select_related("category", "micro_grid__parent", "unit", "acceptor").first())


def _missed(request):
    """A wrong token: counted against the address and a 404; once it has missed too often, a 429."""
    if throttle.is_limited(request, "track-miss"):
        return _throttled(request, "track-miss")
    throttle.record(request, "track-miss")
    raise Http404


@never_cache
@require_http_methods(["GET", "POST"])
def lookup(request):
    """查进度: the reference and the phone given lead to the tracking page. A wrong pair and a reference that
    does not exist get the same 404 answer, and count against the address (then a 429), like a wrong token."""
    form = LookupForm(request.POST or None)
    if request.method == "POST":
        if throttle.is_limited(request, "track-lookup"):
            return _throttled(request, "track-lookup")
        if form.is_valid():
            wish = (Request.objects.filter(reference=form.cleaned_data["reference"])
                    .only("token", "resident_phone").first())
            given = form.cleaned_data["phone"].encode()
            if wish is not None and wish.resident_phone and hmac.compare_digest(wish.resident_phone.encode(), given):
                return redirect("requests:track", wish.token)
            throttle.record(request, "track-lookup")
            form.add_error(None, ValidationError(
                _("No micro-wish has this reference with this phone number. Check both against your slip."),
                code="no_match"))
            return _lookup_page(request, form, status=404)
        return _lookup_page(request, form, status=400)
    return _lookup_page(request, form)


def _lookup_page(request, form, status=200):
    response = render(request, "requests/public/lookup.html", {"form": form}, status=status)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _timeline(wish):
    entries = []
    # Each step names its own unit and acceptor: after a return they are not the request's current ones.
    for step in wish.transitions.select_related("unit", "by__person"):
        entry = {"at": step.at, "label": Request.State(step.new_state).label, "detail": ""}
        acceptor = getattr(step.by, "person", None) if step.by else None
        if step.new_state == Request.State.ORDERED and step.old_state:
            entry["label"] = _("Returned, to be dispatched again")
        elif step.new_state == Request.State.DISPATCHED and step.unit:
            entry["detail"] = _("To: %(unit)s") % {"unit": step.unit.name}
        elif step.new_state == Request.State.ACCEPTED and step.old_state == Request.State.CLOSED and step.by_id:
            # The branch's rework (staffside): its reason is an internal note, not shown to the resident.
            entry["label"] = _("Being done again: the party branch asked for more")
        elif step.new_state == Request.State.ACCEPTED and step.old_state in (Request.State.CLOSED,
                                                                            Request.State.PUBLICISED):
            entry["label"] = _("Reopened after your rating")
            entry["detail"] = step.note
        elif step.new_state == Request.State.ACCEPTED and acceptor:
            entry["detail"] = _("Party member %(name)s") % {"name": mask_name(acceptor.name)}
        elif step.new_state == Request.State.INVALID:
            entry["detail"] = wish.invalid_reason_for_resident()
        elif step.rating and step.old_state == step.new_state:
            entry["label"] = _("You rated it: %(rating)s") % {"rating": Request.Rating(step.rating).label}
            entry["detail"] = step.note
        elif step.old_state == step.new_state:
            continue  # the branch revised the public summary: nothing happened to the resident's request
        entries.append(entry)
    return entries


STAFF_MAY_NOT_RATE = gettext_lazy("You are logged in as staff. Only the resident rates their request, "
                                   "on their own phone: nothing was saved.")


def _track_page(request, wish, rating_form=None, status=200, refused=False):
    # A staff session never gets the form (a unit must not rate itself); the resident has no login.
    can_rate = wish.is_rateable and not request.user.is_authenticated
    response = render(request, "requests/public/track.html", {
        "wish": wish, "timeline": _timeline(wish), "photos": list(wish.photos.all()),
        "acceptor": mask_name(wish.acceptor.name) if wish.acceptor else "",
        # Staff texts pass the personal-data check, or the page says something neutral instead.
        "closure_note": wish.closure_for_resident(), "invalid_reason": wish.invalid_reason_for_resident(),
        "new": request.GET.get("new") == "1", "can_rate": can_rate,
        "staff_session": request.user.is_authenticated and (wish.is_rateable or refused),
        "staff_may_not_rate": STAFF_MAY_NOT_RATE,
        "rating_form": rating_form or (RatingForm() if can_rate else None),
        "track_url": request.build_absolute_uri(reverse("requests:track", args=[wish.token])),
    }, status=status)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
@require_GET
def track(request, token):
    wish = _tracked(request, token)
    if wish is None:
        return _missed(request)
    return _track_page(request, wish)


@never_cache
@require_POST
def rate(request, token):
    wish = _tracked(request, token)
    if wish is None:
        return _missed(request)
    if request.user.is_authenticated:
        return _track_page(request, wish, status=403, refused=True)
    form = RatingForm(request.POST)
    if form.is_valid():
        try:
            wish.rate(form.cleaned_data["rating"], form.cleaned_data["comment"], channel=Request.Channel.ONLINE)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if wish.state == Request.State.ACCEPTED:
                messages.success(request, _("Thank you. The unit will take it up again and put it right."))
            else:
                messages.success(request, _("Thank you. Your rating has been recorded."))
            return redirect("requests:track", wish.token)
    return _track_page(request, wish, rating_form=form, status=400)


@require_GET
@anonymous_page
def board(request):
    publicised = Request.objects.publicised()
    # ?ref= is a notice's permalink (the feed links to it): the notice itself, on whatever page it is now.
    ref = request.GET.get("ref", "").strip()[:24]
    if ref:
        publicised = publicised.filter(reference=ref)
    notices = BoardFilter(request.GET, queryset=publicised)
    page = paginate(request, notices.qs, BOARD_PAGE_SIZE)
    page.object_list = _masked(list(page.object_list))
    return render(request, "requests/public/board.html", {
        "filter": notices, "page": page, "query": query_without_page(request), "ref": ref,
    })


@require_GET
def photo(request, pk):
    """A resident's photo, to the holder of the request's token or to staff who can see the request."""
    found = get_object_or_404(Photo.objects.select_related("request"), pk=pk)
    token = request.GET.get("t", "")
    allowed = bool(token) and hmac.compare_digest(token.encode(), found.request.token.encode())
    if not allowed and request.user.is_authenticated:
        allowed = Request.objects.visible_to(request.user).filter(pk=found.request_id).exists()
    if not allowed:
        raise Http404
    return photos.serve(found.image)
