"""The grid app's models, one package per concern; imported here so Django finds them (app label "grid")."""

from grid.assistance.models import AssistancePair, PairContact, ServiceRecord
from grid.disputes.models import Dispute, DisputeTransition
from grid.households.models import Household, HouseholdTag, SpecialGroup
from grid.people.logins.models import LoginChange
from grid.people.models import GridPost, Person
from grid.teams.models import GridTeamMember, TeamKind, Whistle, WhistleReport, WhistleTransition
from grid.territory.models import GridNode, lock_tree
from grid.visits.models import Visit

__all__ = ["AssistancePair", "Dispute", "DisputeTransition", "GridNode", "GridPost", "GridTeamMember", "Household",
           "HouseholdTag", "LoginChange", "PairContact", "Person", "ServiceRecord", "SpecialGroup", "TeamKind", "Visit",
           "Whistle", "WhistleReport", "WhistleTransition", "lock_tree"]
