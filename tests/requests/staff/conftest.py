"""The grid personas, for the request loop's sections on the grid's household and visit pages."""

from tests.grid.conftest import client3, household, tree, worker3  # noqa: F401 (fixtures)
