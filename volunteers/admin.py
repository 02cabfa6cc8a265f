"""The volunteers app's admin, one module per package (imported here so Django's admin autodiscovery finds them)."""

from volunteers.teams import admin as teams  # noqa: F401
