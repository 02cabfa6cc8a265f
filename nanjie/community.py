"""Which community the current request (or command) serves, by the code of its total grid (NJ, C0102).

Set by grid.territory.community.CommunityMiddleware from a /c/<code>/ prefix; anything else serves the default,
settings.COMMUNITY_CODE. Kept here, below every floor, so the context processors and the lower floors can read it.

With the code the middleware sets what the pages say of the community (Served: its names and its office's
contact, read from the grid nodes it has already fetched): the portal shows them for any community but the
default, which keeps the names of the translations and the office of the settings.
"""

import contextlib
import contextvars
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

_current = contextvars.ContextVar("community_code", default=None)
_served = contextvars.ContextVar("community_served", default=None)


@dataclass(frozen=True)
class Served:
    """A community as its pages name it: `name` (XX社区), `full_name` (姚安县光禄镇XX社区) and its office's contact
    (blank where the grid node leaves it blank: the pages then show no number rather than another community's)."""

    name: str
    full_name: str
    office_phone: str = ""
    meeting_phone: str = ""
    office_address: str = ""
    office_hours: str = ""


def current_code():
    """The code of the community being served: the /c/ prefix's, else the default."""
    return _current.get() or settings.COMMUNITY_CODE


def is_default():
    return current_code() == settings.COMMUNITY_CODE


def served():
    """The served community's names and office, or None for the default community (translations and settings)."""
    return None if is_default() else _served.get()


def community_name():
    """What the pages call the served community: 南街社区 for the default, else its community node's name."""
    found = served()
    return found.name if found else _("Nanjie Community")


def community_full_name():
    """The served community with its town and county: 姚安县栋川镇南街社区 for the default."""
    found = served()
    return found.full_name if found else _("Nanjie Community, Dongchuan Town, Yao'an County")


def portal_name():
    """The portal's name in the header: 南街网格 for the default community, else XX社区网格."""
    found = served()
    return _("%(community)s grid") % {"community": found.name} if found else _("Nanjie Grid")


@contextlib.contextmanager
def serving(code, community=None):
    """Serve `code` inside the block (the middleware; a command or a test acting for one community); `community`
    (a Served) names it, else the pages of a community other than the default name it by its code."""
    token = _current.set(code)
    named = _served.set(community or Served(name=code, full_name=code))
    try:
        yield
    finally:
        _served.reset(named)
        _current.reset(token)
