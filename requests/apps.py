from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RequestsConfig(AppConfig):
    """The top floor: residents' micro-wishes and the request loop. Plugs into every floor below it here."""

    name = "requests"
    label = "requests"
    verbose_name = _("Micro-wishes and requests")

    def ready(self):
        from grid.visits.sections import record_sections
        from nanjie import page_cache, roles, throttle
        from nanjie.figures import figures
        from nanjie.registry import BottomBar, NavEntry, Panel, Section, SeedStep, bars, nav, panels, seed_steps
        from partners.lists.sections import need_sections
        from partners.meeting.actions import DecisionAction, decision_actions
        from partners.meeting.agenda import Proposer, agenda_proposers
        from requests.lifecycle import agenda, seed
        from requests.lifecycle.queues import QUEUES
        from requests.needs import sections as needs_sections
        from requests.needs import seed as needs_seed
        from requests.staff import linked
        from requests.staff import panels as staff_panels
        from requests.statistics import escalation, registered, rollups

        # The home page, the board and its feed are kept for anonymous visitors until one of these changes.
        page_cache.watch(self.get_model("Request"), self.get_model("Transition"))
        throttle.limit("wish", 10, 3600)  # anonymous wishes from one address in an hour
        throttle.limit("wish-post", 30, 3600)  # anonymous POSTs of the form (refused ones too) in an hour
        throttle.limit("track-miss", 20, 3600)  # wrong tracking tokens from one address in an hour
        throttle.limit("track-lookup", 10, 3600)  # wrong reference + phone pairs (查进度) from one address in an hour
        roles.grant(roles.JOINT_MEETING, "requests.view_all_requests", "requests.dispatch_request",
                    "requests.record_request", "requests.view_request")
        roles.grant(roles.UNIT_PARTY_MEMBER, "requests.accept_request", "requests.view_request")
        roles.grant(roles.GRID_WORKER, "requests.record_request", "requests.view_request")
        roles.grant(roles.BRANCH_ADMIN, "requests.view_all_requests", "requests.publicise_request",
                    "requests.dispatch_request", "requests.record_request", "requests.view_request",
                    "requests.view_transition", "requests.view_photo")
        # The resident-facing entries head the menu, for everyone; staff entries follow.
        for entry in [
            NavEntry("requests.home", _("Home"), "requests:home", order=10),
            NavEntry("requests.wish", _("Make a micro-wish"), "requests:wish", order=20),
            NavEntry("requests.board", _("Closure board"), "requests:board", order=30),
            # No "Work queues" entry: /requests/ is the same page as /me/ (工作台), which the menu already has.
            NavEntry("requests.record", _("Record a request"), "requests:record", order=50,
                     permission="requests.record_request"),
            NavEntry("requests.promote", _("Promote requests to a need"), "requests:promote", order=55,
                     permission="partners.add_need"),
            NavEntry("requests.posters", _("Wish-wall posters"), "requests:posters", order=60,
                     permission="requests.record_request"),
            NavEntry("requests.figures", _("Community figures"), "requests:stats", order=70, login=True),
        ]:
            nav.add(entry)
        for figure in registered.FIGURES:
            figures.add(figure)
        nav.add(NavEntry("requests.rates", _("The three rates"), "requests:rates", order=72, login=True))
        # The work queues a bottom bar opens; not in the menu, whose 工作台 starts with the same queues.
        for order, name in enumerate(("dispatch", "accept", "mine", "publicise"), start=80):
            nav.add(NavEntry(f"requests.queue.{name}", QUEUES[name].label, "requests:queue", order=order,
                             permission=QUEUES[name].perm, args=(name,), menu=False))
        # The phone's bottom bar: each role's three main actions, 工作台 always in the middle. The top floor holds
        # the table because it sees every floor the bars name. A user with several roles gets the first bar here:
        # the loop's order, what keeps a resident waiting first (a wish waits on the chairman to dispatch it, then on
        # a unit to accept it), then the field work, then the branch's publicising.
        for order, (role, entries) in enumerate([
            (roles.JOINT_MEETING, ("requests.queue.dispatch", "grid.me", "partners.meetings")),
            (roles.UNIT_PARTY_MEMBER, ("requests.queue.accept", "grid.me", "requests.queue.mine")),
            (roles.GRID_WORKER, ("grid.visit", "grid.me", "grid.households")),
            (roles.BRANCH_ADMIN, ("requests.queue.publicise", "grid.me", "grid.territory")),
        ]):
            bars.add(BottomBar(role, entries, order=order))
        panels.add(Panel("requests.escalation", escalation.escalation_panel, order=49,
                         templates=("requests/statistics/_panel_escalation.html",)))
        # Order 1: a role's own queue heads /me/ (the chairman's 待派单, a member's 待接单 and 我的办理).
        panels.add(Panel("requests.first", staff_panels.first_panel, order=1,
                         templates=("requests/staff/_panel_first.html",)))
        panels.add(Panel("requests.queues", staff_panels.queues_panel, order=50,
                         templates=("requests/staff/_panel.html",)))
        record_sections.add(Section("requests.linked", "requests/staff/_linked_requests.html",
                                    linked.linked_requests, order=10))
        need_sections.add(Section("requests.needs", "requests/needs/_need_requests.html",
                                  needs_sections.need_requests, order=10))
        seed_steps.add(SeedStep("requests.lifecycle", seed.run, order=90))
        agenda_proposers.add(Proposer("requests.overdue", _("Overdue requests"), agenda.overdue_requests, order=30))
        decision_actions.add(DecisionAction("requests.dispatch", _("Dispatch a request"), "requests:from_decision",
                                            order=10, permission="requests.dispatch_request"))
        seed_steps.add(SeedStep("requests.needs", needs_seed.run, order=95))
        # The request seed backdates its rows with plain UPDATEs: the roll-ups are recounted once after it.
        seed_steps.add(SeedStep("requests.rollups", rollups.seed, order=99))
        rollups.connect()
