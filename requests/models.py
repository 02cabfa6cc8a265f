"""The requests app's models, one package per concern; imported here so Django finds them (label "requests")."""

from requests.lifecycle.models import Request, Transition
from requests.public.models import Photo, ThrottleHit

__all__ = ["Photo", "Request", "ThrottleHit", "Transition"]
