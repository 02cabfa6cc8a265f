from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """The first floor: co-building units and "two new" organisations, and the joint meeting. Stands on grid."""

    name = "partners"
    verbose_name = _("Partners and joint meeting")

    def ready(self):
        from grid.people.models import PERSON_REACH
        from nanjie import roles
        from nanjie.registry import NavEntry, Panel, SeedStep, nav, panels, seed_steps
        from partners.meeting import agenda
        from partners.meeting import panels as meeting_panels
        from partners.meeting import seed as meeting_seed
        from partners.units import seed as units_seed

        models = ("category", "unit", "unitmembership", "committeemember", "dutyrota")
        meeting_models = ("meeting", "attendance", "agendaitem", "decision")
        roles.grant(roles.JOINT_MEETING, "partners.view_unit", "partners.view_category",
                    *(f"partners.{action}_{model}" for action in ("view", "add", "change") for model in meeting_models),
                    "partners.view_decisionevent", "partners.view_minutesamendment")
        roles.grant(roles.UNIT_PARTY_MEMBER, "partners.view_unit", "partners.view_decision")
        roles.grant(
            roles.BRANCH_ADMIN,
            *(f"partners.{action}_{model}" for action in ("view", "add", "change", "delete") for model in models),
            *(f"partners.{action}_{model}" for action in ("view", "add", "change") for model in meeting_models),
            "partners.view_decisionevent", "partners.view_minutesamendment", "partners.view_scorecard",
        )
        from partners.units.models import unit_people

        PERSON_REACH.append(unit_people)  # a unit's party members see each other on the rosters
        nav.add(NavEntry("partners.units", _("Units"), "partners:units", order=300))
        nav.add(NavEntry("partners.meetings", _("Joint meetings"), "partners:meetings", order=330,
                         permission="partners.view_meeting"))
        nav.add(NavEntry("partners.decisions", _("Decisions"), "partners:decisions", order=335,
                         permission="partners.view_decision"))
        nav.add(NavEntry("partners.scorecards", _("Units' scorecards"), "partners:scorecards", order=338,
                         permission="partners.view_scorecard"))
        panels.add(Panel("partners.meeting", meeting_panels.chairman_panel, order=48,
                         templates=("partners/meeting/_panel.html",)))
        agenda.register_own()
        seed_steps.add(SeedStep("partners.units", units_seed.run, order=30))
        seed_steps.add(SeedStep("partners.meeting", meeting_seed.run, order=35))
        # After the requests' seed (90): the agendas propose the overdue requests too.
        seed_steps.add(SeedStep("partners.meetings", meeting_seed.run_meetings, order=95))
