"""Every cell of every export (CSV or Excel) that a spreadsheet could read as a formula is written as text.

A compound, a note or a unit name typed as "=HYPERLINK(…)" (or "+…", "-…", "@…", a leading tab or CR) would be
a live formula when the file is opened: a link that sends the sheet elsewhere, or worse. CSV has no cell types,
so such a text gets the apostrophe spreadsheets read as "this is text"; in .xlsx the cell is a string cell with
Excel's quote prefix, its value unchanged, so an exported sheet imported back stores what was typed.
Numbers and dates are not text and pass as they are. Tests: tests/nanjie/test_exports.py.
"""

from openpyxl.cell import WriteOnlyCell

# The full-width forms too: Excel with a Chinese input method reads "＝1+1" as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def is_formula_like(value):
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value):
    """The value for a CSV writer: None as "", a formula-like text behind an apostrophe."""
    if value is None:
        return ""
    return f"'{value}" if is_formula_like(value) else value


def csv_row(values):
    return [csv_cell(value) for value in values]


def xlsx_row(sheet, values):
    """Cells for a write-only openpyxl sheet's append(): a formula-like text as a string cell."""
    cells = []
    for value in values:
        if not is_formula_like(value):
            cells.append(value)
            continue
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"  # openpyxl types every "=…" string as a formula
        cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
        cells.append(cell)
    return cells
