"""Claims (认领): a unit takes on part or all of a need or a project. claimed → delivered → verified; withdrawn
(with a reason) before delivery. The item's row lock makes claimants of one item take turns, so of two units
claiming the last slot exactly one wins and the other is told who holds it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from grid.territory.scoping import ScopedQuerySet, _ids, node_ids_of
from nanjie import photos
from partners.lists.models import VIEW_ALL, Need, Project
from partners.units.models import Unit, unit_ids_of


class ClaimQuerySet(ScopedQuerySet):
    see_all = VIEW_ALL

    def visible_to(self, user):
        # A claim is reached through its need's grid, its project's grids or the user's own unit.
        if not user.is_authenticated:
            return self.none()
        if user.has_perm(self.see_all):
            return self
        nodes, units = node_ids_of(user), _ids(user, unit_ids_of)
        return self.filter(Q(need__grid__in=nodes) | Q(project__grids__in=nodes) | Q(unit__in=units)).distinct()

    def active(self):
        """The claims that hold slots."""
        return self.exclude(state=Claim.State.WITHDRAWN)

    def held(self):
        """Slots these claims hold: what was claimed, or what was delivered once it was."""
        return self.active().aggregate(n=Coalesce(Sum(Coalesce("delivered_quantity", "quantity")), 0))["n"]


class Claim(models.Model):
    class State(models.TextChoices):
        CLAIMED = "claimed", gettext_lazy("Claimed")
        DELIVERED = "delivered", gettext_lazy("Delivered")
        VERIFIED = "verified", gettext_lazy("Verified")
        WITHDRAWN = "withdrawn", gettext_lazy("Withdrawn")

    DELIVERED_STATES = (State.DELIVERED, State.VERIFIED)  # delivered, whether verified yet or not

    need = models.ForeignKey(Need, on_delete=models.PROTECT, null=True, blank=True, related_name="claims",
                             verbose_name=gettext_lazy("need"))
    project = models.ForeignKey(Project, on_delete=models.PROTECT, null=True, blank=True, related_name="claims",
                                verbose_name=gettext_lazy("project"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="claims", verbose_name=gettext_lazy("unit"))
    resource = models.ForeignKey("partners.Resource", on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="claims", verbose_name=gettext_lazy("resource that serves it"))
    quantity = models.PositiveIntegerField(gettext_lazy("quantity claimed"), default=1)
    state = models.CharField(gettext_lazy("state"), max_length=10, choices=State, default=State.CLAIMED)
    claimed_at = models.DateTimeField(gettext_lazy("claimed"), default=timezone.now)
    delivered_quantity = models.PositiveIntegerField(gettext_lazy("quantity delivered"), null=True, blank=True)
    delivered_on = models.DateField(gettext_lazy("delivered on"), null=True, blank=True)
    delivery_note = models.TextField(gettext_lazy("what was done"), max_length=1000, blank=True)
    # The evidence (optional): only ever a re-encoded photo without EXIF/GPS (nanjie/photos.py), set by deliver();
    # served only by partners:claim_photo, to the branch and the unit's own members, never on a public page.
    delivery_photo = models.FileField(gettext_lazy("evidence photo"), upload_to="claim-photos/%Y/%m/", blank=True,
                                      editable=False)
    verified_at = models.DateTimeField(gettext_lazy("verified"), null=True, blank=True)
    withdraw_reason = models.TextField(gettext_lazy("reason for withdrawing"), max_length=500, blank=True)

    objects = ClaimQuerySet.as_manager()

    class Meta:
        verbose_name = gettext_lazy("claim")
        verbose_name_plural = gettext_lazy("claims")
        ordering = ["-claimed_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(need__isnull=False, project__isnull=True)
                                   | Q(need__isnull=True, project__isnull=False), name="claim_of_need_or_project",
                                   violation_error_message=gettext_lazy("A claim is of a need or of a project.")),
            models.CheckConstraint(condition=Q(quantity__gte=1), name="claim_quantity_at_least_one"),
        ]

    def __str__(self):
        return f"{self.unit}: {self.item}"

    @property
    def item(self):
        return self.need if self.need_id else self.project

    @classmethod
    @transaction.atomic
    def make(cls, item, unit, quantity=1, *, by, resource=None, at=None):
        """Claim `quantity` slots of a need or project for `unit`, or refuse (code): closed, own, already,
        quantity, resource, taken (the message names the units that hold the slots)."""
        at = at or timezone.now()
        item = type(item).objects.select_for_update().get(pk=item.pk)  # claimants of one item take turns
        if not item.is_open:
            raise ValidationError(_("This item is no longer open for claims."), code="closed")
        if isinstance(item, Project) and item.lead_unit_id == unit.pk:
            raise ValidationError(_("The lead unit cannot claim its own project."), code="own")
        claims = item.claims.all()
        if claims.active().filter(unit=unit).exists():
            raise ValidationError(_("Your unit has already claimed this item."), code="already")
        if not quantity or quantity < 1:
            raise ValidationError(_("Claim at least one."), code="quantity")
        if resource is not None and resource.unit_id != unit.pk:
            raise ValidationError(_("Choose one of your own unit's resources."), code="resource")
        left = item.quantity - claims.held()
        if quantity > left:
            holders = "、".join(str(claim.unit) for claim in claims.active().select_related("unit"))
            raise ValidationError(
                _("Already claimed by %(units)s; %(left)s of %(total)s left.")
                % {"units": holders, "left": max(left, 0), "total": item.quantity}, code="taken")
        claim = cls.objects.create(unit=unit, quantity=quantity, resource=resource, claimed_at=at,
                                   **{"need" if isinstance(item, Need) else "project": item})
        claim.transitions.create(old="", new=cls.State.CLAIMED, by=by, at=at)
        return claim

    def _move(self, old, new, by, note="", at=None, **fields):
        won = Claim.objects.filter(pk=self.pk, state=old).update(state=new, **fields)
        if not won:
            raise ValidationError(_("This claim has changed meanwhile; look again."), code="changed")
        self.transitions.create(old=old, new=new, by=by, note=note, at=at or timezone.now())
        self.refresh_from_db()

    @transaction.atomic
    def deliver(self, note, *, by, quantity=None, on=None, photo=None):
        """What was done and when; at most what was claimed, never in the future; `photo` (a nanjie.photos
        CleanPhoto, optional) is the evidence, kept only if the delivery is."""
        on, quantity = on or timezone.localdate(), self.quantity if quantity is None else quantity
        if self.state != self.State.CLAIMED:
            raise ValidationError(_("Only a claim not yet delivered can be delivered."), code="state")
        if not (note or "").strip():
            raise ValidationError(_("Say what was done."), code="note")
        if quantity < 1 or quantity > self.quantity:
            raise ValidationError(_("Deliver between 1 and the %(claimed)s claimed.") % {"claimed": self.quantity},
                                  code="too_much")
        if on > timezone.localdate():
            raise ValidationError(_("A delivery cannot be in the future."), code="future")
        with photos.removed_on_failure(self.delivery_photo):
            fields = {"delivery_photo": photos.store(self.delivery_photo, photo)} if photo else {}
            self._move(self.State.CLAIMED, self.State.DELIVERED, by, note=note.strip(), delivered_on=on,
                       delivered_quantity=quantity, delivery_note=note.strip(), **fields)

    @transaction.atomic
    def verify(self, *, by, at=None):
        """The branch confirms the delivery; the item is fulfilled when verified slots reach its quantity."""
        at = at or timezone.now()
        if self.state != self.State.DELIVERED:
            raise ValidationError(_("Only a delivered claim can be verified."), code="not_delivered")
        self._move(self.State.DELIVERED, self.State.VERIFIED, by, at=at, verified_at=at)
        item = self.item
        verified = item.claims.filter(state=self.State.VERIFIED).aggregate(n=Sum("delivered_quantity"))["n"] or 0
        if verified >= item.quantity:
            type(item).objects.filter(pk=item.pk, state=item.State.OPEN).update(state=item.State.FULFILLED,
                                                                                 fulfilled_at=at)

    @transaction.atomic
    def withdraw(self, reason, *, by):
        """Before delivery only, with a reason: the slots are free again."""
        if self.state != self.State.CLAIMED:
            raise ValidationError(_("A delivered claim cannot be withdrawn."), code="delivered")
        if not (reason or "").strip():
            raise ValidationError(_("Give a reason for withdrawing."), code="reason")
        self._move(self.State.CLAIMED, self.State.WITHDRAWN, by, note=reason.strip(),
                   withdraw_reason=reason.strip())


class ClaimTransition(models.Model):
    """The audit row of every move of a claim."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="transitions",
                              verbose_name=gettext_lazy("claim"))
    old = models.CharField(gettext_lazy("from"), max_length=10, blank=True)
    new = models.CharField(gettext_lazy("to"), max_length=10, choices=Claim.State)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                           related_name="+", verbose_name=gettext_lazy("by"))
    note = models.TextField(gettext_lazy("note"), blank=True)
    at = models.DateTimeField(gettext_lazy("when"), default=timezone.now)

    class Meta:
        verbose_name = gettext_lazy("claim transition")
        verbose_name_plural = gettext_lazy("claim transitions")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.claim}: {self.old} → {self.new}"
