"""The lists' forms: they validate and convert; the model methods (models.py, claims.py) act."""

from django import forms
from django.utils.translation import gettext_lazy as _

from grid.territory.models import GridNode
from nanjie import photos
from partners.lists.models import Milestone, Need, Project, Resource
from partners.units.models import Unit, unit_ids_of

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
ROWS = {"rows": 4}


def units_for(user):
    """The units a user claims and delivers for: their own; the branch (who verifies) matches for any unit."""
    units = Unit.objects.filter(active=True).order_by("kind", "name")
    return units if user.has_perm("partners.verify_claim") else units.filter(pk__in=unit_ids_of(user))


def places_for(user):
    return GridNode.objects.working_area(user).filter(kind__in=[GridNode.Kind.TOTAL_GRID, GridNode.Kind.GRID,
                                                                 GridNode.Kind.MICRO_GRID]).order_by("tree_id", "lft")


class NeedForm(forms.ModelForm):
    class Meta:
        model = Need
        fields = ["title", "description", "category", "grid", "urgency", "wanted_by", "quantity", "measure"]
        widgets = {"wanted_by": DATE, "description": forms.Textarea(attrs=ROWS)}
        help_texts = {"description": _("Shown on the public list: leave out names, phones and house numbers.")}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grid"].queryset = places_for(user)
        self.fields["category"].queryset = self.fields["category"].queryset.filter(active=True)


class ProjectForm(forms.ModelForm):
    class Meta:
        model = Project
        fields = ["title", "goal", "grids", "budget", "lead_unit", "approved_on", "quantity", "measure"]
        widgets = {"approved_on": DATE, "goal": forms.Textarea(attrs=ROWS), "grids": forms.CheckboxSelectMultiple}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grids"].queryset = places_for(user).filter(kind=GridNode.Kind.GRID)
        self.fields["lead_unit"].queryset = Unit.objects.filter(active=True).order_by("kind", "name")


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "due_on"]
        widgets = {"due_on": DATE}


class ResourceForm(forms.ModelForm):
    class Meta:
        model = Resource
        fields = ["unit", "kind", "title", "description", "quantity", "measure", "available", "grids"]
        widgets = {"description": forms.Textarea(attrs=ROWS), "grids": forms.CheckboxSelectMultiple}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units_for(user)
        self.fields["grids"].queryset = GridNode.objects.of_community().filter(
            kind=GridNode.Kind.GRID).order_by("tree_id", "lft")


class ClaimForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("For unit"), queryset=Unit.objects.none())
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1, max_value=1_000_000, initial=1)
    resource = forms.ModelChoiceField(label=_("With the resource (optional)"), queryset=Resource.objects.none(),
                                      required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = units_for(user)
        self.fields["unit"].queryset = units
        self.fields["resource"].queryset = Resource.objects.filter(unit__in=units, active=True).select_related("unit")
        if len(units[:2]) == 1:
            self.fields["unit"].initial = units[0]


class DeliverForm(forms.Form):
    note = forms.CharField(label=_("What was done"), max_length=1000, widget=forms.Textarea(attrs=ROWS))
    quantity = forms.IntegerField(label=_("Quantity delivered"), min_value=1, max_value=1_000_000)
    delivered_on = forms.DateField(label=_("Delivered on"), widget=DATE)
    photo = photos.PhotoField(label=_("Evidence photo (optional)"))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
