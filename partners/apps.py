from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """The first floor: co-building units and "two new" organisations, and the joint meeting. Stands on grid."""

    name = "partners"
    verbose_name = _("Partners and joint meeting")

    def ready(self):
        from grid.people.models import PERSON_REACH
        from nanjie import roles
        from nanjie.registry import NavEntry, SeedStep, nav, seed_steps
        from partners.meeting import seed as meeting_seed
        from partners.units import seed as units_seed

        models = ("category", "unit", "unitmembership", "committeemember", "dutyrota")
        roles.grant(roles.JOINT_MEETING, "partners.view_unit", "partners.view_category")
        roles.grant(roles.UNIT_PARTY_MEMBER, "partners.view_unit")
        roles.grant(
            roles.BRANCH_ADMIN,
            *(f"partners.{action}_{model}" for action in ("view", "add", "change", "delete") for model in models),
        )
        from partners.units.models import unit_people

        PERSON_REACH.append(unit_people)  # a unit's party members see each other on the rosters
        nav.add(NavEntry("partners.units", _("Units"), "partners:units", order=300))
        seed_steps.add(SeedStep("partners.units", units_seed.run, order=30))
        seed_steps.add(SeedStep("partners.meeting", meeting_seed.run, order=35))
