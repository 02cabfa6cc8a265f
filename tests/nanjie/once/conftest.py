"""The grid personas, for the once-only field forms (visit, pair contact, three ways, dispute, whistle)."""

from tests.grid.conftest import _fast_passwords, branch, client3, household, tree, worker3  # noqa: F401 (fixtures)
