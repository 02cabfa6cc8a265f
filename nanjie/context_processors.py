import functools

from django.urls import get_script_prefix

from nanjie import elderly
from nanjie.community import community_full_name, community_name, current_code, portal_name
from nanjie.paper import community_office
from nanjie.registry import bars, nav
from nanjie.roles import roles_of

# A phone's menu holds at most this many entries; the rest go under 更多 (issue 16: ≤ 7 items).
MENU_SHOWN = 7


def portal(request):
    """The nav that fits the user's role (nanjie.registry.nav), built only when a template asks for it, and the
    phone's bottom bar (nanjie.registry.bars); the community office's contact; whether elderly mode is on."""

    @functools.cache
    def build():
        user = getattr(request, "user", None)
        return [{"label": entry.label, "url": entry.url(), "staff": bool(entry.login or entry.permission),
                 "home": entry.url_name == "me", "field": entry.order >= 100}
                for entry in nav if entry.menu and entry.shown_to(user)]

    @functools.cache
    def roles():
        """The user's roles, asked once a page: the header names them and the bottom bar follows the first."""
        user = getattr(request, "user", None)
        return roles_of(user) if user is not None else set()

    @functools.cache
    def bottom_bar():
        """The first of the user's roles' bars (in the bars' order), its entries the user may open; [] for a user
        without a role (anonymous visitors, a superuser outside the groups). has_perm reads the permissions the
        menu already loaded: no query of its own."""
        user = getattr(request, "user", None)
        bar = next((bar for bar in bars if bar.name in roles()), None)
        if bar is None:
            return []
        return [{"label": entry.label, "url": entry.url()}
                for entry in map(nav.__getitem__, bar.entries) if entry.shown_to(user)]

    @functools.cache
    def menu():
        """The menu as shown: a logged-in user's own entries first (role first), the residents' after; past
        MENU_SHOWN entries, the first MENU_SHOWN - 1 and a 更多 holding the rest (the admin link included)."""
        items = build()
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            # 工作台 first, then the user's field and partner work (order 100+), then the staff entries of the
            # residents' section (record, posters, figures), the residents' pages last.
            items = sorted(items, key=lambda item: (not item["home"], not item["staff"], not item["field"]))
        extra = 1 if user is not None and user.is_authenticated and user.is_staff else 0  # the admin link
        if len(items) + extra <= MENU_SHOWN:
            return {"primary": items, "more": []}
        return {"primary": items[:MENU_SHOWN - 1], "more": items[MENU_SHOWN - 1:]}

    # home_url: the community's home, / or /c/<code>/ (the script prefix: nanjie/community.py).
    return {"nav_items": build, "nav_menu": menu, "user_roles": roles, "bottom_bar": bottom_bar,
            "community_code": current_code(), "home_url": get_script_prefix(),
            # The served community's names (nanjie.community: the default's from the translations).
            "community_name": community_name(), "community_full_name": community_full_name(),
            "portal_name": portal_name(),
            "office": community_office(), "elderly_mode": elderly.is_on(request)}
