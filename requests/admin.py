"""The requests app's admin (read-mostly: states move only through the model methods)."""

from requests.lifecycle import admin as lifecycle  # noqa: F401
