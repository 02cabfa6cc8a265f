"""The partners app's models, one package per concern; imported here so Django finds them (app label "partners")."""

from partners.lists.claims import Claim, ClaimTransition
from partners.lists.models import Milestone, Need, Project, Resource
from partners.meeting.models import CommitteeMember, DutyRota
from partners.units.models import Category, Unit, UnitMembership

__all__ = ["Category", "Claim", "ClaimTransition", "CommitteeMember", "DutyRota", "Milestone", "Need", "Project",
           "Resource", "Unit", "UnitMembership"]
