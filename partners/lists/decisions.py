"""A joint-meeting decision carried out as a need or a project: the lists' NeedForm / ProjectForm, prefilled from
the decision (its text, the unit responsible, the deadline, the grid of what its item is about).

The meeting's pages offer the buttons through partners.meeting.actions (registered in partners/apps.py) and show
what was made (outcomes_of). One decision makes at most one need and one project: Claimable.from_decision takes
the decision's row lock, and the one-to-one field enforces it in the database.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from grid.territory.models import GridNode
from partners.lists.forms import NeedForm, ProjectForm
from partners.lists.models import Need, Project
from partners.meeting.models import Decision

LABELS = {Need: gettext_lazy("Need: %(title)s"), Project: gettext_lazy("Project: %(title)s")}


def outcomes_of(decisions, model):
    """{decision pk: (label, url)} of the needs (or projects) these decisions made: one query."""
    found = model.objects.filter(decision__in=[decision.pk for decision in decisions]).only("pk", "title", "decision")
    name = model._meta.model_name
    return {item.decision_id: (LABELS[model] % {"title": item.title}, reverse(f"partners:{name}", args=[item.pk]))
            for item in found}


def need_outcomes(decisions):
    return outcomes_of(decisions, Need)


def project_outcomes(decisions):
    return outcomes_of(decisions, Project)


def _places(decision):
    """The grid(s) of what the decision's agenda item is about (a need or a project of the lists), if any."""
    item = decision.item
    keys = [item.key, item.follows_up.item.key if item.follows_up_id else ""]
    for key in keys:
        kind, _sep, pk = key.partition(":")
        if not pk.isdigit():
            continue
        if kind == "need":
            return list(GridNode.objects.filter(needs__pk=pk))
        if kind == "project":
            return list(GridNode.objects.filter(projects__pk=pk).order_by("lft"))
    return []


def initial_for(model, decision):
    """The form's prefill from the decision; a deadline already past is left for the user to give."""
    text = decision.text.strip()
    title = text.splitlines()[0][:100] if text else ""
    places = _places(decision)
    if model is Need:
        deadline = decision.deadline if decision.deadline >= timezone.localdate() else None
        category = decision.unit.duties.filter(active=True).order_by("pk").first()
        return {"title": title, "description": text[:1000], "grid": places[0].pk if places else None,
                "category": category.pk if category else None, "wanted_by": deadline}
    grids = [place.parent_id if place.kind == GridNode.Kind.MICRO_GRID else place.pk for place in places]
    return {"title": title, "goal": text[:1000], "grids": grids, "lead_unit": decision.unit_id,
            "approved_on": decision.item.meeting.held_on}


@transaction.atomic
def carry_out(model, decision, data, *, by):
    """The need or project for the decision; a project gets the decision's deadline as its milestone. All or none."""
    item = model.from_decision(decision, by=by, **data)
    if model is Project:
        item.milestones.create(title=_("Deadline set by the joint meeting"), due_on=decision.deadline)
    return item


def refusal(model, decision):
    """Why this decision cannot make one (shown before the form is filled in), or None: the check from_decision
    repeats under the decision's row lock."""
    refused = model.refusal_from(decision)
    return refused.messages[0] if refused else None


def _from_decision(request, pk, model, form_class, title, done):
    decision = get_object_or_404(Decision.objects.visible_to(request.user).select_related(
        "unit", "item__meeting", "item__follows_up__item"), pk=pk)
    why_not = refusal(model, decision) if request.method == "GET" else None
    if why_not:
        messages.error(request, why_not)
        return redirect("partners:meeting", decision.item.meeting_id)
    form = form_class(request.POST or None, user=request.user, initial=initial_for(model, decision))
    if request.method == "POST" and form.is_valid():
        try:
            item = carry_out(model, decision, form.cleaned_data, by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, str(done))
            return redirect(f"partners:{model._meta.model_name}", item.pk)
    return render(request, "partners/lists/from_decision.html", {"decision": decision, "form": form, "title": title},
                  status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("partners.add_need", raise_exception=True)
def need_from_decision(request, pk):
    return _from_decision(request, pk, Need, NeedForm, _("A need for a decision"),
                          gettext_lazy("The need is on the needs list."))


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("partners.add_project", raise_exception=True)
def project_from_decision(request, pk):
    return _from_decision(request, pk, Project, ProjectForm, _("A project for a decision"),
                          gettext_lazy("The project is on the livelihood project list. Add its milestones."))
