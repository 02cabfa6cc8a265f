"""Households as an Excel sheet with the Chinese headers grid workers already use.

Import is all-or-nothing: every row is validated first (errors carry the row number), and only a file
with no bad row is written, in one transaction. A row whose micro-grid, address and contact match an
existing household updates it, so an exported sheet can be edited and imported back.
"""

import io
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from simple_history.utils import bulk_create_with_history

from grid.households.models import Household, HouseholdTag, SpecialGroup
from grid.territory.models import GridNode
from nanjie.exports import xlsx_row
from nanjie.phones import normalise_phone

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADERS = ["微网格编码", "小区", "楼栋", "单元", "房号", "人数", "联系人", "联系电话", "特殊群体", "备注"]
FIELDS = ["micro_grid", "compound", "building", "unit_number", "room", "people", "contact_name", "contact_phone",
          "special_groups", "notes"]
LENGTH_LIMITS = {name: Household._meta.get_field(name).max_length
                 for name in ("compound", "building", "unit_number", "room", "contact_name", "notes")}
EXCEL_CELL_LIMIT = 32767  # characters Excel keeps in one cell
MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024
# What the archive may unpack to: 5,000 households are a few MB of XML. A 1 MB file can hold a 1 GiB string
# (12 s and 2.2 GB to load), so the declared sizes are checked before openpyxl reads a byte; zipfile stops a
# member at its declared size (and fails its CRC), so a member cannot lie its way past this.
MAX_UNPACKED_BYTES = 40 * 1024 * 1024
# The sheet speaks the grid workers' Chinese whatever the UI language is.
GROUP_LABELS = {SpecialGroup.ELDERLY_ALONE: "空巢老人", SpecialGroup.DISABLED: "残障人士",
                SpecialGroup.HARDSHIP_FAMILY: "困难家庭", SpecialGroup.HARDSHIP_PARTY_MEMBER: "困难党员",
                SpecialGroup.MIGRANT_WORKER: "农民工及其子女", SpecialGroup.DISASTER_HIT: "受灾户"}
GROUP_BY_LABEL = {label: value for value, label in GROUP_LABELS.items()}
GROUP_SEPARATORS = ("、", ",", "，", ";", "；", " ")


def export_households(households):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("住户")
    sheet.append(HEADERS)
    for household in households.select_related("micro_grid").prefetch_related("tags").order_by(
            "micro_grid__code", "building", "unit_number", "room", "pk"):
        sheet.append(xlsx_row(sheet, [
            household.micro_grid.code, household.compound, household.building, household.unit_number,
            household.room, household.people, household.contact_name, household.contact_phone,
            "、".join(GROUP_LABELS[tag.group] for tag in household.tags.all()),
            household.notes[:EXCEL_CELL_LIMIT]]))  # notes saved before the limit could overflow a cell
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@dataclass
class ImportResult:
    errors: list = field(default_factory=list)  # [(row number, message)]
    created: int = 0
    updated: int = 0
    unchanged: int = 0  # an exported sheet imported back as it was: no save, no history row


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # Excel stores "201" typed as a number as 201.0
    return str(value).strip()


def _groups(text):
    for separator in GROUP_SEPARATORS:
        text = text.replace(separator, "、")
    labels = [label for label in text.split("、") if label]
    unknown = [label for label in labels if label not in GROUP_BY_LABEL]
    if unknown:
        raise ValidationError(_("unknown special group “%(label)s” (allowed: %(allowed)s)") % {
            "label": unknown[0], "allowed": "、".join(GROUP_BY_LABEL)})
    return sorted({GROUP_BY_LABEL[label] for label in labels})


