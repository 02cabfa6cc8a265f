from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """The first floor: co-building units and "two new" organisations, the three lists and the joint meeting.
    Stands on grid."""

    name = "partners"
    verbose_name = _("Partners and joint meeting")

    def ready(self):
        from grid.people.models import PERSON_REACH
        from nanjie import page_cache, roles
        from nanjie.registry import NavEntry, Panel, SeedStep, nav, panels, seed_steps
        from partners.lists import agenda as lists_agenda
        from partners.lists import decisions as lists_decisions
        from partners.lists import scorecard as lists_scorecard
        from partners.lists import seed as lists_seed
        from partners.meeting import agenda
        from partners.meeting import panels as meeting_panels
        from partners.meeting import seed as meeting_seed
        from partners.meeting.actions import DecisionAction, decision_actions
        from partners.meeting.scorecard import ScorecardSection, scorecard_sections
        from partners.units import seed as units_seed

        models = ("category", "unit", "unitmembership", "committeemember", "dutyrota")
        # The residents' cached pages name the on-duty chairman, units and categories (nanjie/page_cache.py).
        page_cache.watch(*(self.get_model(name) for name in ("Category", "Unit", "CommitteeMember", "DutyRota")))
        meeting_models = ("meeting", "attendance", "agendaitem", "decision")
        lists = ("need", "project", "milestone", "resource", "claim", "claimtransition")
        views = [f"partners.view_{model}" for model in lists]
        roles.grant(roles.JOINT_MEETING, "partners.view_unit", "partners.view_category",
                    *(f"partners.{action}_{model}" for action in ("view", "add", "change") for model in meeting_models),
                    "partners.view_decisionevent", "partners.view_minutesamendment")
        roles.grant(roles.JOINT_MEETING, *views, "partners.view_all_lists", "partners.add_need", "partners.add_project",
                    "partners.change_project")
        roles.grant(roles.UNIT_PARTY_MEMBER, "partners.view_unit", "partners.view_decision")
        roles.grant(roles.UNIT_PARTY_MEMBER, *views, "partners.view_all_lists", "partners.claim_item",
                    "partners.add_resource")
        roles.grant(roles.GRID_WORKER, *views, "partners.add_need")
        roles.grant(
            roles.BRANCH_ADMIN,
            *(f"partners.{action}_{model}" for action in ("view", "add", "change", "delete") for model in models),
            *(f"partners.{action}_{model}" for action in ("view", "add", "change") for model in meeting_models),
            "partners.view_decisionevent", "partners.view_minutesamendment", "partners.view_scorecard",
            *(f"partners.{action}_{model}" for action in ("view", "add", "change") for model in lists),
            "partners.view_all_lists", "partners.claim_item", "partners.verify_claim",
        )
        from partners.units.models import unit_people

        PERSON_REACH.append(unit_people)  # a unit's party members see each other on the rosters
        nav.add(NavEntry("partners.units", _("Units"), "partners:units", order=300))
        nav.add(NavEntry("partners.public_needs", _("Needs list"), "partners:public_needs", order=305))
        nav.add(NavEntry("partners.lists", _("Three lists"), "partners:needs_manage", order=310,
                         permission="partners.view_need"))
        nav.add(NavEntry("partners.meetings", _("Joint meetings"), "partners:meetings", order=330,
                         permission="partners.view_meeting"))
        nav.add(NavEntry("partners.decisions", _("Decisions"), "partners:decisions", order=335,
                         permission="partners.view_decision"))
        nav.add(NavEntry("partners.scorecards", _("Units' scorecards"), "partners:scorecards", order=338,
                         permission="partners.view_scorecard"))
        panels.add(Panel("partners.meeting", meeting_panels.chairman_panel, order=48,
                         templates=("partners/meeting/_panel.html",)))
        agenda.register_own()
        lists_agenda.register()  # the needs unclaimed too long and the projects behind schedule (回头看 of the lists)
        # A decision carried out as a need or a project (partners/lists/decisions.py); each shows what it made.
        decision_actions.add(DecisionAction("partners.need", _("Create a need"), "partners:need_from_decision",
                                            order=20, permission="partners.add_need",
                                            outcomes=lists_decisions.need_outcomes))
        decision_actions.add(DecisionAction("partners.project", _("Create a project"),
                                            "partners:project_from_decision", order=30,
                                            permission="partners.add_project",
                                            outcomes=lists_decisions.project_outcomes))
        scorecard_sections.add(ScorecardSection("partners.lists.claims", "partners/lists/_scorecard_claims.html",
                                                lists_scorecard.claims_figures, order=10))
        seed_steps.add(SeedStep("partners.units", units_seed.run, order=30))
        seed_steps.add(SeedStep("partners.meeting", meeting_seed.run, order=35))
        # After the field work (visits, order 50s) and before the requests (90): needs link visits.
        seed_steps.add(SeedStep("partners.lists", lists_seed.run, order=72))
        # After the requests' seed (90, and its needs 95): the agendas propose the overdue requests too.
        seed_steps.add(SeedStep("partners.meetings", meeting_seed.run_meetings, order=96))
