"""Notices published before the public summary existed: each gets one built from its closure note, masked.

A note the personal-data check finds nothing in becomes the summary as it is. A note it finds personal data in
gets the masked note as its summary, and the notice is flagged for review: it stays on the board (never
dropped), showing a placeholder instead of what was done until the branch rewrites it (the "To review" queue).
The names looked for are every person, household contact and person helped the portal knows, and the
request's own resident. Notes with the same text are updated together, so a county's million rows take a few
statements rather than one per row.
"""

from collections import defaultdict

from django.db import migrations

from nanjie.personal_data import find, mask, name_candidates

BATCH = 2000


def _known_names(apps):
    names = set(apps.get_model("grid", "Person").objects.values_list("name", flat=True))
    names.update(apps.get_model("grid", "Household").objects.values_list("contact_name", flat=True))
    names.update(apps.get_model("grid", "AssistancePair").objects.values_list("member_name", flat=True))
    names.update(apps.get_model("grid", "ServiceRecord").objects.values_list("person_name", flat=True))
    return {name for name in names if name and len(name) >= 2}


def summary_of(note, resident_name, known):
    """(summary, needs review) for one published note."""
    note = (note or "").strip()
    names = (known & name_candidates(note)) | {resident_name}
    passages = find(note, names)
    return mask(note, passages), bool(passages) or not note


def build_summaries(apps, schema_editor):
    Request = apps.get_model("requests", "Request")
    known = _known_names(apps)
    pending = defaultdict(list)

    def flush(key):
        summary, review = key
        Request.objects.filter(pk__in=pending.pop(key)).update(public_summary=summary, summary_needs_review=review)

    rows = (Request.objects.filter(state="publicised", public_summary="")
            .values_list("pk", "closure_note", "resident_name").order_by("pk"))
    for pk, note, resident_name in rows.iterator(chunk_size=BATCH):
        key = summary_of(note, resident_name, known)
        pending[key].append(pk)
        if len(pending[key]) >= BATCH:
            flush(key)
        if len(pending) >= BATCH:  # many different notes: write them before the dict grows without bound
            for key in list(pending):
                flush(key)
    for key in list(pending):
        flush(key)


class Migration(migrations.Migration):

    dependencies = [
        ("grid", "0007_roster_history"),
        ("requests", "0009_public_summary"),
    ]

    operations = [migrations.RunPython(build_summaries, migrations.RunPython.noop)]
