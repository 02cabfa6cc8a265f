from grid.models.disputes import Dispute, DisputeTransition
from grid.models.households import Household, HouseholdTag, SpecialGroup, Visit
from grid.models.pairs import AssistancePair, PairContact
from grid.models.people import GridPost, Person
from grid.models.services import ServiceRecord
from grid.models.teams import GridTeamMember, TeamKind, Whistle, WhistleReport
from grid.models.territory import GridNode, lock_tree

__all__ = ["AssistancePair", "Dispute", "DisputeTransition", "GridNode", "GridPost", "GridTeamMember", "Household",
           "HouseholdTag", "PairContact", "Person", "ServiceRecord", "SpecialGroup", "TeamKind", "Visit", "Whistle",
           "WhistleReport", "lock_tree"]
