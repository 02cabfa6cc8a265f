"""Template helpers for base.html: which menu entry is the current page, and the user's roles."""

from django import template
from django.utils.translation import gettext

from nanjie.masking import mask_name
from nanjie.roles import ROLE_NAMES, roles_of

register = template.Library()


@register.simple_tag
def current_nav_url(nav_items, path):
    """The menu URL that best matches the path: the longest prefix, so /grid/NJ-03/ marks "Grids".

    "/" only matches itself, or every page would be "Home".
    """
    best = ""
    for item in nav_items:
        url = item["url"]
        if path == url:
            return url
        if url != "/" and path.startswith(url) and len(url) > len(best):
            best = url
    return best


@register.simple_tag
def role_names(user, roles=None):
    """The user's roles in words ("Grid worker"), superuser first; empty for anonymous users. `roles`: the roles
    the page already asked for (the context processor's user_roles, which the bottom bar shares)."""
    if not user.is_authenticated:
        return []
    roles = roles_of(user) if roles is None else roles
    names = [str(ROLE_NAMES[role]) for role in sorted(roles) if role in ROLE_NAMES]
    if user.is_superuser:
        names.insert(0, gettext("Superuser"))
    return names


@register.filter
def masked_name(name):
    """张** on pages anonymous visitors see."""
    return mask_name(name)
