"""Staff forms: they validate and convert; the model methods in requests/lifecycle/transitions.py act."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grid.territory.models import GridNode
from nanjie.once import OnceOnlyForm
from nanjie.phones import PhoneFormField
from nanjie.roles import GRID_WORKER, JOINT_MEETING, roles_of
from partners.units.models import Category, Unit
from requests.lifecycle.models import Request
from requests.lifecycle.transitions import default_deadline

NOTE_ROWS = {"rows": 4}


class DispatchForm(forms.Form):
    unit = forms.TypedChoiceField(label=_("Unit"), coerce=int)
    deadline = forms.DateField(label=_("Deadline"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                               help_text=_("Default for this category; change it if needed."))

    def __init__(self, *args, wish, **kwargs):
        super().__init__(*args, **kwargs)
        units = list(Unit.objects.filter(active=True).order_by("kind", "name"))
        handling = set(Unit.objects.handling(wish.category).values_list("pk", flat=True))
        # Units whose duties cover the category come first; a returning unit is not suggested again.
        suggested = [(u.pk, str(u)) for u in units if u.pk in handling and u.pk != wish.returned_from_id]
        others = [(u.pk, str(u)) for u in units if (u.pk, str(u)) not in suggested]
        self.fields["unit"].choices = [("", _("Choose a unit")),
                                       (_("Suggested for this category"), suggested), (_("Other units"), others)]
        self.units = {u.pk: u for u in units}
        self.fields["deadline"].initial = timezone.localtime(default_deadline(wish.category)).date()

    def clean_unit(self):
        return self.units[self.cleaned_data["unit"]]

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise ValidationError(_("The deadline must be in the future."), code="deadline")
        return deadline


class CloseForm(forms.Form):
    note = forms.CharField(label=_("What was done"), max_length=2000, widget=forms.Textarea(attrs=NOTE_ROWS),
                           help_text=_("For the branch and the resident's tracking page; the branch writes the public "
                                               "notice from it. Leave out names, phones and house numbers."))
    closed_at = forms.DateTimeField(label=_("Finished at"), required=False,
                                    widget=forms.DateTimeInput(attrs={"type": "datetime-local"},
                                                               format="%Y-%m-%dT%H:%M"),
                                    help_text=_("Leave empty for now."))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs=NOTE_ROWS))


def channels_for(user):
    """The offline channels a user can have taken a request through: the chairman hears it at the centre, a
    grid worker on a visit; either may copy it off a wish wall. Staff with neither role (the branch admin
    typing up the centre's paper log) may choose any of them."""
    roles = roles_of(user)
    channels = [channel for role, channel in ((JOINT_MEETING, Request.Channel.CHAIRMAN),
                                              (GRID_WORKER, Request.Channel.GRID_VISIT)) if role in roles]
    return (channels or [Request.Channel.CHAIRMAN, Request.Channel.GRID_VISIT]) + [Request.Channel.WISH_WALL]


class RecordForm(OnceOnlyForm, forms.Form):
    """A request taken down for a resident by the on-duty chairman or a grid worker."""

    once_key = "idempotency_key"

    category = forms.ModelChoiceField(label=_("Category"), queryset=Category.objects.filter(active=True))
    text = forms.CharField(label=_("What is needed"), max_length=1000, widget=forms.Textarea(attrs=NOTE_ROWS))
    micro_grid = forms.ModelChoiceField(label=_("Micro-grid"), queryset=GridNode.objects.none())
    channel = forms.ChoiceField(label=_("Channel"), error_messages={
        "invalid_choice": _("Choose one of the channels in the list.")})
    resident_name = forms.CharField(
        label=_("Resident's name"), max_length=50, required=False,
        error_messages={"max_length": _("A name has at most 50 characters (you wrote %(show_value)d).")})
    resident_phone = PhoneFormField(label=_("Resident's phone"), required=False,
                                    widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}))

    def __init__(self, *args, user, places=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["micro_grid"].queryset = (GridNode.objects.working_area(user)
                                              .filter(kind=GridNode.Kind.MICRO_GRID).order_by("code"))
        if places:  # after a place search (requests/public/places.py): only those, by compound and building
            labels = {place.code: place.label for place in places}
            field = self.fields["micro_grid"]
            field.queryset = field.queryset.filter(code__in=labels)
            field.label_from_instance = lambda node: labels.get(node.code, node.name)
            field.empty_label = _("— choose from the places found —")
        self.fields["channel"].choices = [(c.value, c.label) for c in channels_for(user)]
