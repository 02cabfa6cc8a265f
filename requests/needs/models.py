"""Needs promoted from residents' requests: the link lives here, on the top floor, because partners (a floor
below) may not name requests. Several similar wishes make one need, with the count of residents who asked."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partners.lists.models import Need


class NeedLink(models.Model):
    request = models.ForeignKey("requests.Request", on_delete=models.CASCADE, related_name="need_links",
                                verbose_name=gettext_lazy("request"))
    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="request_links",
                             verbose_name=gettext_lazy("need"))
    linked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="+", verbose_name=gettext_lazy("linked by"))
    linked_at = models.DateTimeField(gettext_lazy("linked"), default=timezone.now)

    class Meta:
        verbose_name = gettext_lazy("request promoted to a need")
        verbose_name_plural = gettext_lazy("requests promoted to needs")
        ordering = ["need", "request"]
        constraints = [models.UniqueConstraint(
            fields=["request", "need"], name="one_link_per_request_and_need",
            violation_error_message=gettext_lazy("This request is already linked to this need."))]

    def __str__(self):
        return f"{self.request} → {self.need}"


@transaction.atomic
def promote(wishes, *, by, **fields):
    """One need from several similar requests (checked like any need: personal data, dates), linked to each;
    `asked_count` is the number of requests. Nothing is saved when anything is refused."""
    wishes = list(wishes)
    if not wishes:
        raise ValidationError(_("Choose at least one request to promote."), code="none")
    names = {wish.resident_name for wish in wishes if wish.resident_name}  # never on the public list
    need = Need.raise_need(by=by, asked_count=len(wishes), names=names, **fields)
    NeedLink.objects.bulk_create([NeedLink(request=wish, need=need, linked_by=by) for wish in wishes])
    return need
