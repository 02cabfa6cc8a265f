"""python manage.py rollup_check [--repair]: recount the roll-ups from the records and compare with the table.

Exits non-zero when a cell differs (the first ones are listed); --repair then replaces the table with the recount
(also the backfill after rows were written in bulk, e.g. by seed_county).
"""

from django.core.management.base import BaseCommand, CommandError

from requests.statistics import rollups

SHOWN = 20


class Command(BaseCommand):
    help = "Recount the roll-ups' counts from the requests and compare them with the maintained table."

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="Replace the table with the recount.")

    def handle(self, *args, **options):
        if options["repair"]:
            cells = rollups.rebuild()
            self.stdout.write(f"rollup_check: the table was rebuilt from the records ({cells} cells).")
        expected, found = rollups.recount(), rollups.maintained()
        wrong = rollups.mismatches(expected, found)
        if wrong:
            for (micro, month), counter, want, have in wrong[:SHOWN]:
                self.stderr.write(f"micro-grid {micro} {month:%Y-%m} {counter}: recount {want}, table {have}")
            raise CommandError(f"rollup_check: {len(wrong)} counts differ from a recount of the records.")
        total = sum(cell["received"] for cell in expected.values())
        self.stdout.write(self.style.SUCCESS(
            f"rollup_check: {len(expected)} cells ({total} requests) equal a recount of the records."))
