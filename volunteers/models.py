"""The volunteers app's models, one package per concern; imported here so Django finds them (label "volunteers")."""

from volunteers.teams.models import Team, TeamMember

__all__ = ["Team", "TeamMember"]
