"""Elderly mode (适老化, after 工信部's ageing-friendly website spec): larger type, wider line spacing, 60-px tap
targets, full contrast and a menu that never folds away. A switch on every page, remembered in a cookie: no
login, no JavaScript (a plain POST form, like the language switch).
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

COOKIE = "nanjie_elderly"
A_YEAR = 365 * 24 * 3600


def is_on(request):
    return request.COOKIES.get(COOKIE) == "1"


@require_POST
def switch(request):
    """Turn elderly mode on (on=1) or off, and go back to the page the switch was pressed on."""
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = "/"
    response = HttpResponseRedirect(back)  # not redirect(): that would take "home" for a URL name
    if request.POST.get("on") == "1":
        response.set_cookie(COOKIE, "1", max_age=A_YEAR, samesite="Lax", httponly=True,
                            secure=settings.SESSION_COOKIE_SECURE)
    else:
        response.delete_cookie(COOKIE, samesite="Lax")
    return response
