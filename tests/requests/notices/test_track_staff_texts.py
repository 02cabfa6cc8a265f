"""The tracking page shows the resident the staff's texts only when the personal-data check passes them: anyone
holding the token (a printed slip, a shared photo) sees the page, so it is as public as its address."""

import pytest
from django.urls import reverse

from requests.models import Request
from tests.requests.staff_world import S, bring_to, fast_passwords, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
WITHHELD = "承办单位已记录办理情况，社区党总支审核后将在此公示。"


@pytest.fixture
def w():
    return world()


def _closed(w, note):
    wish = bring_to(w, S.ACCEPTED)
    wish.close(note, by=w.nurse)
    return wish


def _page(client, wish):
    return client.get(reverse("requests:track", args=[wish.token])).content.decode()


def test_a_plain_closure_note_is_shown_to_the_resident(w, client):
    assert "已安排医生上门测量血压" in _page(client, _closed(w, "已安排医生上门测量血压"))


@pytest.mark.parametrize("note", ["已电话联系139/1234/5678", "已上门3栋2单元401室", "已转交张三丰本人",
                                  "已联系户主王建国", "已发邮件到zhangsan@163.com"])
def test_a_closure_note_with_personal_data_is_withheld(w, client, note):
    page = _page(client, _closed(w, note))
    assert note not in page
    assert WITHHELD in page


def test_once_publicised_the_resident_sees_the_public_summary_not_the_note(w, client):
    wish = _closed(w, "已电话联系139/1234/5678后上门")
    wish.publicise("已上门测量血压", by=w.branch)
    page = _page(client, wish)
    assert "已上门测量血压" in page
    assert "139/1234/5678" not in page


def test_an_old_invalid_reason_with_personal_data_is_withheld_in_both_places(w, client):
    wish = bring_to(w, S.INVALID)  # written before the check existed:
    Request.objects.filter(pk=wish.pk).update(invalid_reason="与李春华13800001111的诉求重复")
    page = _page(client, wish)
    assert "13800001111" not in page
    assert page.count("已作无效处理，具体原因请向社区咨询。") == 2


def test_a_plain_invalid_reason_is_shown(w, client):
    wish = bring_to(w, S.INVALID)
    assert "重复" in _page(client, wish)
