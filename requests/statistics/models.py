"""The roll-ups' counts table: per micro-grid and month, what the figures and the three rates count.

Maintained incrementally (requests/statistics/rollups.py): every transition adds, in its own transaction, the
difference its request makes to these counts. `manage.py rollup_check` recounts them from the records.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RollupCount(models.Model):
    # Keyed by the micro-grid, not the grid: a node moved in the tree takes its counts along (they are summed
    # over the tree when read), so a roster change needs no recount.
    micro_grid = models.ForeignKey("grid.GridNode", on_delete=models.CASCADE, related_name="+",
                                   verbose_name=_("micro-grid"))
    month = models.DateField(_("month"), help_text=_("The first day of the month counted."))
    received = models.IntegerField(_("requests received"), default=0)
    response_due = models.IntegerField(_("response limits ending"), default=0)
    responded = models.IntegerField(_("responded in time"), default=0)
    resolution_due = models.IntegerField(_("deadlines falling"), default=0)
    resolved = models.IntegerField(_("closed by the deadline"), default=0)
    rated = models.IntegerField(_("ratings given"), default=0)
    satisfied = models.IntegerField(_("satisfied ratings"), default=0)
    fulfilled = models.IntegerField(_("requests closed"), default=0)
    unrated = models.IntegerField(_("closed, not rated"), default=0)

    class Meta:
        verbose_name = _("roll-up count")
        verbose_name_plural = _("roll-up counts")
        constraints = [models.UniqueConstraint(fields=["micro_grid", "month"], name="rollup_micro_grid_month")]
        indexes = [models.Index(fields=["month", "micro_grid"], name="rollup_month")]

    def __str__(self):
        return f"{self.micro_grid_id} {self.month:%Y-%m}"
