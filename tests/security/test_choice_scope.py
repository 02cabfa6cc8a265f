"""Choice lists are scoped like the rows behind them: a grid worker's every dropdown — the filters of a list, the
fields of a form — offers only the grids, micro-grids, households and people of the worker's own grid.

Every staff page of the URLconf is opened as the worker (pages of other grids' objects have their own 404s in the
access matrix); each `<select>` and `<datalist>` on it is read back and searched for the foreign grid (NJ-02) of
the security world: its code, its name, its micro-grids' ids and its household. Public pages (the wish form, the
board) list the whole community on purpose and are left out: their anonymous answer is a page, not a login.
"""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from grid.models import GridNode
from tests.security.test_fuzz import ARGUMENTS, NOT_FUZZED, named_pages
from tests.security.world import FOREIGN_NAME

FOREIGN_LABELS = ("NJ-02", "第2网格", FOREIGN_NAME)
PLACE_FIELDS = ("micro_grid", "grid", "node", "subtree", "household", "where")


class _Options(HTMLParser):
    """(select name, option value, option label) of every option on the page, datalists included."""

    def __init__(self):
        super().__init__()
        self.options, self._name, self._value, self._label = [], None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("select", "datalist"):
            self._name = attrs.get("name") or attrs.get("id") or ""
        elif tag == "option" and self._name is not None:
            self._value, self._label = attrs.get("value", ""), attrs.get("label", "")

    def handle_data(self, data):
        if self._value is not None:
            self._label += data

    def handle_endtag(self, tag):
        if tag == "option" and self._value is not None:
            self.options.append((self._name, self._value, self._label.strip()))
            self._value = None
        elif tag in ("select", "datalist"):
            self._name = None


def options_of(html):
    reader = _Options()
    reader.feed(html)
    return reader.options


# Pages whose choices are the community's on purpose, and why.
COMMUNITY_CHOICES = {
    "volunteers:study_new": "the organiser of a study session is any of the branch's party members",
}


def staff_pages():
    pages = []
    for name, arguments in dict(named_pages()).items():
        if name.startswith("admin:") or name in NOT_FUZZED or name in COMMUNITY_CHOICES:
            continue
        for variant, arguments_of in ARGUMENTS.get(name, {} if arguments else {"": lambda world: ({}, {})}).items():
            if variant in ("", "NJ-01", "NJ-01-01", "all") or name == "requests:queue":
                pages.append(pytest.param(name, arguments_of, id=f"{name}-{variant}" if variant else name))
    return pages


def foreign_values(world):
    """The ids and codes by which a form could name the foreign grid or what lies in it."""
    nodes = GridNode.objects.get(code="NJ-02").get_descendants(include_self=True)
    return {str(value) for node in nodes for value in (node.pk, node.code)}


@pytest.mark.parametrize(("name", "arguments_of"), staff_pages())
def test_no_dropdown_of_a_staff_page_offers_the_grid_workers_another_grid(world, db, name, arguments_of):
    kwargs, query = arguments_of(world)
    url = reverse(name, kwargs=kwargs or None)
    if world.client("anonymous").get(url, query).status_code == 200:
        pytest.skip("a public page: it lists the whole community on purpose")
    response = world.client("worker").get(url, query)
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        pytest.skip(f"not an HTML page the worker gets ({response.status_code}): the access matrix checks that")
    options = options_of(response.content.decode())
    labels = [(field, label) for field, _value, label in options if any(m in label for m in FOREIGN_LABELS)]
    assert labels == []
    foreign, household = foreign_values(world), str(world.objects["household"].pk)
    values = [(field, value) for field, value, _label in options
              if any(place in field for place in PLACE_FIELDS)
              and (value in foreign if "household" not in field else value == household)]
    assert values == []
