"""The partners app's admin, one module per package (imported here so Django's admin autodiscovery finds them)."""

from partners.lists import admin as lists  # noqa: F401
from partners.meeting import admin as meeting  # noqa: F401
from partners.units import admin as units  # noqa: F401
