"""python manage.py unavailable_page > /srv/nanjie/_unavailable.html: the page the proxy shows when no app server
answers (nginx `error_page 502 504`), rendered once per release.

It is templates/500.html with its stylesheet inlined: with every app server down, nothing serves /static/.
"""

import re

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.test.utils import override_settings

from nanjie.paper import community_office

STYLESHEET = re.compile(r'<link rel="stylesheet" href="[^"]*">')
PLAIN_STATIC = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}


class Command(BaseCommand):
    help = "Print the proxy's 'no server answers' page: our 500 page with its stylesheet inlined."

    def handle(self, *args, **options):
        with open(finders.find("css/site.css"), encoding="utf-8") as stylesheet:
            css = stylesheet.read()
        # Plain static names: the link is replaced anyway, and this machine may have collected no manifest.
        with override_settings(STORAGES={**settings.STORAGES, "staticfiles": PLAIN_STATIC}):
            page = render_to_string("500.html", {"office": community_office()})
        self.stdout.write(STYLESHEET.sub(lambda match: f"<style>{css}</style>", page), ending="")
