"""Booking a slot without an account, and the booking's own page (its token is its address) where it is cancelled.

Residents' names are masked on every page; their phones are on no public page, feed or log. Anonymous bookings
and wrong tokens are counted per address by the portal's one throttle (nanjie/throttle.py).
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nanjie import once, throttle
from nanjie.masking import mask_name
from volunteers.bookings.forms import BookingForm, slot_label
from volunteers.bookings.models import Booking
from volunteers.positions.models import Position
from volunteers.sessions.models import Session


def _throttled(request, scope):
    response = render(request, "volunteers/bookings/throttled.html", {"scope": scope}, status=429)
    response["Retry-After"] = str(throttle.retry_after(request, scope) or throttle.LIMITS[scope][1])
    return response


def free_slots(session, now=None):
    now = now or timezone.now()
    taken = set(session.bookings.active().values_list("slot_at", flat=True))
    return [slot for slot in session.slot_times() if slot not in taken
            and timezone.make_aware(datetime.datetime.combine(session.on, slot)) > now]


@never_cache
@require_http_methods(["GET", "POST"])
def book(request, pk):
    session = get_object_or_404(Session.objects.filter(rule__position__in=Position.objects.public(),
                                                       rule__active=True).select_related("rule__position"), pk=pk)
    anonymous = not request.user.is_authenticated
    form = None
    if request.method == "POST":
        if anonymous and throttle.is_limited(request, "booking"):
            return _throttled(request, "booking")
        # Every slot is a valid choice here: one taken a moment ago gets the model's own message ("taken").
        form = BookingForm(request.POST, session=session, free=session.slot_times())
        if form.is_valid():
            data, key = form.cleaned_data, form.submission_key
            repeated = once.earlier(Booking, key) is not None
            try:
                booking, _created = once.save_once(Booking, key, lambda: Booking.book(
                    session, data["slot"], name=data["resident_name"], phone=data["resident_phone"],
                    topic=data["topic"], submission=key))
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if anonymous and not repeated:
                    throttle.record(request, "booking")
                return redirect(reverse("volunteers:booking", args=[booking.token]) + "?new=1")
    free = free_slots(session)
    if form is None:
        form = BookingForm(session=session, free=free)
    else:
        form.offer(free)  # shown again: only the slots free now
    return render(request, "volunteers/bookings/book.html", {
        "session": session, "position": session.rule.position, "form": form, "free": free,
        "over": session.ends() <= timezone.now() or session.state == Session.State.HELD,
    }, status=400 if form.is_bound and form.errors else 200)


def _booking_or_miss(request, token):
    booking = Booking.objects.filter(token=token).select_related("session__rule__position").first()
    if booking is not None:
        return booking, None
    if throttle.is_limited(request, "booking-miss"):
        return None, _throttled(request, "booking-miss")
    throttle.record(request, "booking-miss")
    raise Http404


@never_cache
@require_GET
def booking(request, token):
    found, refused = _booking_or_miss(request, token)
    if refused:
        return refused
    session = found.session
    response = render(request, "volunteers/bookings/booking.html", {
        "booking": found, "session": session, "position": session.rule.position,
        "masked_name": mask_name(found.resident_name), "slot": slot_label(session, found.slot_at),
        "new": request.GET.get("new") == "1", "may_cancel": found.is_active and found.slot_starts() > timezone.now(),
        "booking_url": request.build_absolute_uri(reverse("volunteers:booking", args=[found.token])),
    })
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
@require_POST
def booking_cancel(request, token):
    found, refused = _booking_or_miss(request, token)
    if refused:
        return refused
    try:
        found.cancel()
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Your booking is cancelled; the time is free for someone else."))
    return redirect("volunteers:booking", found.token)


@require_POST
@login_required
def staff_cancel(request, pk):
    """A resident phoned to cancel: staff of the position cancel the booking for them."""
    found = get_object_or_404(Booking.objects.visible_to(request.user).select_related("session__rule"), pk=pk)
    if not request.user.has_perm("volunteers.change_booking"):
        return render(request, "403.html", status=403)
    try:
        found.cancel(by=request.user, note=request.POST.get("note", "")[:200])
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Booking cancelled."))
    return redirect("volunteers:session", found.session_id)
