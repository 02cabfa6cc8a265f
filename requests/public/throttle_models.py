"""Counted hits per client address, so limits hold across several gunicorn workers (a cache would not)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ThrottleHit(models.Model):
    """One counted event (an anonymous wish, a wrong tracking token) from one hashed client address."""

    scope = models.CharField(_("scope"), max_length=24)
    # A keyed hash of the address, never the address itself: personal data we do not need to keep.
    client = models.CharField(_("client"), max_length=64)
    at = models.DateTimeField(_("at"), db_index=True)

    class Meta:
        verbose_name = _("throttle hit")
        verbose_name_plural = _("throttle hits")
        indexes = [models.Index(fields=["scope", "client", "at"], name="throttle_scope_client_at")]

    def __str__(self):
        return f"{self.scope} {self.client[:8]} {self.at:%Y-%m-%d %H:%M}"
