"""python manage.py seed_county: Yao'an county at benchmark size, on top of `manage.py seed`.

The generator is bench/county_seed/ (it writes every floor's tables in bulk, for the benchmarks only); the command
lives on the top floor because only it may reach every app.
"""

import time

from django.core.management.base import BaseCommand

from bench.county_seed import Scale, run
from requests.statistics import rollups


class Command(BaseCommand):
    help = "Add Yao'an county (9 towns, 77 communities, ~1M requests) around Nanjie, in bulk, for the benchmarks."

    def add_arguments(self, parser):
        defaults = Scale()
        parser.add_argument("--communities", type=int, default=defaults.communities)
        parser.add_argument("--households", type=int, default=defaults.households)
        parser.add_argument("--visits", type=int, default=defaults.visits)
        parser.add_argument("--requests", type=int, default=defaults.requests)
        parser.add_argument("--years", type=int, default=defaults.years)

    def handle(self, *args, **options):
        scale = Scale(communities=options["communities"], households=options["households"],
                      visits=options["visits"], requests=options["requests"], years=options["years"])
        started = time.monotonic()
        result = run(self.stdout.write, scale)
        if result:
            # The rows were written in bulk, past the transitions that keep the roll-ups: count them once.
            self.stdout.write(f"  roll-ups: {rollups.rebuild()} cells")
            sizes = ", ".join(f"{key} {value:,}" for key, value in result.items() if key != "timings")
            self.stdout.write(self.style.SUCCESS(f"Seeded the county in {time.monotonic() - started:.0f} s: {sizes}"))
