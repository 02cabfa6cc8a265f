from importlib import import_module

from django.conf import settings
from django.urls import NoReverseMatch, reverse

# Each module has items(user) -> [(label, url name, *args)]; public entries first, a missing module is skipped.
NAV_MODULES = ["requests.nav", "grid.nav", "grid.field_nav", "partners.nav", "volunteers.nav"]


def _nav_modules():
    for dotted in NAV_MODULES:
        try:
            yield import_module(dotted)
        except ModuleNotFoundError as error:
            if error.name != dotted:
                raise


def portal(request):
    """The nav that fits the user's role, built only when a template asks for it."""

    def build():
        entries = []
        user = getattr(request, "user", None)
        for module in _nav_modules():
            for label, name, *args in module.items(user):
                try:
                    entries.append({"label": label, "url": reverse(name, args=args)})
                except NoReverseMatch:
                    continue  # a feature not installed here
        return entries

    return {"nav_items": build, "community_code": settings.COMMUNITY_CODE}
