"""The branch's login pages at /logins/: the list, a person's login, and its changes. Thin: fetch with access,
act through grid/people/logins/models.py, redirect (or show the form again with the reason)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from grid.people.logins import models as logins
from grid.people.logins.filters import LoginFilter
from grid.people.logins.forms import CreateLoginForm, PostForm, RolesForm
from grid.people.models import Person
from nanjie.paging import paginate, query_without_page


def _listed(user):
    manageable = logins.manageable_people(user).filter(pk=OuterRef("pk"))
    return (Person.objects.visible_to(user).select_related("user").prefetch_related("user__groups")
            .annotate(manageable=Exists(manageable)))


@require_GET
@login_required
@permission_required(logins.MANAGE, raise_exception=True)
def login_list(request):
    found = LoginFilter(request.GET, request=request, queryset=_listed(request.user).order_by("name", "pk"))
    changes = logins.LoginChange.objects.visible_to(request.user).select_related("by__person")[:10]
    page = paginate(request, found.qs)
    for person in page:
        person.roles = logins.role_labels(person.user) if person.user_id else ""
    return render(request, "grid/people/logins/login_list.html", {
        "filter": found, "page": page, "query": query_without_page(request), "changes": changes})


def _detail(request, person, status=200, **forms):
    manageable = logins.manageable_people(request.user).filter(pk=person.pk).exists()
    roles = set(person.user.groups.values_list("name", flat=True)) if person.user_id else set()
    context = {
        "person": person, "manageable": manageable, "roles": logins.role_labels(person.user) if person.user_id else "",
        "posts": person.posts.select_related("node"),
        "changes": person.login_changes.select_related("by__person")[:20],
        "create_form": CreateLoginForm(), "post_form": PostForm(manager=request.user),
        "roles_form": RolesForm(initial={"roles": sorted(roles & set(logins.GRANTABLE))}),
        **forms}
    return render(request, "grid/people/logins/login_detail.html", context, status=status)


@require_GET
@login_required
@permission_required(logins.MANAGE, raise_exception=True)
def login_detail(request, pk):
    return _detail(request, get_object_or_404(Person.objects.visible_to(request.user).select_related("user"), pk=pk))


def _manageable(request, pk):
    """The person, if the manager may change their login; a 404 otherwise, as for one that does not exist."""
    return get_object_or_404(logins.manageable_people(request.user).select_related("user"), pk=pk)


def _act(request, person, form, name, act, done):
    if not form.is_valid():
        return _detail(request, person, status=400, **{name: form})
    try:
        act(form.cleaned_data)
    except ValidationError as error:
        form.add_error(None, error)
        return _detail(request, person, status=400, **{name: form})
    messages.success(request, done)
    return redirect("logins:detail", person.pk)


@require_POST
@login_required
@permission_required(logins.MANAGE, raise_exception=True)
def login_create(request, pk):
    person = _manageable(request, pk)
    return _act(request, person, CreateLoginForm(request.POST), "create_form",
                lambda data: logins.create_login(person, data["username"], data["roles"], by=request.user),
                _("Login created. Make a set-password link and give it to its owner."))


@require_POST
@login_required
@permission_required(logins.MANAGE, raise_exception=True)
def login_roles(request, pk):
    person = _manageable(request, pk)
    return _act(request, person, RolesForm(request.POST), "roles_form",
                lambda data: logins.set_roles(person, data["roles"], by=request.user), _("Roles saved."))


@require_POST
@login_required
@permission_required(logins.MANAGE, raise_exception=True)
def login_post(request, pk):
    person = _manageable(request, pk)
    return _act(request, person, PostForm(request.POST, manager=request.user), "post_form",
                lambda data: logins.give_post(person, data["grid"], data["role"], by=request.user),
                _("Post given."))


@never_cache  # the link is shown once: never kept by a browser or a proxy
@require_POST
@login_required
@permission_required(logins.MANAGE, raise_exception=True)
def login_reset(request, pk):
    person = _manageable(request, pk)
    try:
        uidb64, token = logins.reset_password(person, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("logins:detail", person.pk)
    link = request.build_absolute_uri(reverse("password_reset_confirm", args=[uidb64, token]))
    return render(request, "grid/people/logins/login_reset.html", {"person": person, "link": link})


def _switch(request, pk, active):
    person = _manageable(request, pk)
    try:
        logins.set_active(person, active, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Login reactivated.") if active else _("Login deactivated."))
    return redirect("logins:detail", person.pk)


@require_POST
@login_required
@permission_required(logins.MANAGE, raise_exception=True)
def login_deactivate(request, pk):
    return _switch(request, pk, False)


@require_POST
@login_required
@permission_required(logins.MANAGE, raise_exception=True)
def login_reactivate(request, pk):
    return _switch(request, pk, True)
