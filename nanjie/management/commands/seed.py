"""python manage.py seed: Nanjie community, deterministic and idempotent, through the domain methods.

The steps are the apps' entries in nanjie.registry.seed_steps (each app adds its own in AppConfig.ready()),
run in their order, ground floor first; each gets its own random generator seeded by its name.
"""

import random
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from nanjie.registry import seed_steps
from nanjie.seeding import NameBook

DEMO_PASSWORD = "nanjie-demo-2026"


class Command(BaseCommand):
    help = "Create Nanjie community: 1 total grid, 27 grids, 247 micro-grids, rosters, demo data and logins."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=["community"], default="community")
        parser.add_argument("--only", action="append", metavar="STEP", choices=seed_steps.names(),
                            help="run only these steps (repeatable); the default is every step")

    # One transaction for the whole community: all or nothing, and one commit instead of thousands.
    @transaction.atomic
    def handle(self, *args, **options):
        # Demo passwords are known only in development; elsewhere demo logins cannot log in until an
        # admin sets a password.
        context = {
            "password": DEMO_PASSWORD if settings.DEBUG else None,
            "logins": [],
            "names": NameBook(random.Random("nanjie-names")),
        }
        for step in seed_steps:
            if options["only"] and step.name not in options["only"]:
                continue
            started = time.monotonic()
            step.run(random.Random(f"nanjie-{step.name}"), self.stdout.write, context)
            self.stdout.write(f"  ({step.name}: {time.monotonic() - started:.1f} s)")
        if settings.DEBUG:
            self.stdout.write(f"Demo logins (password {DEMO_PASSWORD}):")
            for username, role in context["logins"]:
                self.stdout.write(f"  {username:<12} {role}")
        self.stdout.write(self.style.SUCCESS("Seeded Nanjie community."))
