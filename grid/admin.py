"""The grid app's admin, one module per package (imported here so Django's admin autodiscovery finds them)."""

from grid.assistance import admin as assistance  # noqa: F401
from grid.disputes import admin as disputes  # noqa: F401
from grid.households import admin as households  # noqa: F401
from grid.people import admin as people  # noqa: F401
from grid.people.logins import admin as logins  # noqa: F401
from grid.teams import admin as teams  # noqa: F401
from grid.territory import admin as territory  # noqa: F401
from grid.visits import admin as visits  # noqa: F401
