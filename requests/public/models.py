"""What the residents' side keeps beside the request: their photos (re-encoded and stripped of EXIF before
storage, served only through a view) and the counted hits of the per-address limits (throttle.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Photo(models.Model):
    request = models.ForeignKey("requests.Request", on_delete=models.CASCADE, related_name="photos",
                                verbose_name=_("request"))
    image = models.FileField(_("image"), upload_to="wish-photos/%Y/%m/")
    width = models.PositiveIntegerField(_("width"), default=0)
    height = models.PositiveIntegerField(_("height"), default=0)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.request} photo {self.pk}"


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
