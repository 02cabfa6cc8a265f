"""A volunteer's own page (their activities, confirmed hours this year and in total) and the printable, numbered
volunteer-service certificate (志愿服务记录证明)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from grid.people.models import person_of
from nanjie.paging import paginate
from nanjie.paper import render_on_paper
from volunteers.activities.signups import Certificate, SignUp, hours_of


@require_GET
@login_required
def my_activities(request):
    person = person_of(request.user)
    signups = (SignUp.objects.filter(person=person).select_related("activity__team")
               .order_by("-activity__starts", "-pk"))
    this_year, total = hours_of(person)
    return render(request, "volunteers/activities/my_activities.html", {
        "page": paginate(request, signups), "query": "", "hours_this_year": round(this_year / 60, 1),
        "hours_total": round(total / 60, 1), "year": timezone.localdate().year,
        "certificates": Certificate.objects.filter(person=person)[:10]})


@require_POST
@login_required
def certificate_issue(request):
    person = person_of(request.user)
    try:
        certificate = Certificate.issue(person, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("volunteers:my_activities")
    return redirect("volunteers:certificate", certificate.pk)


@require_GET
@login_required
def certificate_detail(request, pk):
    """Printed in Chinese on A4; the volunteer's own, or any for the branch."""
    mine = Q(person__user=request.user)
    scope = Certificate.objects.all() if request.user.has_perm("volunteers.view_certificate") else (
        Certificate.objects.filter(mine))
    certificate = get_object_or_404(scope.select_related("person", "issued_by"), pk=pk)
    records = certificate.records.select_related("activity__organiser", "activity__team", "confirmed_by",
                                                 "late_entered_by").order_by("activity__starts", "pk")
    return render_on_paper(request, "volunteers/activities/certificate.html", {
        "certificate": certificate, "records": records})
