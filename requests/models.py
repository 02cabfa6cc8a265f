"""The requests app's models, one package per concern; imported here so Django finds them (label "requests")."""

from requests.lifecycle.models import Request, Transition
from requests.needs.models import NeedLink
from requests.public.models import Photo
from requests.statistics.models import RollupCount

__all__ = ["NeedLink", "Photo", "Request", "RollupCount", "Transition"]
