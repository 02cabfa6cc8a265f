from django.conf import settings

from nanjie.registry import nav


def portal(request):
    """The nav that fits the user's role (nanjie.registry.nav), built only when a template asks for it."""

    def build():
        user = getattr(request, "user", None)
        return [{"label": entry.label, "url": entry.url()} for entry in nav if entry.shown_to(user)]

    return {"nav_items": build, "community_code": settings.COMMUNITY_CODE}
