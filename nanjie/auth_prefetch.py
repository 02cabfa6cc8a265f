"""The logged-in user in two queries: the user with their roster person, then their groups and permissions.

Django's AuthenticationMiddleware loads the user (1 query); the first has_perm loads their own permissions and
their groups' (2), the role names in the menu their groups (1), and most staff views their person (1): five
queries before a staff view's own, six with the session. Here the user comes with `person` (select_related),
and one UNION brings the group names and both kinds of permission, filling the caches ModelBackend keeps on the
user object (`_user_perm_cache`, `_group_perm_cache`, `_perm_cache`) and the prefetch cache `user.groups.all()`
reads (nanjie.roles.roles_of).

Everything lives on this request's user object, as Django's own caches do: nothing is kept between requests, so
a group or permission changed in admin counts from the next request on, with nothing to invalidate.
"""

from django.conf import settings
from django.contrib import auth
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, get_user_model, load_backend
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.db.models import CharField, F, Value
from django.utils.crypto import constant_time_compare
from django.utils.functional import SimpleLazyObject

GROUP, OWN, FROM_GROUP, ALL = "g", "u", "p", "a"


def _rows(kind, queryset, *columns):
    return queryset.order_by().values_list(Value(kind, output_field=CharField()), "pk", *columns)


def prefetch_permissions(user):
    """One query: the user's groups (id, name) and permissions (own and through groups; every one for a
    superuser); fills the caches ModelBackend and user.groups.all() read."""
    label = F("content_type__app_label")
    parts = [_rows(GROUP, Group.objects.filter(user=user), "name", Value("", output_field=CharField()))]
    if user.is_superuser:  # ModelBackend gives a superuser every permission, as their own and as their groups'
        parts.append(_rows(ALL, Permission.objects.all(), label, "codename"))
    else:
        parts.append(_rows(OWN, Permission.objects.filter(user=user), label, "codename"))
        parts.append(_rows(FROM_GROUP, Permission.objects.filter(group__user=user), label, "codename"))
    groups, own, from_groups = [], set(), set()
    for kind, pk, first, second in parts[0].union(*parts[1:], all=True):
        if kind == GROUP:
            groups.append(Group.from_db(user._state.db, ["id", "name"], [pk, first]))
        else:
            name = f"{first}.{second}"
            if kind in (OWN, ALL):
                own.add(name)
            if kind in (FROM_GROUP, ALL):
                from_groups.add(name)
    user._user_perm_cache = own
    user._group_perm_cache = from_groups
    user._perm_cache = own | from_groups
    cached = user.groups.all()  # builds the queryset only; its rows are the ones just read
    cached._result_cache = sorted(groups, key=lambda group: group.name)
    cached._prefetch_done = True
    user.__dict__.setdefault("_prefetched_objects_cache", {})["groups"] = cached
    return user


def _session_user(request):
    """The session's user as django.contrib.auth.get_user finds it, with the person and permissions preloaded.

    A session made by another backend than ModelBackend (or one that overrides get_user) goes through Django's
    own get_user unchanged. The session-hash check below is Django 5.2's (auth.get_user), word for word.
    """
    try:
        user_id = auth._get_user_session_key(request)
        backend_path = request.session[BACKEND_SESSION_KEY]
    except KeyError:
        return AnonymousUser()
    if backend_path not in settings.AUTHENTICATION_BACKENDS:
        return AnonymousUser()
    backend = load_backend(backend_path)
    if not isinstance(backend, ModelBackend) or type(backend).get_user is not ModelBackend.get_user:
        return auth.get_user(request)
    user = get_user_model()._default_manager.select_related("person").filter(pk=user_id).first()
    if user is None or not backend.user_can_authenticate(user):
        return AnonymousUser()
    session_hash = request.session.get(HASH_SESSION_KEY)
    session_auth_hash = user.get_session_auth_hash()
    if not (session_hash and constant_time_compare(session_hash, session_auth_hash)):
        if session_hash and any(constant_time_compare(session_hash, fallback)
                                for fallback in user.get_session_auth_fallback_hash()):
            request.session.cycle_key()
            request.session[HASH_SESSION_KEY] = session_auth_hash
        else:
            request.session.flush()
            return AnonymousUser()
    return prefetch_permissions(user)


def get_user(request):
    if not hasattr(request, "_cached_user"):
        request._cached_user = _session_user(request)
    return request._cached_user


class PrefetchingAuthenticationMiddleware(AuthenticationMiddleware):
    """AuthenticationMiddleware whose request.user arrives with its person, groups and permissions (above)."""

    def process_request(self, request):
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: get_user(request))