def _check_unpacked_size(upload):
    """Refuse an archive that would unpack to more than MAX_UNPACKED_BYTES (a decompression bomb)."""
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip at all: load_workbook says so in the grid workers' words
    finally:
        upload.seek(0)
    if unpacked > MAX_UNPACKED_BYTES:
        raise ValidationError(_("This spreadsheet unpacks to more than %(limit)d MB, far more than a household "
                                "sheet holds. Copy the households into a new sheet and try again.")
                              % {"limit": MAX_UNPACKED_BYTES // (1024 * 1024)})


def _read_rows(upload):
    """Yield rows of text, or raise ValidationError for a file that is not an .xlsx or has other headers."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("The file is larger than 5 MB."))
    _check_unpacked_size(upload)
    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
        rows = list(workbook.worksheets[0].iter_rows(values_only=True, max_row=MAX_ROWS + 2, max_col=len(HEADERS)))
    except Exception:  # openpyxl raises a zoo of errors (zipfile, KeyError, XML) for files that are not xlsx
        raise ValidationError(_("This is not an Excel spreadsheet (.xlsx). Save the sheet as .xlsx and try again.")
                              ) from None
    if not rows:
        raise ValidationError(_("The spreadsheet is empty."))
    if any(isinstance(cell, str) and len(cell) > EXCEL_CELL_LIMIT for row in rows for cell in row):
        raise ValidationError(_("A cell of the spreadsheet holds more than %(limit)d characters, more than Excel "
                                "itself keeps: this is not a household sheet.") % {"limit": EXCEL_CELL_LIMIT})
    headers = [_text(cell) for cell in rows[0]][:len(HEADERS)]
    if headers != HEADERS:
        raise ValidationError(_("The first row must be the headers: %(headers)s.") % {"headers": "、".join(HEADERS)})
    if len(rows) > MAX_ROWS + 1:
        raise ValidationError(_("At most %(max)d households per file.") % {"max": MAX_ROWS})
    return [[_text(cell) for cell in row][:len(HEADERS)] + [""] * (len(HEADERS) - len(row)) for row in rows[1:]]


def _people(text):
    try:
        people = int(text or 1)
    except ValueError:
        raise ValidationError(_("number of people must be a whole number")) from None
    if not 1 <= people <= 99:
        raise ValidationError(_("number of people must be between 1 and 99"))
    return people


def _clean_row(values, micro_grids):
    """The row's data, or a ValidationError listing everything wrong with it (fixing one thing at a time, with an
    upload in between, is slow on a phone)."""
    row = dict(zip(FIELDS, values, strict=True))
    problems = []

    def check(convert, text):
        try:
            return convert(text)
        except ValidationError as error:
            problems.extend(error.messages)

    node = micro_grids.get(row["micro_grid"])
    if node is None:
        problems.append(_("micro-grid “%(code)s” is unknown or not yours") % {"code": row["micro_grid"]})
    if not row["contact_name"]:
        problems.append(_("the contact person is missing"))
    people = check(_people, row["people"])
    phone = check(normalise_phone, row["contact_phone"]) if row["contact_phone"] else ""
    for name, limit in LENGTH_LIMITS.items():
        if len(row[name]) > limit:
            problems.append(_("“%(column)s” is too long (at most %(limit)d characters, it has %(length)d)") % {
                "column": HEADERS[FIELDS.index(name)], "limit": limit, "length": len(row[name])})
    groups = check(_groups, row["special_groups"])
    if problems:
        raise ValidationError(problems)
    return {"micro_grid": node, "compound": row["compound"], "building": row["building"],
            "unit_number": row["unit_number"], "room": row["room"], "contact_name": row["contact_name"],
            "people": people, "contact_phone": phone, "notes": row["notes"], "groups": groups}


def import_households(upload, user):
    result = ImportResult()
    try:
        rows = _read_rows(upload)
    except ValidationError as error:
        result.errors.append((None, error.messages[0]))
        return result
    micro_grids = {node.code: node for node in
                   GridNode.objects.visible_to(user).filter(kind=GridNode.Kind.MICRO_GRID)}
    cleaned, seen = [], set()
    for number, values in enumerate(rows, start=2):
        if not any(values):
            continue
        try:
            data = _clean_row(values, micro_grids)
        except ValidationError as error:
            result.errors.extend((number, message) for message in error.messages)
            continue
        key = tuple(data[name] for name in ("micro_grid", "compound", "building", "unit_number", "room",
                                            "contact_name"))
        if key in seen:
            result.errors.append((number, _("the same household appears twice in this file")))
            continue
        seen.add(key)
        cleaned.append(data)
    if not cleaned and not result.errors:
        result.errors.append((None, _("The spreadsheet has no households under the headers.")))
    if result.errors:
        return result
    _write(cleaned, result)
    return result


@transaction.atomic
def _write(cleaned, result):
    for data in cleaned:
        groups = data.pop("groups")
        keys = {name: data.pop(name) for name in ("micro_grid", "compound", "building", "unit_number", "room",
                                                  "contact_name")}
        household, created = Household.objects.select_for_update().get_or_create(**keys, defaults=data)
        if created:
            result.created += 1
            bulk_create_with_history([HouseholdTag(household=household, group=g) for g in groups], HouseholdTag)
            continue
        # Only what differs is saved: an unchanged row writes no history row, a changed one its real diff.
        changed = [name for name, value in data.items() if getattr(household, name) != value]
        for name in changed:
            setattr(household, name, data[name])
        if changed:
            household.save(update_fields=changed)
        tags_changed = set(groups) != set(household.tags.values_list("group", flat=True))
        if tags_changed:
            household.set_special_groups(groups)
        if changed or tags_changed:
            result.updated += 1
        else:
            result.unchanged += 1
