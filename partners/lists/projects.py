"""Staff pages of the livelihood project list: list, approve a new one, its page (milestones, claims)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nanjie.paging import paginate, query_without_page
from partners.lists.access import item_for, require
from partners.lists.filters import ProjectFilter
from partners.lists.forms import MilestoneForm, ProjectForm
from partners.lists.models import Milestone, Project
from partners.lists.views import render_item, view_need

MILESTONES = Prefetch("milestones", queryset=Milestone.objects.order_by("due_on", "pk"))


def filtered_projects(request):
    projects = (Project.objects.visible_to(request.user).select_related("lead_unit").prefetch_related(MILESTONES)
                .order_by("-approved_on", "-pk"))
    return ProjectFilter(request.GET, queryset=projects, request=request)


@require_GET
@login_required
@view_need
def project_list(request):
    found = filtered_projects(request)
    return render(request, "partners/lists/project_list.html", {
        "filter": found, "page": paginate(request, found.qs, 25), "query": query_without_page(request)})


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("partners.add_project", raise_exception=True)
def project_new(request):
    form = ProjectForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.instance.created_by = request.user
        project = form.save()
        messages.success(request, _("The project is on the livelihood project list. Add its milestones."))
        return redirect("partners:project", project.pk)
    return render(request, "partners/lists/item_form.html", {"form": form, "title": _("Approve a project")},
                  status=400 if form.errors else 200)


@require_GET
@login_required
@view_need
def project_detail(request, pk):
    return render_item(request, item_for(request, Project, pk))


@require_POST
@login_required
def milestone_new(request, pk):
    project = item_for(request, Project, pk)  # 404 outside the scope, then 403 without the right
    require(request.user, "partners.change_project")
    form = MilestoneForm(request.POST, instance=Milestone(project=project))
    if form.is_valid():
        form.save()
        messages.success(request, _("Milestone added."))
    else:
        messages.error(request, " ".join(message for errors in form.errors.values() for message in errors))
    return redirect("partners:project", project.pk)


@require_POST
@login_required
def milestone_done(request, pk):
    milestone = get_object_or_404(Milestone.objects.filter(project__in=Project.objects.visible_to(request.user)),
                                  pk=pk)
    require(request.user, "partners.change_project")
    try:
        milestone.mark_done(by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Milestone done."))
    return redirect("partners:project", milestone.project_id)


