from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class NanjieConfig(AppConfig):
    """The portal itself: its registries, roles, template tags, the seed command, and the per-address
    throttle's one table (nanjie/models.py) that every floor's public forms share."""

    name = "nanjie"
    verbose_name = _("Nanjie Grid")

    def ready(self):
        from nanjie import db_router, registry, roles  # noqa: F401 (registry: its system check)

        # The per-address limits decide who may send now: never read from a replica a moment behind.
        db_router.read_from_primary(self.get_model("ThrottleHit"))

        # The branch lifts a login lockout before its hour is over (nanjie/lockouts.py).
        roles.grant(roles.BRANCH_ADMIN, "axes.view_accessattempt", "axes.delete_accessattempt")
        registry.nav.add(registry.NavEntry("nanjie.lockouts", _("Login lockouts"), "lockouts", order=990,
                                              permission="axes.delete_accessattempt"))
        post_migrate.connect(roles.on_post_migrate, dispatch_uid="nanjie.roles.ensure_groups")
