"""What upper floors offer to do with an open decision (e.g. the requests app: "dispatch a request").

An app adds a DecisionAction in its ready(); the meeting and decision pages show its button to holders of
`permission`, linking to `url_name` with the decision's id. Partners never names the app that registers it.
"""

from dataclasses import dataclass

from django.urls import reverse

from nanjie.registry import Registry, _url_problem


@dataclass(frozen=True)
class DecisionAction:
    name: str
    label: str
    url_name: str  # takes the decision's pk
    order: int
    permission: str = ""

    def problems(self):
        return [problem for problem in (_url_problem(self.url_name, args=(1,)),) if problem]


decision_actions = Registry("decision action")


def actions_for(decision, user):
    """(label, url) of the actions `user` may take on an open decision."""
    if decision.state != decision.State.OPEN:
        return []
    return [(action.label, reverse(action.url_name, args=[decision.pk])) for action in decision_actions
            if not action.permission or user.has_perm(action.permission)]
