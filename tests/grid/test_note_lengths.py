"""Notes have a length a phone can show and an Excel cell can hold: 2000 characters, said plainly when over."""

import io
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from grid.households.models import NOTE_MAX_LENGTH
from grid.models import GridNode, Household, Visit
from tests.grid.factories import make_household
from tests.grid.households.test_excel import GOOD, sheet, upload

NOTES = ["walked", "looked", "asked", "listened", "opinions"]


def visit(client, household, **notes):
    data = {"visited_on": timezone.localdate().isoformat(), "token": str(uuid.uuid4()), "asked": "询问医保", **notes}
    return client.post(reverse("field:visit_new", args=[household.pk]), data)


@pytest.mark.parametrize("note", NOTES)
def test_a_visit_note_of_200000_characters_is_refused_in_chinese(client3, household, note):
    response = visit(client3, household, **{note: "长" * 200_000})
    assert "最多 2000 个字" in response.content.decode()
    assert not Visit.objects.exists()


def test_a_visit_note_of_2000_characters_is_saved(client3, household):
    visit(client3, household, opinions="长" * NOTE_MAX_LENGTH)
    assert len(Visit.objects.get().opinions) == NOTE_MAX_LENGTH


def test_the_visit_form_tells_the_phone_the_limit(client3, household):
    page = client3.get(reverse("field:visit_new", args=[household.pk])).content.decode()
    assert f'maxlength="{NOTE_MAX_LENGTH}"' in page


def test_household_notes_over_the_limit_are_refused(client3, tree):
    response = client3.post(reverse("field:household_new"), {
        "micro_grid": GridNode.objects.get(code="NJ-03-01").pk, "people": 1, "contact_name": "周建国",
        "notes": "备" * (NOTE_MAX_LENGTH + 1)})
    assert "最多 2000 个字" in response.content.decode()
    assert not Household.objects.exists()


def test_the_whistle_outcome_over_the_limit_is_refused(client, branch):
    from grid.models import Whistle

    whistle = Whistle.objects.create(grid=GridNode.objects.get(code="NJ-03"), what="积水", where="5幢",
                                     when=timezone.now(), blown_by=branch)
    client.force_login(branch)
    client.post(reverse("field:whistle_close", args=[whistle.pk]), {"outcome": "果" * (NOTE_MAX_LENGTH + 1)})
    whistle.refresh_from_db()
    assert whistle.is_open


def test_an_imported_note_over_the_limit_names_its_row_and_column(client3, tree):
    long_note = [*GOOD[:9], "备" * (NOTE_MAX_LENGTH + 1)]
    page = upload(client3, sheet(GOOD, long_note)).content.decode()
    assert "第 3 行" in page
    assert "“备注”过长" in page
    assert not Household.objects.exists()


def test_the_export_never_overflows_an_excel_cell(client3, tree):
    household = make_household()
    Household.objects.filter(pk=household.pk).update(notes="旧" * 40_000)  # saved before the limit existed
    workbook = load_workbook(io.BytesIO(client3.get(reverse("field:household_export")).content))
    assert len(workbook.active.cell(row=2, column=10).value) == 32767
