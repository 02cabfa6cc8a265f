"""How django-axes names the account a login attempt was for.

Axes' own lookup stores the username as typed in a 255-character column: a longer one (a paste, a robot) is a
DataError on PostgreSQL, a 500 on the login page. No account has a name longer than the user model allows, so
what is typed is cut there; attempts stay counted per (cut) name and address.
"""

from django.conf import settings
from django.contrib.auth import get_user_model


def attempted_username(request, credentials=None):
    field = settings.AXES_USERNAME_FORM_FIELD
    source = credentials if credentials else getattr(request, "data", request.POST)
    username = source.get(field) if source is not None else None
    if not isinstance(username, str):
        return username
    return username[: get_user_model()._meta.get_field("username").max_length]
