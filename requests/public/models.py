"""What the residents' side keeps beside the request: their photos (re-encoded and stripped of EXIF before
storage, served only through a view). The per-address limits' counted hits are nanjie's (nanjie/throttle.py)."""

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
        # Admin inlines and deletion pages show it: in the staff's language, not a hard-coded English word.
        return _("%(request)s, photo %(number)s") % {"request": self.request, "number": self.pk}

