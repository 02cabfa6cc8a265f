"""/board/export.csv: the closure board as a table for anyone, with the board's filters and only what it shows."""

import csv
import io

import pytest
from django.urls import reverse

from requests.models import Request
from tests.requests.public_helpers import community, order, publicise

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    return community()


def _rows(client, **params):
    response = client.get(reverse("requests:board_export"), params)
    body = b"".join(response.streaming_content).decode("utf-8")
    return response, list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))


def test_the_table_has_chinese_headers_and_a_bom_for_excel(client, setup):
    response = client.get(reverse("requests:board_export"))
    assert b"".join(response.streaming_content).startswith("\ufeff编号,类别,网格,微网格".encode())


def test_a_row_has_what_the_board_shows(client, setup):
    wish = publicise(order(setup[0]), setup[1], summary="已更换楼道灯")
    _response, rows = _rows(client)
    assert rows[1][:5] == [wish.reference, "环境卫生", "第1网格", "第1网格第1微网格", "县人民医院"]
    assert rows[1][-1] == "已更换楼道灯"


def test_the_table_has_no_name_phone_text_or_closure_note(client, setup):
    publicise(order(setup[0], resident_name="李秀英", resident_phone="13812345678", text="3栋2单元501室灯坏了"),
              setup[1], note="已联系李秀英13812345678", summary="已更换楼道灯")
    body = "".join(",".join(row) for row in _rows(client)[1])
    assert all(secret not in body for secret in ("李", "13812345678", "501", "已联系"))


def test_a_notice_under_review_shows_the_placeholder(client, setup):
    wish = publicise(order(setup[0]), setup[1])
    Request.objects.filter(pk=wish.pk).update(summary_needs_review=True)
    assert _rows(client)[1][1][-1] == "社区党总支正在复核这条公示，复核后重新显示办理情况。"


def test_a_summary_that_starts_like_a_formula_stays_text(client, setup):
    publicise(order(setup[0]), setup[1], summary="=HYPERLINK(\"http://x\")已办结")
    assert _rows(client)[1][1][-1].startswith("'=")


def test_the_table_follows_the_boards_filters(client, setup):
    publicise(order(setup[0], code="NJ-01-01"), setup[1])
    publicise(order(setup[0], code="NJ-02-01"), setup[1])
    assert [row[2] for row in _rows(client, grid="NJ-02")[1][1:]] == ["第2网格"]


def test_an_unfinished_request_is_not_in_the_table(client, setup):
    order(setup[0])
    assert len(_rows(client)[1]) == 1


def test_the_table_is_a_download_not_a_page(client, setup):
    response = client.get(reverse("requests:board_export"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]


def test_posting_to_the_table_is_405(client, setup):
    assert client.post(reverse("requests:board_export")).status_code == 405


@pytest.mark.parametrize("rows", [2, 12])
def test_the_table_takes_the_same_number_of_queries_at_any_size(client, setup, rows, django_assert_num_queries):
    for _ in range(rows):
        publicise(order(setup[0]), setup[1])
    # The community's root for the grid filter and again for the served community's notices, the rows.
    with django_assert_num_queries(3):
        b"".join(client.get(reverse("requests:board_export")).streaming_content)
