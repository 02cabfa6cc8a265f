from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class NanjieConfig(AppConfig):
    """The portal itself: its registries, roles, template tags and the seed command. It has no models."""

    name = "nanjie"
    verbose_name = _("Nanjie Grid")

    def ready(self):
        from nanjie import registry, roles  # noqa: F401 (registry: its system check)

        post_migrate.connect(roles.on_post_migrate, dispatch_uid="nanjie.roles.ensure_groups")
