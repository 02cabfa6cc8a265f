"""python manage.py seed: Nanjie community, deterministic and idempotent, through the domain methods."""

import random
import time
from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

# Floors of the house, ground first; a module that does not exist yet is skipped.
STEPS = ["grid.seed", "partners.seed", "volunteers.seed", "grid.seed_fieldwork", "requests.seed"]
DEMO_PASSWORD = "nanjie-demo-2026"


class Command(BaseCommand):
    help = "Create Nanjie community: 1 total grid, 27 grids, 247 micro-grids, rosters, demo data and logins."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=["community"], default="community")

    # One transaction for the whole community: all or nothing, and one commit instead of thousands.
    @transaction.atomic
    def handle(self, *args, **options):
        # Demo passwords are known only in development; elsewhere demo logins cannot log in until an
        # admin sets a password.
        from grid.seed import NameBook

        context = {
            "password": DEMO_PASSWORD if settings.DEBUG else None,
            "logins": [],
            "names": NameBook(random.Random("nanjie-names")),
        }
        for dotted in STEPS:
            try:
                module = import_module(dotted)
            except ModuleNotFoundError as error:
                if error.name != dotted:
                    raise
                continue
            started = time.monotonic()
            module.run(random.Random(f"nanjie-{dotted}"), self.stdout.write, context)
            self.stdout.write(f"  ({dotted}: {time.monotonic() - started:.1f} s)")
        if settings.DEBUG:
            self.stdout.write(f"Demo logins (password {DEMO_PASSWORD}):")
            for username, role in context["logins"]:
                self.stdout.write(f"  {username:<12} {role}")
        self.stdout.write(self.style.SUCCESS("Seeded Nanjie community."))
