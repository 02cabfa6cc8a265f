from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    name = "volunteers"
    verbose_name = _("Volunteer teams")

    def ready(self):
        from grid import roles

        roles.grant(
            roles.BRANCH_ADMIN,
            *(f"volunteers.{action}_{model}" for action in ("view", "add", "change", "delete")
              for model in ("team", "teammember")),
        )
