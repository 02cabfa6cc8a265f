from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _crud(model, *actions):
    return [f"volunteers.{action}_{model}" for action in actions]


class VolunteersConfig(AppConfig):
    """The second floor: the seven-colour volunteer teams, the service positions with their fixed-day
    services, and theory empowerment (study sessions, mobile party members and their tutors). Stands on grid
    and partners."""

    name = "volunteers"
    verbose_name = _("Volunteer teams and service positions")

    def ready(self):
        from grid.people.models import PERSON_REACH
        from nanjie import roles, throttle
        from nanjie.figures import figures
        from nanjie.registry import NavEntry, Panel, SeedStep, nav, panels, seed_steps
        from volunteers.activities import panels as activities_panels
        from volunteers.activities import seed as activities_seed
        from volunteers.positions import panels as positions_panels
        from volunteers.positions import seed as positions_seed
        from volunteers.positions.models import duty_people
        from volunteers.services import seed as services_seed
        from volunteers.sessions.figures import FIGURES
        from volunteers.study import panels as study_panels
        from volunteers.study import seed as study_seed
        from volunteers.teams import seed as teams_seed
        from volunteers.teams.models import led_people

        PERSON_REACH.extend([led_people, duty_people])  # a team's leaders and a station's staff see its people
        throttle.limit("booking", 6, 3600)  # anonymous bookings from one address in an hour
        throttle.limit("booking-miss", 20, 3600)  # wrong booking tokens from one address in an hour
        everything = ("team", "teammember", "position", "dutyshift", "amenity", "inspection", "servicerule",
                      "session", "booking")
        roles.grant(roles.BRANCH_ADMIN, *(perm for model in everything
                                          for perm in _crud(model, "view", "add", "change", "delete")))
        looking = ("position", "dutyshift", "amenity", "servicerule", "session", "booking")
        # Grid workers look after their grids' stations (the monthly inspection) and record their sessions.
        roles.grant(roles.GRID_WORKER, *(perm for model in looking for perm in _crud(model, "view")),
                    *_crud("inspection", "view", "add", "change"), *_crud("session", "add", "change"),
                    *_crud("booking", "change"))
        # A unit's party members record the sessions their unit provides or hosts.
        roles.grant(roles.UNIT_PARTY_MEMBER, *(perm for model in looking for perm in _crud(model, "view")),
                    *_crud("session", "add", "change"), *_crud("booking", "change"))
        roles.grant(roles.JOINT_MEETING, *(perm for model in looking for perm in _crud(model, "view")),
                    *_crud("inspection", "view"))
        study = ("studysession", "studysessionchange", "studyattendance", "mobilemember", "tutorcontact")
        roles.grant(roles.BRANCH_ADMIN, "volunteers.view_mobile_contact",
                    *(perm for model in study for perm in _crud(model, "view", "add", "change", "delete")))
        # Grid workers organise study at their stations and tutor mobile members (their contacts: tutors only).
        roles.grant(roles.GRID_WORKER, *_crud("studysession", "view", "add", "change"), *_crud("mobilemember", "view"),
                    *_crud("tutorcontact", "view", "add"))
        roles.grant(roles.JOINT_MEETING, *_crud("studysession", "view"))
        for figure in FIGURES:
            figures.add(figure)
        activities = ("activityday", "planreason", "activity", "signup", "certificate", "activitylog")
        roles.grant(roles.BRANCH_ADMIN, *(perm for model in activities
                                          for perm in _crud(model, "view", "add", "change", "delete")))
        # Grid workers raise their grids' ordinary activities and run them; everyone with a person signs up.
        roles.grant(roles.GRID_WORKER, *_crud("activity", "view", "add", "change"), *_crud("signup", "view"))
        roles.grant(roles.UNIT_PARTY_MEMBER, *_crud("activity", "view"))
        roles.grant(roles.JOINT_MEETING, *_crud("activity", "view"), *_crud("activityday", "view"))
        for entry in [
            NavEntry("volunteers.services", _("Services this week"), "volunteers:services", order=65),
            NavEntry("volunteers.positions", _("Service positions"), "volunteers:positions", order=66),
            NavEntry("volunteers.teams", _("Volunteer teams"), "volunteers:teams", order=400),
            NavEntry("volunteers.sessions", _("Service sessions"), "volunteers:sessions", order=410,
                     permission="volunteers.view_session"),
            NavEntry("volunteers.activity_day", _("Activity day"), "volunteers:activity_day", order=67),
            NavEntry("volunteers.activities", _("Volunteer activities"), "volunteers:activities", order=430,
                     login=True),
            NavEntry("volunteers.my_activities", _("My volunteering"), "volunteers:my_activities", order=435,
                     login=True),
            NavEntry("volunteers.plans", _("Activity-day plans"), "volunteers:plans", order=440,
                     permission="volunteers.view_activityday"),
            NavEntry("volunteers.stations", _("Stations and inspections"), "volunteers:manage_positions",
                     order=420, permission="volunteers.view_inspection"),
            NavEntry("volunteers.my_study", _("My study"), "volunteers:my_study", order=430, login=True),
            NavEntry("volunteers.study", _("Study sessions"), "volunteers:study_sessions", order=440,
                     permission="volunteers.view_studysession"),
            NavEntry("volunteers.mobile", _("Mobile party members"), "volunteers:mobile_members", order=450,
                     permission="volunteers.view_mobilemember"),
        ]:
            nav.add(entry)
        panels.add(Panel("volunteers.stations", positions_panels.stations_panel, order=45,
                         templates=("volunteers/positions/_panel_stations.html",)))
        panels.add(Panel("volunteers.study", study_panels.overdue_panel, order=47,
                         templates=("volunteers/study/_panel_overdue.html",)))
        seed_steps.add(SeedStep("volunteers.teams", teams_seed.run, order=40))
        seed_steps.add(SeedStep("volunteers.positions", positions_seed.run, order=75))
        seed_steps.add(SeedStep("volunteers.services", services_seed.run, order=80))
        seed_steps.add(SeedStep("volunteers.study", study_seed.run, order=85))
        panels.add(Panel("volunteers.approvals", activities_panels.approvals_panel, order=49,
                         templates=("volunteers/activities/_panel_approvals.html",)))
        seed_steps.add(SeedStep("volunteers.activities", activities_seed.run, order=86))
