"""Registries: how an app plugs into a page or a command of a floor below it, without that floor importing it.

Each app adds its entries in its AppConfig.ready() (so they exist before any request, and an upper floor is
never imported by a lower one); the page or command that reads a registry iterates it in `order`. No entry
is looked up by a dotted string, so a typo is an AttributeError at start-up, and `check()` (a Django system
check, and tests/nanjie/test_registry.py) refuses a URL name that does not resolve or a template that does
not exist.

A new kind is one more Registry instance next to the page that reads it, with an entry class that has
`name`, `order` and `problems()`: the joint meeting's agenda collecting proposed items, or the statistics
page collecting figures from every app, are made the same way (README, "Plugging in").
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core import checks
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import NoReverseMatch, reverse


class Registry:
    """Entries of one kind, in `order` (then in the order they were added). Names are unique per kind."""

    every = []  # every registry, so one system check sees them all

    def __init__(self, kind):
        self.kind = kind
        self._entries = {}
        Registry.every.append(self)

    def add(self, entry):
        if entry.name in self._entries:
            raise ValueError(f"{self.kind} {entry.name!r} is registered twice")
        self._entries[entry.name] = entry
        return entry

    def __iter__(self):
        return iter(sorted(self._entries.values(), key=lambda entry: entry.order))

    def __len__(self):
        return len(self._entries)

    def __getitem__(self, name):
        return self._entries[name]

    def __contains__(self, name):
        return name in self._entries

    def names(self):
        return [entry.name for entry in self]

    def problems(self):
        return [f"{self.kind} {entry.name!r}: {problem}" for entry in self for problem in entry.problems()]


def _url_problem(url_name, args=()):
    try:
        reverse(url_name, args=args)
    except NoReverseMatch:
        return f"the URL name {url_name!r} does not resolve"
    return None


def _template_problem(template):
    try:
        get_template(template)
    except TemplateDoesNotExist:
        return f"the template {template!r} does not exist"
    return None


@dataclass(frozen=True)
class NavEntry:
    """A menu entry: shown to everyone, to logged-in users (`login`), or to holders of `permission`.

    `menu=False`: an entry only the phone's bottom bar names (`bars` below, read by nanjie/context_processors.py),
    such as a work queue that already heads 工作台; it is checked like the others but stays out of the menu."""

    name: str
    label: str
    url_name: str
    order: int
    permission: str = ""
    login: bool = False
    args: tuple = ()
    menu: bool = True

    def shown_to(self, user):
        if not (self.login or self.permission):
            return True
        if user is None or not user.is_authenticated:
            return False
        return not self.permission or user.has_perm(self.permission)

    def url(self):
        return reverse(self.url_name, args=self.args)

    def problems(self):
        return [problem for problem in (_url_problem(self.url_name, self.args),) if problem]


@dataclass(frozen=True)
class Panel:
    """A /me/ panel: context(request) returns the panel's context (with its "template") or None to show nothing."""

    name: str
    context: Callable
    order: int
    templates: tuple = ()  # the templates context() may name, checked to exist

    def problems(self):
        return [problem for problem in map(_template_problem, self.templates) if problem]


@dataclass(frozen=True)
class SeedStep:
    """A step of `manage.py seed`: run(rng, out, context), deterministic and idempotent, through the models."""

    name: str
    run: Callable
    order: int

    def problems(self):
        return [] if callable(self.run) else ["run is not callable"]


@dataclass(frozen=True)
class Section:
    """A block an upper floor adds to a lower floor's page: its template gets `section` (rows and the context)."""

    name: str
    template: str
    rows: Callable  # rows(record, user) -> a list: what the block lists for this record and user
    order: int

    def for_record(self, record, user, **context):
        return {"template": self.template, "record": record, "rows": self.rows(record, user), **context}

    def problems(self):
        return [problem for problem in (_template_problem(self.template),) if problem]


@dataclass(frozen=True)
class BottomBar:
    """A role's three main actions, the phone's bottom bar (issue 16): the names of nav entries, left to right.

    `name` is the role (nanjie.roles); a user with several roles gets the bar of the lowest `order`. The user sees
    only the entries they may open (NavEntry.shown_to), so a permission taken away in admin takes its tab too."""

    name: str
    entries: tuple
    order: int

    def problems(self):
        from nanjie.roles import ROLE_NAMES

        found = [] if self.name in ROLE_NAMES else [f"{self.name!r} is not a role"]
        return found + [f"names no nav entry {entry!r}" for entry in self.entries if entry not in nav]


nav = Registry("nav entry")
bars = Registry("bottom bar")
panels = Registry("/me/ panel")
seed_steps = Registry("seed step")


@checks.register()
def check_registries(app_configs=None, **kwargs):
    """Every entry of every registry resolves: a misspelt URL name or template stops `manage.py check`."""
    return [checks.Error(problem, id="nanjie.E001") for registry in Registry.every for problem in registry.problems()]
