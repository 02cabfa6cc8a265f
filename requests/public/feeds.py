"""The closure board as an Atom feed: the same notices as /board/, and of what was done only the public text."""

from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from nanjie.community import community_name
from nanjie.masking import mask_name
from requests.lifecycle.models import Request


class BoardFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("%(community)s: closed micro-wishes") % {"community": community_name()}
    subtitle = gettext_lazy("Requests from residents, what was done and by which unit.")

    def link(self):
        return reverse("requests:board")

    def items(self):
        return Request.objects.publicised()[:30]

    def item_title(self, item):
        return f"{item.reference} · {item.category.name} · {item.micro_grid.name}"

    def item_description(self, item):
        # Atom's summary is HTML: escape what residents and staff typed. Masked name, never a phone or address.
        parts = [
            _("Resident: %(name)s") % {"name": mask_name(item.resident_name) or _("anonymous")},
            _("Unit: %(unit)s") % {"unit": item.unit.name if item.unit else "—"},
            _("What was done: %(note)s") % {"note": item.public_text},
        ]
        return "<br>".join(escape(part) for part in parts)

    def item_link(self, item):
        # The board's permalink for the notice: "/board/#ref" only worked while it was on the first page.
        return reverse("requests:board") + "?" + urlencode({"ref": item.reference}) + f"#{item.reference}"

    def item_pubdate(self, item):
        return item.publicised_at

    def item_updateddate(self, item):
        return item.publicised_at
