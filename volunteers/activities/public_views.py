"""The residents' pages: this month's activity-day plan and the past activities with their counts. Volunteers are
named only when they allowed it (masked even then), residents never; the waiting list is never shown."""

import datetime

from django.db.models import Count, Prefetch, Q
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from nanjie.masking import mask_name
from nanjie.paging import paginate, query_without_page
from volunteers.activities.filters import PastFilter
from volunteers.activities.models import Activity, ActivityDay
from volunteers.activities.signups import SignUp

ACTIVE = Q(signups__state=SignUp.State.ACTIVE)


def month_asked(request):
    try:
        return datetime.date.fromisoformat(f"{request.GET.get('month', '')[:7]}-01")
    except ValueError:
        return timezone.localdate().replace(day=1)


@require_GET
def activity_day(request):
    month = month_asked(request)
    if not 2000 <= month.year <= 2100:
        month = timezone.localdate().replace(day=1)
    plan = ActivityDay.objects.filter(month=month, state=ActivityDay.State.PUBLISHED).first()
    items = (Activity.objects.filter(plan=plan).exclude(state=Activity.State.CANCELLED)
             .select_related("team").prefetch_related("grids").annotate(taken=Count("signups", filter=ACTIVE))
             .order_by("starts", "pk")) if plan else []
    upcoming = (Activity.objects.filter(plan__isnull=True, state=Activity.State.PLANNED, ends__gte=timezone.now())
                .select_related("team").annotate(taken=Count("signups", filter=ACTIVE)).order_by("starts", "pk")[:10])
    first_of = month.replace(day=28) + datetime.timedelta(days=4)
    return render(request, "volunteers/activities/public_plan.html", {
        "month": month, "plan": plan, "items": items, "upcoming": upcoming,
        "previous": (month - datetime.timedelta(days=1)).replace(day=1), "next": first_of.replace(day=1)})


@require_GET
def past_activities(request):
    shown = Prefetch("signups", to_attr="named", queryset=SignUp.objects.filter(
        state=SignUp.State.ACTIVE, show_name=True, hours_state=SignUp.Hours.CONFIRMED).select_related("person"))
    held = PastFilter(request.GET, queryset=Activity.objects.filter(state=Activity.State.HELD).select_related("team")
                      .annotate(volunteers=Count("signups", filter=Q(signups__hours_state=SignUp.Hours.CONFIRMED)))
                      .prefetch_related(shown).order_by("-starts", "-pk"))
    page = paginate(request, held.qs)
    for activity in page:
        activity.names = [mask_name(signup.person.name) for signup in activity.named]
    return render(request, "volunteers/activities/past_activities.html", {
        "filter": held, "page": page, "query": query_without_page(request),
        "count": held.qs.count(), "benefited": held.qs.people_benefited()})
