"""The rows kept before there were many communities are the default community's (settings.COMMUNITY_CODE)."""

from django.conf import settings
from django.db import migrations

ROSTERS = ["team", "activityday"]


def into_the_default(apps, schema_editor):
    root = apps.get_model("grid", "GridNode").objects.filter(code=settings.COMMUNITY_CODE).first()
    if root is None:
        return  # no community node yet: the rows stay unplaced (every community reads them)
    for name in ROSTERS:
        apps.get_model("volunteers", name).objects.filter(community__isnull=True).update(community=root)


class Migration(migrations.Migration):
    dependencies = [("volunteers", "0006_rosters_per_community")]

    operations = [migrations.RunPython(into_the_default, migrations.RunPython.noop)]
