from requests.models.photos import Photo
from requests.models.request import Request, Transition

__all__ = ["Photo", "Request", "Transition"]
