"""A view asking what staff views ask of request.user first, and nothing else (test_auth_prefetch.py)."""

from django.http import JsonResponse
from django.urls import path

from nanjie.roles import roles_of


def probe(request):
    user = request.user
    person = getattr(user, "person", None)
    return JsonResponse({
        "authenticated": user.is_authenticated,
        "may_dispatch": user.has_perm("requests.dispatch_request"),
        "may_view": user.has_perm("requests.view_request"),
        "perms": sorted(user.get_all_permissions()),
        "own": sorted(user.get_user_permissions()),
        "roles": sorted(roles_of(user)),
        "person": person.name if person else None,
    })


urlpatterns = [path("probe/", probe)]
