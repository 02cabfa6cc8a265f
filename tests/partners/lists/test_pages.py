"""The lists' pages: the public lists (nothing personal, grid names only), the staff lists (scoped), claiming,
delivering, verifying and withdrawing through the views (405, 404 outside, 403 without the right, a refusal is a
message and nothing changes), the CSV exports, and queries that do not grow with the rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from grid.models import GridNode
from partners.models import Claim, Need
from tests.factories import make_branch_admin, make_grid_worker, make_tree, make_unit, make_unit_member
from tests.partners.lists.factories import claimed, delivered, make_need, make_project, verified

pytestmark = pytest.mark.django_db


class W:
    pass


@pytest.fixture
def w():
    make_tree(grids=2, micro_per_grid=2)
    w = W()
    w.hospital, w.housing = make_unit(name="县人民医院"), make_unit(name="县住建局")
    w.worker = make_grid_worker("NJ-01")
    w.member = make_unit_member(w.hospital)
    w.branch = make_branch_admin()
    w.ours = make_need(title="楼道灯维修", grid=GridNode.objects.get(code="NJ-01-02"))
    w.theirs = make_need(title="外网格的需求", grid=GridNode.objects.get(code="NJ-02"))
    return w


def page(client, user, name, *args, **query):
    client.force_login(user)
    return client.get(reverse(name, args=args), query)


def test_the_public_needs_list_names_the_grid_of_a_micro_grid_need(w, client):
    body = client.get(reverse("partners:public_needs")).content.decode()
    assert "第1网格" in body
    assert "第1网格第2微网格" not in body


def test_the_public_needs_list_shows_who_claimed_and_delivered(w, client):
    delivered(w.ours, w.hospital)
    body = client.get(reverse("partners:public_needs")).content.decode()
    assert "县人民医院" in body


def test_the_public_needs_list_shows_a_fulfilled_need_as_fulfilled(w, client):
    verified(w.ours, w.hospital)
    response = client.get(reverse("partners:public_needs"), {"state": "fulfilled"})
    assert [need.pk for need in response.context["page"]] == [w.ours.pk]


def test_the_public_projects_list_shows_the_progress(w, client):
    make_project(title="健身器材更新")
    assert "健身器材更新" in client.get(reverse("partners:public_projects")).content.decode()


def test_the_staff_needs_list_shows_a_worker_only_their_grids_needs(w, client):
    response = page(client, w.worker, "partners:needs_manage")
    assert [need.pk for need in response.context["page"]] == [w.ours.pk]


def test_a_unit_member_sees_every_need_to_claim(w, client):
    assert page(client, w.member, "partners:needs_manage").context["page"].paginator.count == 2


def test_a_need_outside_the_workers_grid_is_a_404(w, client):
    assert page(client, w.worker, "partners:need", w.theirs.pk).status_code == 404


def test_the_drill_down_lists_the_claimed_needs(w, client):
    claimed(w.ours, w.hospital)
    response = page(client, w.branch, "partners:needs_manage", claimed="yes")
    assert [need.pk for need in response.context["page"]] == [w.ours.pk]


def test_the_drill_down_lists_the_needs_a_unit_claimed(w, client):
    claimed(w.theirs, w.housing)
    response = page(client, w.branch, "partners:needs_manage", unit=w.housing.pk)
    assert [need.pk for need in response.context["page"]] == [w.theirs.pk]


def test_a_member_claims_a_need_for_their_unit(w, client):
    client.force_login(w.member)
    response = client.post(reverse("partners:need_claim", args=[w.ours.pk]), {"unit": w.hospital.pk, "quantity": 1})
    assert response.status_code == 302
    assert w.ours.claims.get().unit == w.hospital


def test_claiming_by_get_is_a_405(w, client):
    assert page(client, w.member, "partners:need_claim", w.ours.pk).status_code == 405


def test_a_worker_may_not_claim(w, client):
    client.force_login(w.worker)
    response = client.post(reverse("partners:need_claim", args=[w.ours.pk]), {"unit": w.hospital.pk, "quantity": 1})
    assert response.status_code == 403


def test_a_member_may_not_claim_for_another_unit(w, client):
    client.force_login(w.member)
    response = client.post(reverse("partners:need_claim", args=[w.ours.pk]), {"unit": w.housing.pk, "quantity": 1})
    assert response.status_code == 400
    assert not w.ours.claims.exists()


def test_the_loser_of_the_last_slot_sees_who_has_it(w, client):
    claimed(w.ours, w.housing)
    client.force_login(w.member)
    response = client.post(reverse("partners:need_claim", args=[w.ours.pk]), {"unit": w.hospital.pk, "quantity": 1})
    assert response.status_code == 400
    assert "县住建局" in response.content.decode()


def test_the_member_records_the_delivery(w, client):
    claim = claimed(w.ours, w.hospital)
    client.force_login(w.member)
    client.post(reverse("partners:claim_act", args=[claim.pk, "deliver"]),
                {f"c{claim.pk}-note": "已修好", f"c{claim.pk}-quantity": 1, f"c{claim.pk}-delivered_on": "2026-01-05"})
    claim.refresh_from_db()
    assert claim.state == Claim.State.DELIVERED


def test_delivering_more_than_claimed_is_a_message_and_nothing_changes(w, client):
    claim = claimed(w.ours, w.hospital)
    client.force_login(w.member)
    response = client.post(reverse("partners:claim_act", args=[claim.pk, "deliver"]), {
        f"c{claim.pk}-note": "已修好", f"c{claim.pk}-quantity": 5, f"c{claim.pk}-delivered_on": "2026-01-05"},
        follow=True)
    claim.refresh_from_db()
    assert claim.state == Claim.State.CLAIMED
    assert "1" in str(list(response.context["messages"])[0])


def test_a_member_may_not_verify(w, client):
    claim = delivered(w.ours, w.hospital)
    client.force_login(w.member)
    assert client.post(reverse("partners:claim_act", args=[claim.pk, "verify"])).status_code == 403


def test_the_branch_verifies_and_the_need_is_fulfilled(w, client):
    claim = delivered(w.ours, w.hospital)
    client.force_login(w.branch)
    client.post(reverse("partners:claim_act", args=[claim.pk, "verify"]))
    assert Need.objects.get(pk=w.ours.pk).state == Need.State.FULFILLED


def test_verifying_an_undelivered_claim_is_a_message_and_nothing_changes(w, client):
    claim = claimed(w.ours, w.hospital)
    client.force_login(w.branch)
    response = client.post(reverse("partners:claim_act", args=[claim.pk, "verify"]), follow=True)
    claim.refresh_from_db()
    assert claim.state == Claim.State.CLAIMED
    assert len(list(response.context["messages"])) == 1


def test_withdrawing_without_a_reason_changes_nothing(w, client):
    claim = claimed(w.ours, w.hospital)
    client.force_login(w.member)
    client.post(reverse("partners:claim_act", args=[claim.pk, "withdraw"]), {f"c{claim.pk}-reason": ""})
    claim.refresh_from_db()
    assert claim.state == Claim.State.CLAIMED


def test_another_units_claim_is_a_403_for_the_member(w, client):
    claim = claimed(w.ours, w.housing)
    client.force_login(w.member)
    response = client.post(reverse("partners:claim_act", args=[claim.pk, "withdraw"]), {f"c{claim.pk}-reason": "x"})
    assert response.status_code == 403


def test_a_claim_outside_the_workers_scope_is_a_404(w, client):
    claim = claimed(w.theirs, w.housing)
    client.force_login(w.worker)
    assert client.post(reverse("partners:claim_act", args=[claim.pk, "verify"])).status_code == 404


def test_a_worker_raises_a_need_in_their_grid(w, client):
    client.force_login(w.worker)
    client.post(reverse("partners:need_new"), {
        "title": "健身器材维修", "category": w.ours.category_id, "grid": GridNode.objects.get(code="NJ-01").pk,
        "urgency": "normal", "quantity": 1})
    assert Need.objects.filter(title="健身器材维修").exists()


def test_a_need_with_a_phone_is_refused_and_not_saved(w, client):
    client.force_login(w.worker)
    response = client.post(reverse("partners:need_new"), {
        "title": "请打13812345678", "category": w.ours.category_id, "grid": GridNode.objects.get(code="NJ-01").pk,
        "urgency": "normal", "quantity": 1})
    assert response.status_code == 400
    assert not Need.objects.filter(title__startswith="请打").exists()


def test_a_need_in_another_grid_is_refused(w, client):
    client.force_login(w.worker)
    response = client.post(reverse("partners:need_new"), {
        "title": "外网格", "category": w.ours.category_id, "grid": GridNode.objects.get(code="NJ-02").pk,
        "urgency": "normal", "quantity": 1})
    assert response.status_code == 400


def test_the_needs_export_is_utf8_with_a_bom_and_chinese_headers(w, client):
    client.force_login(w.branch)
    body = b"".join(client.get(reverse("partners:needs_export")).streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    assert "标题" in body.splitlines()[0]


def test_the_export_keeps_the_lists_scope(w, client):
    client.force_login(w.worker)
    body = b"".join(client.get(reverse("partners:needs_export")).streaming_content).decode("utf-8")
    assert "楼道灯维修" in body
    assert "外网格的需求" not in body


def test_the_rates_page_shows_numerator_and_denominator(w, client):
    claimed(w.ours, w.hospital)
    body = page(client, w.branch, "partners:rates").content.decode()
    assert "?claimed=yes\">1</a> / <a href=\"/partners/lists/needs/\">2</a>" in body


def test_the_units_page_shows_its_record(w, client):
    verified(w.ours, w.hospital)
    response = page(client, w.member, "partners:unit_record", w.hospital.pk)
    assert ("已核实", "verified", 1) in [(str(label), state, n) for label, state, n in response.context["record"]]


def _cost(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", ["partners:public_needs", "partners:public_projects", "partners:needs_manage",
                                  "partners:projects_manage", "partners:resources_manage", "partners:claims",
                                  "partners:rates"])
def test_a_lists_queries_do_not_grow_with_its_rows(w, client, name):
    from partners.models import Resource

    def add_rows(number):
        unit = make_unit()
        need = make_need(title=f"需求{number}")
        verified(need, unit) if number % 2 else claimed(need, unit)
        claimed(make_project(title=f"项目{number}"), unit)
        Resource.objects.create(unit=unit, kind="service", title=f"资源{number}").grids.set(GridNode.objects.all()[:2])

    add_rows(0)
    client.force_login(w.branch)
    url = reverse(name)
    _cost(client, url)
    small = _cost(client, url)
    for number in range(1, 7):
        add_rows(number)
    assert _cost(client, url) == small


def test_the_needs_page_suggests_the_resources_of_units_handling_it_in_its_grid(w, client):
    from partners.models import Resource

    w.hospital.duties.set([w.ours.category])
    w.housing.duties.set([w.ours.category])
    here = Resource.objects.create(unit=w.hospital, kind="service", title="义诊")
    here.grids.set([GridNode.objects.get(code="NJ-01")])
    elsewhere = Resource.objects.create(unit=w.housing, kind="service", title="维修")
    elsewhere.grids.set([GridNode.objects.get(code="NJ-02")])
    response = page(client, w.member, "partners:need", w.ours.pk)
    assert response.context["matching"] == [here]
