"""A joint-meeting decision carried out as a request: ordered and dispatched at once to the unit responsible.

The meeting's pages offer the button through partners.meeting.actions (registered in requests/apps.py), so
partners never names this page. The request keeps its decision; order and dispatch are one transaction.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from grid.territory.models import GridNode
from nanjie.once import OnceOnlyForm
from partners.meeting.models import Decision
from partners.units.models import Category
from requests.lifecycle.models import Request


class DecisionRequestForm(OnceOnlyForm, forms.Form):
    once_key = "idempotency_key"

    category = forms.ModelChoiceField(label=gettext_lazy("Category"), queryset=Category.objects.filter(active=True))
    micro_grid = forms.ModelChoiceField(label=gettext_lazy("Micro-grid"), queryset=GridNode.objects.none())
    text = forms.CharField(label=gettext_lazy("What is needed"), max_length=1000, widget=forms.Textarea({"rows": 4}))
    deadline = forms.DateField(label=gettext_lazy("Deadline"),
                               widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["micro_grid"].queryset = (GridNode.objects.working_area(user)
                                              .filter(kind=GridNode.Kind.MICRO_GRID).order_by("code"))

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise ValidationError(gettext_lazy("The deadline cannot be in the past."), code="past_deadline")
        return deadline


@transaction.atomic
def dispatch_decision(decision, data, *, by):
    """Order the request for the decision and dispatch it to the decision's unit: both, or neither."""
    if decision.state != Decision.State.OPEN:
        raise ValidationError(_("This decision is no longer open."), code="state")
    wish = Request.order(category=data["category"], text=data["text"], micro_grid=data["micro_grid"],
                         channel=Request.Channel.CHAIRMAN, received_by=by, decision=decision,
                         idempotency_key=data.get("idempotency_key"))
    if wish.state == Request.State.ORDERED:  # a resent form finds the request dispatched the first time
        wish.dispatch(decision.unit, data["deadline"], by=by)
    return wish


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("requests.dispatch_request", raise_exception=True)
def from_decision(request, pk):
    decision = get_object_or_404(Decision.objects.visible_to(request.user).select_related("unit", "item__meeting"),
                                 pk=pk)
    form = DecisionRequestForm(request.POST or None, user=request.user,
                               initial={"text": decision.text, "deadline": decision.deadline})
    if request.method == "POST" and form.is_valid():
        try:
            wish = dispatch_decision(decision, form.cleaned_data, by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Request %(reference)s dispatched to %(unit)s.")
                             % {"reference": wish.reference, "unit": decision.unit})
            return redirect("requests:detail", wish.reference)
    return render(request, "requests/staff/from_decision.html", {"decision": decision, "form": form},
                  status=400 if form.errors else 200)
