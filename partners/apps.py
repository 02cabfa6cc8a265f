from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners and joint meeting")

    def ready(self):
        from grid import roles

        models = ("category", "unit", "unitmembership", "committeemember", "dutyrota")
        roles.grant(roles.JOINT_MEETING, "partners.view_unit", "partners.view_category")
        roles.grant(roles.UNIT_PARTY_MEMBER, "partners.view_unit")
        roles.grant(
            roles.BRANCH_ADMIN,
            *(f"partners.{action}_{model}" for action in ("view", "add", "change", "delete") for model in models),
        )
