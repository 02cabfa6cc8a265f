"""What the three lists propose for the joint meeting's agenda (partners/meeting/agenda.py): needs nobody has
claimed for too long, and projects behind schedule. Titles carry the item's own title and grid, never a resident
(a need's text is refused at entry when it holds personal data)."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partners.meeting.agenda import ProposedItem, Proposer, agenda_proposers


def unclaimed_days():
    return settings.NANJIE_NEED_UNCLAIMED_DAYS


def unclaimed_needs(meeting):
    from partners.lists.models import Need

    for need in Need.objects.unclaimed_for(unclaimed_days()).order_by("created_at", "pk"):
        yield ProposedItem(key=f"need:{need.pk}", url=reverse("partners:need", args=[need.pk]),
                           title=_("Unclaimed for over %(days)d days: %(title)s") % {
                               "days": unclaimed_days(), "title": need.title})


def projects_behind(meeting):
    from partners.lists.models import Project

    for project in Project.objects.behind_schedule(meeting.held_on).order_by("pk"):
        yield ProposedItem(key=f"project:{project.pk}", url=reverse("partners:project", args=[project.pk]),
                           title=_("Behind schedule: %(title)s") % {"title": project.title})


def register():
    agenda_proposers.add(Proposer("partners.lists.unclaimed", gettext_lazy("Needs unclaimed too long"),
                                  unclaimed_needs, order=20))
    agenda_proposers.add(Proposer("partners.lists.behind", gettext_lazy("Projects behind schedule"),
                                  projects_behind, order=40))
