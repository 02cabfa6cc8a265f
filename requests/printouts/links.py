"""What goes on paper (posters, slips): the portal's public address when one is configured, and Chinese.

A printed QR code outlives the request that made it: behind a proxy, or printed from a staff laptop on the
office network, the host the request came in on may not be one residents' phones can reach.
"""

from django.conf import settings
from django.shortcuts import render
from django.utils import translation


def public_url(request, path):
    """settings.NANJIE_PUBLIC_URL (e.g. https://nanjie.example.cn) + path; else the request's own address."""
    base = (getattr(settings, "NANJIE_PUBLIC_URL", "") or "").strip().rstrip("/")
    return f"{base}{path}" if base else request.build_absolute_uri(path)


def render_on_paper(request, template, context):
    """A page printed for residents (a poster, a slip): Chinese whatever language the staff member reads in."""
    with translation.override("zh-hans"):
        return render(request, template, context)
