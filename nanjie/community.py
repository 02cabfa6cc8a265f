"""Which community the current request (or command) serves, by the code of its total grid (NJ, C0102).

Set by grid.territory.community.CommunityMiddleware from a /c/<code>/ prefix; anything else serves the default,
settings.COMMUNITY_CODE. Kept here, below every floor, so the context processors and the lower floors can read it.
"""

import contextlib
import contextvars

from django.conf import settings

_current = contextvars.ContextVar("community_code", default=None)


def current_code():
    """The code of the community being served: the /c/ prefix's, else the default."""
    return _current.get() or settings.COMMUNITY_CODE


@contextlib.contextmanager
def serving(code):
    """Serve `code` inside the block (the middleware; a command or a test acting for one community)."""
    token = _current.set(code)
    try:
        yield
    finally:
        _current.reset(token)
