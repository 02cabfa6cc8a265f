"""The volunteers app's admin, one module per package (imported here so Django's admin autodiscovery finds them)."""

from volunteers.activities import admin as activities  # noqa: F401
from volunteers.bookings import admin as bookings  # noqa: F401
from volunteers.positions import admin as positions  # noqa: F401
from volunteers.services import admin as services  # noqa: F401
from volunteers.sessions import admin as sessions  # noqa: F401
from volunteers.study import admin as study  # noqa: F401
from volunteers.teams import admin as teams  # noqa: F401
