"""Absolute addresses that go on paper (posters, slips): the portal's public address when one is configured.

A printed QR code outlives the request that made it: behind a proxy, or printed from a staff laptop on the
office network, the host the request came in on may not be one residents' phones can reach.
"""

from django.conf import settings


def public_url(request, path):
    """settings.NANJIE_PUBLIC_URL (e.g. https://nanjie.example.cn) + path; else the request's own address."""
    base = (getattr(settings, "NANJIE_PUBLIC_URL", "") or "").strip().rstrip("/")
    return f"{base}{path}" if base else request.build_absolute_uri(path)
