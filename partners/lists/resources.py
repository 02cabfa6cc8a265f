"""Staff pages of the resource list: what each unit offers; a unit's party members add their unit's."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from nanjie.paging import paginate, query_without_page
from partners.lists.filters import ResourceFilter
from partners.lists.forms import ResourceForm
from partners.lists.models import Resource
from partners.lists.views import view_need


def filtered_resources(request):
    resources = (Resource.objects.visible_to(request.user).filter(active=True).select_related("unit")
                 .prefetch_related("grids").order_by("unit__kind", "unit__name", "pk"))
    return ResourceFilter(request.GET, queryset=resources, request=request)


@require_GET
@login_required
@view_need
def resource_list(request):
    found = filtered_resources(request)
    return render(request, "partners/lists/resource_list.html", {
        "filter": found, "page": paginate(request, found.qs, 25), "query": query_without_page(request)})


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("partners.add_resource", raise_exception=True)
def resource_new(request):
    form = ResourceForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The resource is on the resource list."))
        return redirect("partners:resources_manage")
    return render(request, "partners/lists/item_form.html", {"form": form, "title": _("Offer a resource")},
                  status=400 if form.errors else 200)
