# Admin for grid models lives with the features that own them.
from grid import field_admin  # noqa: F401,E402
