"""Polish (issue 16): no English left in admin, full-width punctuation after Chinese."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories import make_category, make_unit

CHINESE_THEN_ASCII = re.compile(r"[\u4e00-\u9fff][:,;]")


@pytest.fixture
def admin_client_and_unit(client, db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.cn", "pw"))
    unit = make_unit(name="县人民医院", duties=[make_category(code="health", name="医疗健康")])
    unit.name = "县医院"
    unit.save()
    return client, unit


def test_the_history_list_shows_no_none_for_a_missing_change_reason(admin_client_and_unit):
    client, unit = admin_client_and_unit
    page = client.get(reverse("admin:partners_unit_history", args=[unit.pk])).content.decode()
    assert "None" not in page.split('id="change-history"')[1]


def test_the_history_diff_labels_end_in_a_full_width_colon(admin_client_and_unit):
    client, unit = admin_client_and_unit
    page = client.get(reverse("admin:partners_unit_history", args=[unit.pk])).content.decode()
    assert "<strong>名称：</strong>" in page


def test_filter_horizontal_has_no_hold_down_control_hint(admin_client_and_unit):
    client, unit = admin_client_and_unit
    page = client.get(reverse("admin:partners_unit_change", args=[unit.pk])).content.decode()
    assert "Control" not in page


@pytest.mark.parametrize("english", ["Choose all %s", "Remove selected %s", "(click to clear)"])
def test_the_admin_javascript_catalogue_translates_the_filter_box(admin_client_and_unit, english):
    client, _unit = admin_client_and_unit
    catalogue = client.get(reverse("admin:jsi18n")).content.decode()
    assert f'"{english}":' in catalogue


def test_form_labels_end_in_a_full_width_colon():
    from requests.staff.forms import ReasonForm

    assert ReasonForm(prefix="x")["reason"].label_tag().endswith("：</label>")


def test_a_photo_is_named_in_chinese(db):
    from requests.models import Request
    from requests.public.models import Photo

    assert str(Photo(pk=1, request=Request(reference="NJ-2026-000001"))) == "NJ-2026-000001 照片1"


def test_the_seeded_team_missions_use_full_width_punctuation():
    from volunteers.teams.seed import TEAMS

    assert [mission for _c, _n, mission, _s in TEAMS if CHINESE_THEN_ASCII.search(mission)] == []
