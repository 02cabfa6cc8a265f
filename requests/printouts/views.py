"""The slip for a resident whose request staff recorded: reference, tracking address and its QR code, on paper.

Scoped like the request page (what the user cannot see is a 404), since the tracking token is the key to the
resident's page. Printed in Chinese whatever the staff member's language: the resident keeps it.
"""

import segno
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.urls import reverse
from django.views.decorators.http import require_GET

from requests.links import public_url, render_on_paper
from requests.views_staff import _get_wish


@require_GET
@login_required
def slip(request, reference):
    wish = _get_wish(request, reference)
    track_url = public_url(request, reverse("requests:track", args=[wish.token]))
    qr = segno.make(track_url, error="m").svg_inline(scale=1, border=2, omitsize=True, title=wish.reference)
    response = render_on_paper(request, "requests/staff/slip.html", {
        "wish": wish, "track_url": track_url, "qr": qr, "community_phone": getattr(settings, "COMMUNITY_PHONE", ""),
    })
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
