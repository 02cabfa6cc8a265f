"""The portal's own table: the counted hits of the per-address limits (nanjie/throttle.py), which every floor's
public forms share."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ThrottleHit(models.Model):
    """One counted event (an anonymous wish, a wrong token, a booking) from one hashed client address."""

    scope = models.CharField(_("scope"), max_length=24)
    # A keyed hash of the address, never the address itself: personal data we do not need to keep.
    client = models.CharField(_("client"), max_length=64)
    at = models.DateTimeField(_("at"), db_index=True)

    class Meta:
        verbose_name = _("throttle hit")
        verbose_name_plural = _("throttle hits")
        # Not the name the table had in requests ("throttle_scope_client_at"): index names are global in
        # PostgreSQL, and this table may be made before requests drops its own.
        indexes = [models.Index(fields=["scope", "client", "at"], name="throttle_hit_scope_client_at")]

    def __str__(self):
        return f"{self.scope} {self.client[:8]} {self.at:%Y-%m-%d %H:%M}"
