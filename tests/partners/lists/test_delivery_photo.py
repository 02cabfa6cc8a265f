"""A delivery's optional evidence photo (issue 9): stored without EXIF or GPS, refused in Chinese with nothing
saved, kept only when the delivery is, shown to the branch and the claiming unit's members only, never on the
public lists."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from grid.models import GridNode
from nanjie import photos
from partners.models import Claim
from tests.factories import make_branch_admin, make_chairman, make_grid_worker, make_tree, make_unit, make_unit_member
from tests.partners.lists.factories import claimed, make_need
from tests.photos import gps_exif, has_gps, jpeg_bytes, upload

pytestmark = pytest.mark.django_db


class W:
    pass


@pytest.fixture
def w():
    make_tree(grids=2, micro_per_grid=2)
    w = W()
    w.hospital, w.housing = make_unit(name="县人民医院"), make_unit(name="县住建局")
    w.worker = make_grid_worker("NJ-01")  # sees the need's claims, not their photos
    w.member, w.other_member = make_unit_member(w.hospital), make_unit_member(w.housing)
    w.branch = make_branch_admin()
    w.need = make_need(title="楼道灯维修", grid=GridNode.objects.get(code="NJ-01-02"))
    w.claim = claimed(w.need, w.hospital)
    return w


def media_files(settings):
    return [path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()] if settings.MEDIA_ROOT.exists() else []


def deliver(client, claim, photo=None, quantity=1, follow=False):
    data = {f"c{claim.pk}-note": "已更换楼道灯", f"c{claim.pk}-quantity": quantity,
            f"c{claim.pk}-delivered_on": timezone.localdate().isoformat()}
    if photo is not None:
        data[f"c{claim.pk}-photo"] = photo
    return client.post(reverse("partners:claim_act", args=[claim.pk, "deliver"]), data, follow=follow)


@pytest.fixture
def delivered_with_photo(w, client):
    client.force_login(w.member)
    deliver(client, w.claim, upload(jpeg_bytes(exif=gps_exif())))
    w.claim.refresh_from_db()
    client.logout()
    return w.claim


def test_the_delivery_form_takes_a_photo_on_a_phone(w, client):
    client.force_login(w.member)
    page = client.get(reverse("partners:need", args=[w.need.pk])).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert 'accept="image/*"' in page


def test_the_delivery_keeps_its_photo_without_gps(delivered_with_photo):
    with delivered_with_photo.delivery_photo.open("rb") as handle:
        assert not has_gps(handle.read())
    assert delivered_with_photo.state == Claim.State.DELIVERED


def test_the_photo_is_stored_in_the_claims_folder(delivered_with_photo):
    assert delivered_with_photo.delivery_photo.name.startswith("claim-photos/")


def test_a_delivery_without_a_photo_is_recorded_as_before(w, client):
    client.force_login(w.member)
    deliver(client, w.claim)
    w.claim.refresh_from_db()
    assert (w.claim.state, bool(w.claim.delivery_photo)) == (Claim.State.DELIVERED, False)


def test_a_text_file_is_refused_in_chinese_and_nothing_is_saved(w, client, settings):
    client.force_login(w.member)
    response = deliver(client, w.claim, upload(b"not a photo", name="x.jpg"), follow=True)
    w.claim.refresh_from_db()
    assert "不是我们能识别的照片" in str(list(response.context["messages"])[0])
    assert (w.claim.state, media_files(settings)) == (Claim.State.CLAIMED, [])


def test_a_photo_over_5_mb_is_refused_in_chinese_and_nothing_is_saved(w, client, settings, monkeypatch):
    monkeypatch.setattr(photos, "MAX_BYTES", 100)
    client.force_login(w.member)
    response = deliver(client, w.claim, upload(jpeg_bytes()), follow=True)
    w.claim.refresh_from_db()
    assert "超过5MB" in str(list(response.context["messages"])[0])
    assert (w.claim.state, media_files(settings)) == (Claim.State.CLAIMED, [])


def test_a_refused_delivery_keeps_no_photo(w, client, settings):
    client.force_login(w.member)
    deliver(client, w.claim, upload(), quantity=5)  # more than claimed
    w.claim.refresh_from_db()
    assert (w.claim.state, media_files(settings)) == (Claim.State.CLAIMED, [])


def test_a_delivery_that_lost_a_race_keeps_no_photo(w, settings):
    stale = Claim.objects.get(pk=w.claim.pk)
    w.claim.withdraw("改由别的单位", by=None)  # meanwhile, on another phone
    with pytest.raises(ValidationError):
        stale.deliver("已更换楼道灯", by=None, photo=photos.clean_photo(upload()))
    assert media_files(settings) == []


@pytest.mark.parametrize("persona", ["member", "branch"])
def test_the_branch_and_the_units_members_open_the_photo(w, client, delivered_with_photo, persona):
    client.force_login(getattr(w, persona))
    response = client.get(reverse("partners:claim_photo", args=[delivered_with_photo.pk]))
    assert (response.status_code, response["Content-Type"]) == (200, "image/jpeg")


@pytest.mark.parametrize("persona", ["worker", "other_member", "chairman"])
def test_who_sees_the_claim_but_is_not_its_unit_gets_404(w, client, delivered_with_photo, persona):
    user = make_chairman() if persona == "chairman" else getattr(w, persona)
    client.force_login(user)
    assert client.get(reverse("partners:claim_photo", args=[delivered_with_photo.pk])).status_code == 404


def test_anonymous_visitors_go_to_the_login_page(w, client, delivered_with_photo):
    response = client.get(reverse("partners:claim_photo", args=[delivered_with_photo.pk]))
    assert response.status_code == 302


def test_a_claim_without_a_photo_has_none_to_open(w, client):
    client.force_login(w.branch)
    assert client.get(reverse("partners:claim_photo", args=[w.claim.pk])).status_code == 404


def test_the_need_page_shows_the_photo_to_the_unit(w, client, delivered_with_photo):
    client.force_login(w.member)
    page = client.get(reverse("partners:need", args=[w.need.pk])).content.decode()
    assert reverse("partners:claim_photo", args=[delivered_with_photo.pk]) in page


def test_the_need_page_shows_the_grid_worker_no_photo(w, client, delivered_with_photo):
    client.force_login(w.worker)
    page = client.get(reverse("partners:need", args=[w.need.pk])).content.decode()
    assert reverse("partners:claim_photo", args=[delivered_with_photo.pk]) not in page


@pytest.mark.parametrize("name", ["partners:public_needs", "partners:public_projects"])
def test_no_public_list_shows_a_photo(w, client, delivered_with_photo, name):
    page = client.get(reverse(name)).content.decode()
    assert "/photo/" not in page
    assert "<img" not in page


def test_admin_shows_the_photo_read_only_through_the_checked_view(w, client, delivered_with_photo):
    client.force_login(w.branch)
    page = client.get(reverse("admin:partners_claim_change", args=[delivered_with_photo.pk])).content.decode()
    assert reverse("partners:claim_photo", args=[delivered_with_photo.pk]) in page
    assert delivered_with_photo.delivery_photo.name not in page  # never the storage's own address
