"""The residents' side of the fixed-day services: "services in the next 7 days near me", and the calendar feeds
(one per position, one for the community) a phone calendar subscribes to."""

import datetime
from itertools import groupby

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from grid.territory.models import GridNode
from nanjie.paging import paginate, query_without_page
from volunteers.positions.models import Position
from volunteers.services import calendar
from volunteers.services.filters import DISTANCES, PLACES_SHOWN, ServiceFilter, find_places, place_of, with_distance
from volunteers.services.models import ServiceRule
from volunteers.sessions.models import Session, with_free_slots

DAYS = 7


@require_GET
def services(request):
    ServiceRule.objects.schedule_through()
    today = timezone.localdate()
    place = place_of(request.GET.get("near"))
    typed = request.GET.get("q", "")
    places = find_places(typed) if typed.strip() else []
    sessions = (Session.objects.upcoming(today, DAYS).filter(rule__position__in=Position.objects.public())
                .select_related("rule__position__micro_grid", "rule__unit", "rule__team").with_booked())
    found = ServiceFilter(request.GET, queryset=with_distance(sessions, place).order_by(
        "distance", "on", "starts_at", "pk"))
    page = paginate(request, found.qs)
    page.object_list = with_free_slots(list(page.object_list))
    groups = [(DISTANCES[distance] if place else None, list(rows))
              for distance, rows in groupby(page.object_list, key=lambda session: session.distance)]
    return render(request, "volunteers/services/services.html", {
        "filter": found, "page": page, "groups": groups, "query": query_without_page(request),
        "place": place, "typed": typed[:30], "places": places[:PLACES_SHOWN], "more_places": len(places) > PLACES_SHOWN,
        "today": today, "tomorrow": today + datetime.timedelta(days=1), "kinds": ServiceRule.Kind.choices,
        "kind": request.GET.get("kind", ""),
        "grids": GridNode.objects.of_community().filter(kind=GridNode.Kind.GRID).order_by("code"),
    })


@require_GET
def community_calendar(request):
    ServiceRule.objects.schedule_through()
    sessions = calendar.feed_window(Session.objects.filter(rule__position__in=Position.objects.public()))
    return calendar.feed(request, sessions, _("Nanjie Community: fixed-day services"))


@require_GET
def position_calendar(request, pk):
    position = get_object_or_404(Position.objects.public(), pk=pk)
    ServiceRule.objects.schedule_through()
    sessions = calendar.feed_window(Session.objects.filter(rule__position=position))
    return calendar.feed(request, sessions, _("%(position)s: fixed-day services") % {"position": position.name})
