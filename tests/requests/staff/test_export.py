"""A work queue as a CSV file: the page's scope and filters, Chinese headers Excel can read, no personal data."""

import csv
import io

import pytest
from django.urls import reverse

from tests.requests.staff_world import S, bring_to, fast_passwords, order, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return world()


def export(client, user, queue="all", **params):
    client.force_login(user)
    return client.get(reverse("requests:queue_export", args=[queue]), params)


def rows(response):
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_the_branch_admin_downloads_every_request_with_chinese_headers(w, client):
    wishes = [order(w), order(w, "NJ-02-01")]
    table = rows(export(client, w.branch))
    assert table[0] == ["编号", "状态", "类别", "网格", "微网格", "来源渠道", "单位", "点单时间", "办理期限",
                        "办结时间", "已超期"]
    assert {row[0] for row in table[1:]} == {wish.reference for wish in wishes}


def test_a_grid_worker_downloads_only_their_grid(w, client):
    mine, _theirs = order(w, "NJ-01-01"), order(w, "NJ-02-01")
    assert [row[0] for row in rows(export(client, w.worker1))[1:]] == [mine.reference]


def test_the_filters_of_the_page_apply(w, client):
    ordered, dispatched = bring_to(w, S.ORDERED), bring_to(w, S.DISPATCHED)
    assert [row[0] for row in rows(export(client, w.branch, state="dispatched"))[1:]] == [dispatched.reference]
    assert ordered.reference


def test_no_residents_name_or_phone_leaves_in_the_file(w, client):
    order(w, resident_name="李秀英", resident_phone="13812345678")
    text = b"".join(export(client, w.branch).streaming_content).decode()
    assert "李秀英" not in text
    assert "13812345678" not in text


def test_the_file_is_named_in_chinese_as_an_attachment(w, client):
    disposition = export(client, w.branch)["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''%E8%AF%89%E6%B1%82-all-" in disposition


def test_an_unknown_queue_is_404_and_a_queue_not_yours_is_403(w, client):
    assert export(client, w.branch, "nonsense").status_code == 404
    assert export(client, w.worker1, "dispatch").status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client):
    assert client.get(reverse("requests:queue_export", args=["all"])).status_code == 302


def test_posting_to_the_export_is_405(w, client):
    client.force_login(w.branch)
    assert client.post(reverse("requests:queue_export", args=["all"])).status_code == 405


def test_a_unit_name_typed_like_a_formula_is_written_as_text(w, client):
    from partners.units.models import Unit

    Unit.objects.filter(name="县人民医院").update(name="=HYPERLINK(\"http://x\",\"看\")")
    bring_to(w, S.DISPATCHED)
    assert rows(export(client, w.branch))[1][6] == "'=HYPERLINK(\"http://x\",\"看\")"


def test_a_category_name_typed_like_a_formula_is_written_as_text(w, client):
    w.category.name = "@SUM(1)"
    w.category.save(update_fields=["name"])
    order(w)
    assert rows(export(client, w.branch))[1][2] == "'@SUM(1)"
