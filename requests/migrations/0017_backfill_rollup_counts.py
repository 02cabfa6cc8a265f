"""Fill the roll-ups' counts from the requests already recorded (later changes keep them up to date)."""

from django.db import migrations


def backfill(apps, schema_editor):
    from requests.statistics import rollups

    rollups.rebuild(apps.get_model("requests", "Request"), apps.get_model("requests", "Transition"),
                    apps.get_model("requests", "RollupCount"))


class Migration(migrations.Migration):
    dependencies = [("requests", "0016_rollup_counts")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
