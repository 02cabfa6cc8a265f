"""Which role may do what in the grid app; called once from GridConfig.ready()."""

from nanjie import roles


def _crud(model, *actions):
    return [f"grid.{action}_{model}" for action in actions]


def grant_permissions():
    # The territory and its staffing.
    roles.grant(roles.GRID_WORKER, "grid.view_gridnode", "grid.view_gridpost", "grid.view_person")
    roles.grant(roles.JOINT_MEETING, "grid.view_all_grids", "grid.view_gridnode", "grid.view_gridpost")
    roles.grant(roles.UNIT_PARTY_MEMBER)
    roles.grant(roles.BRANCH_ADMIN, "grid.view_all_grids",
                *(perm for model in ("gridnode", "gridpost", "person")
                  for perm in _crud(model, "view", "add", "change", "delete")))
    # The community's staff logins (grid/people/logins): create, reset, deactivate, give grantable roles.
    roles.grant(roles.BRANCH_ADMIN, "grid.manage_logins", "grid.view_loginchange")
    # Field work.
    roles.grant(
        roles.GRID_WORKER,
        *_crud("household", "view", "add", "change"), *_crud("visit", "view", "add"),
        *_crud("assistancepair", "view"), *_crud("paircontact", "view", "add"),
        *_crud("servicerecord", "view", "add"), *_crud("dispute", "view", "add", "change"),
        *_crud("gridteammember", "view"), *_crud("whistle", "view"), *_crud("whistlereport", "view", "add"),
    )
    # The units' party members are the "dual report" team and often helpers in a pair.
    roles.grant(roles.UNIT_PARTY_MEMBER, *_crud("assistancepair", "view"), *_crud("paircontact", "view", "add"),
                *_crud("whistle", "view"), *_crud("whistlereport", "view", "add"))
    roles.grant(roles.JOINT_MEETING, *_crud("whistle", "view"), *_crud("dispute", "view"),
                *_crud("servicerecord", "view"), *_crud("gridteammember", "view"))
    everything = ("household", "householdtag", "visit", "assistancepair", "paircontact", "servicerecord", "dispute",
                  "disputetransition", "gridteammember", "whistle", "whistlereport")
    roles.grant(roles.BRANCH_ADMIN, "grid.view_whistletransition",
                *(perm for model in everything for perm in _crud(model, "view", "add", "change", "delete")))
