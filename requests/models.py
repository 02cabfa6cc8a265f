from requests.models.photos import Photo
from requests.models.request import Request, Transition
from requests.models.throttle import ThrottleHit

__all__ = ["Photo", "Request", "ThrottleHit", "Transition"]
