from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    """The second floor: the seven-colour volunteer teams. Stands on grid and partners."""

    name = "volunteers"
    verbose_name = _("Volunteer teams")

    def ready(self):
        from nanjie import roles
        from nanjie.registry import NavEntry, SeedStep, nav, seed_steps
        from volunteers.teams import seed as teams_seed

        roles.grant(
            roles.BRANCH_ADMIN,
            *(f"volunteers.{action}_{model}" for action in ("view", "add", "change", "delete")
              for model in ("team", "teammember")),
        )
        nav.add(NavEntry("volunteers.teams", _("Volunteer teams"), "volunteers:teams", order=400))
        seed_steps.add(SeedStep("volunteers.teams", teams_seed.run, order=40))
