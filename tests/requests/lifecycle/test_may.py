"""The request page asks the model what may be done (Request.may): it offers exactly the transitions that work,
for the person who does them and for the others."""

import pytest
from django.core.exceptions import ValidationError

from tests.requests.lifecycle.test_transitions import ACTIONS, ALLOWED, PAIRS
from tests.requests.staff_world import S, bring_to, fast_passwords, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
DOER = {"dispatch": "chairman", "accept": "nurse", "close": "nurse", "publicise": "branch", "return": "nurse",
        "invalid": "chairman", "revise": "branch",
        "rework": "branch"}


@pytest.fixture
def w():
    return world()


@pytest.mark.parametrize("action,state", PAIRS)
def test_may_says_yes_exactly_when_the_transition_works(w, action, state):
    wish = bring_to(w, state)
    offered = wish.may(action, getattr(w, DOER[action]))
    try:
        ACTIONS[action](w, wish)
        worked = True
    except ValidationError:
        worked = False
    assert offered == worked == ((action, state) in ALLOWED)


@pytest.mark.parametrize("action,state,who", [
    ("accept", S.DISPATCHED, "builder"),  # a party member of another unit
    ("close", S.ACCEPTED, "doctor"),  # the same unit, but not the one who accepted it
    ("return", S.DISPATCHED, "builder"),
    ("dispatch", S.ORDERED, "nurse"),  # no dispatching role
    ("publicise", S.CLOSED, "chairman"),
    ("revise", S.PUBLICISED, "chairman"),
    ("rework", S.CLOSED, "chairman"),  # the joint meeting dispatches; only the branch reviews closures
    ("rework", S.CLOSED, "nurse"),
])
def test_may_says_no_to_someone_else(w, action, state, who):
    assert not bring_to(w, state).may(action, getattr(w, who))
