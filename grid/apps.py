from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class GridConfig(AppConfig):
    name = "grid"
    verbose_name = _("Grid")

    def ready(self):
        from grid import field_roles, roles

        roles.grant(roles.GRID_WORKER, "grid.view_gridnode", "grid.view_gridpost", "grid.view_person")
        roles.grant(roles.JOINT_MEETING, "grid.view_all_grids", "grid.view_gridnode", "grid.view_gridpost")
        roles.grant(roles.UNIT_PARTY_MEMBER)
        roles.grant(
            roles.BRANCH_ADMIN,
            "grid.view_all_grids",
            *(f"grid.{action}_{model}" for action in ("view", "add", "change", "delete")
              for model in ("gridnode", "gridpost", "person")),
        )
        field_roles.grant_field_permissions()
        post_migrate.connect(roles.on_post_migrate, dispatch_uid="grid.roles.ensure_groups")
