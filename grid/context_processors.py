from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.urls import NoReverseMatch, reverse


def _nav_modules():
    for config in apps.get_app_configs():
        if config.name in ("grid", "partners", "volunteers", "requests"):
            try:
                yield import_module(f"{config.name}.nav")
            except ModuleNotFoundError:
                continue


def portal(request):
    """The nav that fits the user's role: each app's nav.items(user) lists (label, url name, args)."""

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
