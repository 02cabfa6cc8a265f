"""The portal's roles as Django groups. Each app grants its permissions in its AppConfig.ready()."""

from collections import defaultdict

from django.utils.translation import gettext_lazy as _

GRID_WORKER = "grid_worker"
JOINT_MEETING = "joint_meeting"
UNIT_PARTY_MEMBER = "unit_party_member"
BRANCH_ADMIN = "branch_admin"

ROLE_NAMES = {
    GRID_WORKER: _("Grid worker"),
    JOINT_MEETING: _("Joint-meeting member"),
    UNIT_PARTY_MEMBER: _("Unit party member"),
    BRANCH_ADMIN: _("Branch admin"),
}

_grants = defaultdict(set)


def grant(role, *permissions):
    """Register "app_label.codename" permissions for a role; applied after every migrate and by seed."""
    if role not in ROLE_NAMES:
        raise ValueError(f"unknown role {role!r}")
    _grants[role].update(permissions)


def ensure_groups():
    """Create the four groups and add the permissions registered for each that the group lacks.

    Only adds: what the branch gave a role in admin survives every migrate (re-setting the list wiped it on
    each deploy). A permission the code grants comes back if removed in admin: take it away in the code.
    """
    from django.contrib.auth.models import Group, Permission

    groups = {}
    for role in ROLE_NAMES:
        group, _created = Group.objects.get_or_create(name=role)
        wanted = _grants[role]
        perms = [
            perm
            for perm in Permission.objects.filter(
                content_type__app_label__in={name.split(".")[0] for name in wanted}
            ).select_related("content_type")
            if f"{perm.content_type.app_label}.{perm.codename}" in wanted
        ]
        group.permissions.add(*perms)
        groups[role] = group
    return groups


def on_post_migrate(sender, **kwargs):
    from django.apps import apps

    # post_migrate fires once per app; the last app's signal comes after every permission exists.
    if sender.label == list(apps.get_app_configs())[-1].label:
        ensure_groups()


def roles_of(user):
    if not user.is_authenticated:
        return set()
    return {group.name for group in user.groups.all()}
