"""The three lists (三张清单): what units offer (resources), what residents need (needs) and the livelihood projects
the committee approves (projects, with milestones). Units claim needs and projects (claims.py); the rates are
named queryset methods (rates.py)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from grid.territory.scoping import ScopedQuerySet
from nanjie.personal_data import name_candidates, refuse_personal_data
from partners.lists.rates import RatesMixin
from partners.units.models import Category, Unit, unit_ids_of

VIEW_ALL = "partners.view_all_lists"  # community-wide roles and the units' party members (who claim anywhere)


class DistinctScopedQuerySet(ScopedQuerySet):
    """A scope through a many-to-many path (a project's grids) repeats rows: keep each once."""

    def visible_to(self, user):
        scoped = super().visible_to(user)
        return scoped if user.is_authenticated and user.has_perm(self.see_all) else scoped.distinct()


class ResourceQuerySet(DistinctScopedQuerySet):
    node_path = "grids"
    see_all = VIEW_ALL
    reach = {"unit": unit_ids_of}

    def matching(self, need):
        """Resources that could serve a need: active, offered to its grid (or the grid above its micro-grid), by a
        unit whose duties cover its category. The need's page suggests them; a claim names the one used."""
        grid = need.grid
        places = [grid.pk, grid.parent_id] if grid.parent_id else [grid.pk]
        return (self.filter(active=True, grids__in=places, unit__duties=need.category_id, unit__active=True)
                .select_related("unit").distinct().order_by("unit__name", "pk"))


class Resource(models.Model):
    """A line of the resource list (资源清单): what one unit can offer, when, to which grids."""

    class Kind(models.TextChoices):
        VENUE = "venue", _("Venue")
        PEOPLE = "people", _("People and skills")
        FUNDS = "funds", _("Funds")
        GOODS = "goods", _("Goods")
        SERVICE = "service", _("Service")

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="resources", verbose_name=_("unit"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    title = models.CharField(_("what is offered"), max_length=100)
    description = models.TextField(_("description"), max_length=1000, blank=True)
    quantity = models.PositiveIntegerField(_("quantity"), null=True, blank=True)
    measure = models.CharField(_("unit of measure"), max_length=10, blank=True, help_text=_("e.g. 人次, 元, 场"))
    available = models.CharField(_("when it is available"), max_length=100, blank=True)
    grids = models.ManyToManyField("grid.GridNode", related_name="resources", verbose_name=_("grids it can serve"))
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    history = HistoricalRecords(m2m_fields=[grids])

    objects = ResourceQuerySet.as_manager()

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resource list")
        ordering = ["unit", "kind", "pk"]

    def __str__(self):
        return f"{self.unit}: {self.title}"

    def clean(self):
        refuse_personal_data(f"{self.title}\n{self.description}")


class Claimable(models.Model):
    """What a need and a project share: slots units claim (quantity), open → fulfilled (or cancelled)."""

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        FULFILLED = "fulfilled", _("Fulfilled")
        CANCELLED = "cancelled", _("Cancelled")

    title = models.CharField(_("title"), max_length=100)
    quantity = models.PositiveIntegerField(_("quantity"), default=1, validators=[MinValueValidator(1)],
                                           help_text=_("How many units of help are needed: units claim part or all."))
    measure = models.CharField(_("unit of measure"), max_length=10, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.OPEN)
    fulfilled_at = models.DateTimeField(_("fulfilled"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("created by"))
    # The joint meeting's decision it carries out (decisions.py): one decision makes at most one need and one
    # project, which the database enforces; decision.need / decision.project.
    decision = models.OneToOneField(
        "partners.Decision", on_delete=models.SET_NULL, null=True, blank=True, related_name="%(class)s",
        verbose_name=_("from decision"),
        error_messages={"unique": _("This decision has already created one; see it on the decision.")})

    many_fields = ()  # the many-to-many fields a creation sets after the row is saved

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    @property
    def is_open(self):
        return self.state == self.State.OPEN

    def public_texts(self):
        return [self.title]

    known_names = ()  # names the caller knows besides the rosters' (promote: the residents who asked)

    def clean(self):
        # Public lists show these texts: a name, phone or house number is refused, not masked away.
        text = "\n".join(self.public_texts())
        refuse_personal_data(text, {*self.known_names, *names_in(text)})

    @classmethod
    def refusal_from(cls, decision):
        """Why `decision` cannot make one of these (a ValidationError with its code), or None."""
        from partners.meeting.models import Decision

        if decision.state != Decision.State.OPEN:
            return ValidationError(_("This decision is no longer open."), code="state")
        if cls.objects.filter(decision=decision).exists():
            return ValidationError(_("This decision has already created a %(kind)s.")
                                   % {"kind": cls._meta.verbose_name}, code="already")
        return None

    @classmethod
    @transaction.atomic
    def from_decision(cls, decision, *, by, **fields):
        """A need or project carrying out an open decision of the joint meeting, or a refusal (code): the decision's
        row lock makes creators from one decision take turns, so of several pressing at once exactly one creates."""
        from partners.meeting.models import Decision

        locked = Decision.objects.select_for_update().get(pk=decision.pk)
        refused = cls.refusal_from(locked)
        if refused:
            raise refused
        many = {name: fields.pop(name) for name in cls.many_fields if name in fields}
        item = cls(created_by=by, decision=locked, **fields)
        item.full_clean()
        item.save()
        for name, values in many.items():
            getattr(item, name).set(values)
        return item


def names_in(text):
    """The names of people on the rosters and households' contacts that occur in `text` (two indexed IN queries)."""
    from grid.models import Household, Person

    candidates = sorted(name_candidates(text))
    if not candidates:
        return set()
    return {*Person.objects.filter(name__in=candidates).values_list("name", flat=True),
            *Household.objects.filter(contact_name__in=candidates).values_list("contact_name", flat=True)}


def active_claims(path):
    """An Exists over the item's claims that hold slots (claimed, delivered, verified)."""
    from partners.lists.claims import Claim

    return Exists(Claim.objects.filter(**{path: OuterRef("pk")}).active())


class NeedQuerySet(RatesMixin, ScopedQuerySet):
    node_path = "grid"
    see_all = VIEW_ALL
    claim_path = "need"

    def unclaimed_for(self, days, now=None):
        """Open needs with no claim, raised more than `days` days ago: the joint meeting's agenda proposes them."""
        since = (now or timezone.now()) - timezone.timedelta(days=days)
        return self.filter(state=Need.State.OPEN, created_at__lt=since).exclude(active_claims("need"))


class Need(Claimable):
    """A line of the needs list (需求清单): raised by staff or promoted from residents' requests (the requests
    app keeps those links) and visits; `asked_count` residents asked for it."""

    class Urgency(models.TextChoices):
        LOW = "low", _("Can wait")
        NORMAL = "normal", _("Normal")
        HIGH = "high", _("Urgent")

    description = models.TextField(_("description"), max_length=1000, blank=True)
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="needs", verbose_name=_("category"))
    grid = models.ForeignKey("grid.GridNode", on_delete=models.PROTECT, related_name="needs",
                             verbose_name=_("grid concerned"), help_text=_("The grid or micro-grid it concerns."))
    urgency = models.CharField(_("urgency"), max_length=8, choices=Urgency, default=Urgency.NORMAL)
    wanted_by = models.DateField(_("wanted by"), null=True, blank=True)
    asked_count = models.PositiveIntegerField(_("residents who asked"), default=0)
    visits = models.ManyToManyField("grid.Visit", blank=True, related_name="needs", verbose_name=_("from visits"))
    history = HistoricalRecords()

    objects = NeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("need")
        verbose_name_plural = _("needs list")
        ordering = ["-created_at", "-pk"]
        permissions = [
            ("view_all_lists", _("Can see the whole of the three lists")),
            ("claim_item", _("Can claim needs and projects for their unit")),
            ("verify_claim", _("Can verify delivered claims")),
        ]

    def public_texts(self):
        return [self.title, self.description]

    @property
    def public_grid(self):
        """What public pages name: the grid (a micro-grid is shown as its grid, never finer)."""
        return self.grid.parent if self.grid.kind == "micro_grid" and self.grid.parent_id else self.grid

    def clean(self):
        super().clean()
        if self.wanted_by and self.wanted_by < timezone.localdate() and self._state.adding:
            raise ValidationError({"wanted_by": ValidationError(
                _("This date has passed; give a date from today on."), code="past")})

    @classmethod
    def raise_need(cls, *, by=None, names=(), **fields):
        """A new need, checked (personal data, dates) before it is saved: staff forms, promotion and seed."""
        need = cls(created_by=by, **fields)
        need.known_names = names
        need.full_clean()
        need.save()
        return need


class ProjectQuerySet(RatesMixin, DistinctScopedQuerySet):
    node_path = "grids"
    see_all = VIEW_ALL
    reach = {"lead_unit": unit_ids_of}
    claim_path = "project"

    def behind_schedule(self, today=None):
        """Open projects with a milestone past its date and not done: the joint meeting's agenda proposes them."""
        today = today or timezone.localdate()
        late = Milestone.objects.filter(project=OuterRef("pk"), due_on__lt=today, done_on__isnull=True)
        return self.filter(state=Project.State.OPEN).filter(Exists(late))


class Project(Claimable):
    """A line of the livelihood project list (民生项目清单), approved by the committee."""

    goal = models.TextField(_("goal"), max_length=1000)
    grids = models.ManyToManyField("grid.GridNode", related_name="projects", verbose_name=_("grids"))
    budget = models.DecimalField(_("budget (yuan)"), max_digits=12, decimal_places=2, null=True, blank=True,
                                 validators=[MinValueValidator(0)])
    lead_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="led_projects",
                                  verbose_name=_("lead unit"))
    approved_on = models.DateField(_("approved on"), default=timezone.localdate)
    history = HistoricalRecords(m2m_fields=[grids])
    many_fields = ("grids",)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("livelihood project list")
        ordering = ["-approved_on", "-pk"]

    def public_texts(self):
        return [self.title, self.goal]

    @property
    def progress(self):
        """Per cent of its milestones done (0 without milestones); reads the prefetched milestones."""
        milestones = list(self.milestones.all())
        return round(100 * sum(1 for m in milestones if m.done_on) / len(milestones)) if milestones else 0

    @property
    def is_behind(self):
        today = timezone.localdate()
        return self.is_open and any(m.due_on < today and not m.done_on for m in self.milestones.all())


class Milestone(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones",
                                verbose_name=_("project"))
    title = models.CharField(_("milestone"), max_length=100)
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["project", "due_on", "pk"]

    def __str__(self):
        return self.title

    def mark_done(self, on=None, *, by=None):
        """Done on a day not in the future; once only (history keeps who and when)."""
        on = on or timezone.localdate()
        if on > timezone.localdate():
            raise ValidationError(_("A milestone cannot be done in the future."), code="future")
        won = Milestone.objects.filter(pk=self.pk, done_on__isnull=True).update(done_on=on)
        if not won:
            raise ValidationError(_("This milestone is already done."), code="done")
        self.done_on = on
        self._history_user = by
        self.save(update_fields=["done_on"])  # writes the history row with who did it

