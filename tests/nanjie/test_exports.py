"""Formula-safe exports (nanjie/exports.py): a text a spreadsheet would run is written as text, everywhere."""

import re
from pathlib import Path

import pytest

from nanjie.exports import csv_cell, xlsx_row

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\",\"看\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1",
                                  "＝1+1"])
def test_a_formula_like_text_gets_an_apostrophe_in_csv(text):
    assert csv_cell(text) == "'" + text


def test_ordinary_text_and_numbers_pass_unchanged_in_csv():
    assert [csv_cell(value) for value in ("南街小区", 3, -5, None)] == ["南街小区", 3, -5, ""]


def test_a_formula_like_text_is_a_string_cell_in_xlsx():
    from openpyxl import Workbook

    cell = xlsx_row(Workbook(write_only=True).create_sheet(), ["=1+1"])[0]
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("=1+1", "s", True)


def _project_sources():
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).parts
        if parts[0] in {".venv", "tests", "bench", "staticfiles", "node_modules"} or "migrations" in parts:
            continue
        yield path


def test_every_csv_and_excel_export_goes_through_the_formula_guard():
    writers = re.compile(r"csv\.writer\(|csv\.DictWriter\(|\bWorkbook\(")
    unguarded = [str(path.relative_to(ROOT)) for path in _project_sources()
                 if writers.search(text := path.read_text()) and "nanjie.exports" not in text
                 and path.name != "exports.py"]
    assert unguarded == []
