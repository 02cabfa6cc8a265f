from django.conf import settings

from nanjie import elderly
from nanjie.paper import community_office
from nanjie.registry import nav


def portal(request):
    """The nav that fits the user's role (nanjie.registry.nav), built only when a template asks for it; the
    community office's contact; whether elderly mode is on (its cookie)."""

    def build():
        user = getattr(request, "user", None)
        return [{"label": entry.label, "url": entry.url()} for entry in nav if entry.shown_to(user)]

    return {"nav_items": build, "community_code": settings.COMMUNITY_CODE, "office": community_office(),
            "elderly_mode": elderly.is_on(request)}
