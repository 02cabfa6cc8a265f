"""What upper floors offer to do with an open decision (e.g. the requests app: "dispatch a request").

An app adds a DecisionAction in its ready(); the meeting and decision pages show its button to holders of
`permission`, linking to `url_name` with the decision's id. Partners never names the app that registers it.
An action that makes one thing per decision (the lists: a need, a project) gives `outcomes`: the pages show
what it made, in one query per page, and no longer offer the button.
"""

from collections.abc import Callable
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
    outcomes: Callable | None = None  # decisions -> {decision pk: (label, url)} of what it made; one query

    def problems(self):
        return [problem for problem in (_url_problem(self.url_name, args=(1,)),) if problem]


decision_actions = Registry("decision action")


def actions_for(decision, user, done=()):
    """(label, url) of the actions `user` may take on an open decision (`done`: names of those that made theirs)."""
    if decision.state != decision.State.OPEN:
        return []
    return [(action.label, reverse(action.url_name, args=[decision.pk])) for action in decision_actions
            if action.name not in done and (not action.permission or user.has_perm(action.permission))]


def outcomes_of(decisions):
    """{decision pk: {action name: (label, url)}}: what the actions made for these decisions, a query per action."""
    decisions = list(decisions)
    found = {}
    if not decisions:
        return found
    for action in decision_actions:
        if action.outcomes is not None:
            for pk, outcome in action.outcomes(decisions).items():
                found.setdefault(pk, {})[action.name] = outcome
    return found
