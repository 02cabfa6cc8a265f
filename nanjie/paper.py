"""What goes on paper (wish-wall posters, tracking slips, a station's week schedule): the portal's public address
when one is configured, and Chinese. On every floor, so the same rule holds for whatever is printed.

A printed QR code outlives the request that made it: behind a proxy, or printed from a staff laptop on the
office network, the host the request came in on may not be one residents' phones can reach.
"""

from django.conf import settings
from django.shortcuts import render
from django.utils import translation

from nanjie.community import served


def public_url(request, path):
    """settings.NANJIE_PUBLIC_URL (e.g. https://nanjie.example.cn) + path; else the request's own address."""
    base = (getattr(settings, "NANJIE_PUBLIC_URL", "") or "").strip().rstrip("/")
    return f"{base}{path}" if base else request.build_absolute_uri(path)


def render_on_paper(request, template, context):
    """A page printed for residents (a poster, a slip): Chinese whatever language the staff member reads in."""
    with translation.override("zh-hans"):
        return render(request, template, context)


def community_office():
    """The served community's office, its public contact: the home page, the tracking page and every error page
    show it, with tap-to-call links. The default community's comes from settings (the environment); another's from
    its community node, read by the middleware with the total grid (nanjie.community.served): no query here, so
    the 500 page can show it. A blank phone stays blank (the pages then say where to ask), never the default's."""
    def tel(number):
        return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")

    other = served()
    if other is not None:
        return {
            "phone": other.office_phone, "phone_tel": tel(other.office_phone),
            "meeting_phone": other.meeting_phone, "meeting_tel": tel(other.meeting_phone),
            "address": other.office_address, "hours": other.office_hours,
        }
    return {
        "phone": settings.NANJIE_OFFICE_PHONE, "phone_tel": tel(settings.NANJIE_OFFICE_PHONE),
        "meeting_phone": settings.NANJIE_MEETING_PHONE, "meeting_tel": tel(settings.NANJIE_MEETING_PHONE),
        "address": settings.NANJIE_OFFICE_ADDRESS, "hours": settings.NANJIE_OFFICE_HOURS,
    }
