from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GridConfig(AppConfig):
    """The ground floor: the territory, people and posts, and field work. It plugs into the portal here."""

    name = "grid"
    verbose_name = _("Grid")

    def ready(self):
        from grid import figures as grid_figures
        from grid import panels as figures
        from grid import permissions
        from grid.assistance import panels as assistance
        from grid.assistance import seed as assistance_seed
        from grid.disputes import seed as disputes_seed
        from grid.households import seed as households_seed
        from grid.people import seed as people_seed
        from grid.teams import panels as teams
        from grid.teams import seed as teams_seed
        from grid.territory import seed as territory_seed
        from grid.visits import panels as visits
        from grid.visits import seed as visits_seed
        from nanjie import page_cache
        from nanjie.figures import figures as figure_registry
        from nanjie.registry import NavEntry, Panel, SeedStep, nav, panels, seed_steps

        permissions.grant_permissions()
        # The residents' cached pages name grids, micro-grids and people (nanjie/page_cache.py).
        page_cache.watch(self.get_model("GridNode"), self.get_model("Person"))
        for figure in grid_figures.FIGURES:
            figure_registry.add(figure)
        for entry in [
            NavEntry("grid.me", _("Workbench"), "me", order=100, login=True),
            NavEntry("grid.territory", _("Grids"), "grid:overview", order=110, permission="grid.view_gridnode"),
            NavEntry("grid.visit", _("Log a visit"), "field:visit_start", order=200, permission="grid.add_visit"),
            NavEntry("grid.households", _("Households"), "field:households", order=210,
                     permission="grid.view_household"),
            NavEntry("grid.coverage", _("Coverage"), "field:coverage", order=220, permission="grid.view_household"),
            NavEntry("grid.pairs", _("Pairs"), "field:pairs", order=230, permission="grid.view_assistancepair"),
            NavEntry("grid.services", _("Three ways"), "field:services", order=240,
                     permission="grid.view_servicerecord"),
            NavEntry("grid.disputes", _("Disputes"), "field:disputes", order=250, permission="grid.view_dispute"),
            NavEntry("grid.whistles", _("Whistles"), "field:whistles", order=260, permission="grid.view_whistle"),
            NavEntry("grid.logins", _("Staff logins"), "logins:list", order=985, permission="grid.manage_logins"),
        ]:
            nav.add(entry)
        # Open whistles first, then coverage of the worker's micro-grids, the branch's figures, pairs due.
        # order 0: an open whistle calls the four teams now, above anyone's queues (requests.first is 1)
        panels.add(Panel("grid.whistles", teams.whistles_panel, order=0,
                         templates=("grid/teams/_panel_whistles.html",)))
        panels.add(Panel("grid.coverage", visits.coverage_panel, order=20,
                         templates=("grid/visits/_panel_coverage.html",)))
        panels.add(Panel("grid.figures", figures.figures_panel, order=30, templates=("grid/_panel_figures.html",)))
        panels.add(Panel("grid.pairs", assistance.pairs_panel, order=40,
                         templates=("grid/assistance/_panel_pairs.html",)))
        # Ground floor first; the field work after the partners' and volunteers' rosters it draws people from.
        seed_steps.add(SeedStep("grid.territory", territory_seed.run, order=10))
        seed_steps.add(SeedStep("grid.people", people_seed.run, order=20))
        seed_steps.add(SeedStep("grid.households", households_seed.run, order=50))
        seed_steps.add(SeedStep("grid.visits", visits_seed.run, order=55))
        seed_steps.add(SeedStep("grid.teams", teams_seed.run, order=60))
        seed_steps.add(SeedStep("grid.assistance", assistance_seed.run, order=65))
        seed_steps.add(SeedStep("grid.disputes", disputes_seed.run, order=70))
