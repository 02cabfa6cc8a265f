"""Recording a request on a resident's behalf: the on-duty chairman at the desk, a grid worker on a visit."""

import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from grid.models import GridNode, Household, Visit
from requests.models import Request
from tests.requests.staff_world import fast_passwords, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
URL = reverse("requests:record")


@pytest.fixture
def w():
    return world()


def _household(code="NJ-01-01"):
    return Household.objects.create(micro_grid=GridNode.objects.get(code=code), building="3", room="201",
                                    contact_name="李大妈", contact_phone="13900001111")


def _visit(w, household):
    return Visit.objects.create(household=household, worker=w.worker1.person, visited_on=timezone.localdate(),
                                opinions="楼道灯坏了，晚上看不见", recorded_by=w.worker1)


def _post(client, user, url=URL, **fields):
    client.force_login(user)
    data = {"category": fields.pop("category").pk, "text": "需要上门量血压", "channel": "chairman",
            "micro_grid": GridNode.objects.get(code="NJ-01-01").pk, "resident_name": "王奶奶",
            "resident_phone": "138 1234 5678", "idempotency_key": str(uuid.uuid4())}
    data.update(fields)
    return client.post(url, data)


def test_the_chairman_records_a_request_received_by_them(w, client):
    response = _post(client, w.chairman, category=w.category)
    wish = Request.objects.get()
    assert (response.url, wish.channel, wish.received_by, wish.resident_phone) == (
        reverse("requests:detail", args=[wish.reference]), "chairman", w.chairman, "13812345678")


def test_recording_writes_the_first_transition_by_the_receiver(w, client):
    _post(client, w.chairman, category=w.category)
    assert Request.objects.get().transitions.get().by == w.chairman


def test_a_double_submit_records_one_request(w, client):
    key = str(uuid.uuid4())
    _post(client, w.chairman, category=w.category, idempotency_key=key)
    _post(client, w.chairman, category=w.category, idempotency_key=key)
    assert Request.objects.count() == 1


def test_a_visit_prefills_household_grid_and_channel(w, client):
    visit = _visit(w, _household("NJ-01-02"))
    client.force_login(w.worker1)
    form = client.get(f"{URL}?visit={visit.pk}").context["form"]
    assert (form.initial["micro_grid"].code, form.initial["channel"], form.initial["text"]) == (
        "NJ-01-02", "grid_visit", "楼道灯坏了，晚上看不见")


def test_a_request_from_a_visit_keeps_the_link(w, client):
    household = _household()
    visit = _visit(w, household)
    _post(client, w.worker1, f"{URL}?visit={visit.pk}", category=w.category, channel="grid_visit")
    wish = Request.objects.get()
    assert (wish.visit, wish.household, wish.received_by) == (visit, household, w.worker1)


def test_a_visit_outside_the_workers_scope_is_404(w, client):
    visit = _visit(w, _household("NJ-02-01"))
    client.force_login(w.worker1)
    assert client.get(f"{URL}?visit={visit.pk}").status_code == 404


def test_a_malformed_visit_is_404_not_500(w, client):
    client.force_login(w.worker1)
    assert client.get(f"{URL}?visit=abc").status_code == 404


def test_a_household_prefills_the_resident(w, client):
    household = _household()
    client.force_login(w.worker1)
    form = client.get(f"{URL}?household={household.pk}").context["form"]
    assert (form.initial["resident_name"], form.initial["micro_grid"]) == ("李大妈", household.micro_grid)


def test_a_grid_worker_cannot_record_outside_their_grid(w, client):
    response = _post(client, w.worker1, category=w.category, channel="grid_visit",
                     micro_grid=GridNode.objects.get(code="NJ-02-01").pk)
    assert (response.status_code, Request.objects.count()) == (200, 0)


def test_a_unit_member_may_not_record(w, client):
    client.force_login(w.nurse)
    assert client.get(URL).status_code == 403


def test_the_online_channel_is_not_offered_to_staff(w, client):
    response = _post(client, w.chairman, category=w.category, channel="online")
    assert (response.status_code, Request.objects.count()) == (200, 0)


def test_a_bad_phone_is_a_message_and_nothing_is_saved(w, client):
    response = _post(client, w.chairman, category=w.category, resident_phone="12")
    assert Request.objects.count() == 0
    assert "请填写大陆手机号" in response.content.decode()


def test_empty_text_keeps_the_rest_of_the_form(w, client):
    response = _post(client, w.chairman, category=w.category, text="   ")
    assert "王奶奶" in response.content.decode()
    assert Request.objects.count() == 0


def test_a_used_key_with_another_residents_words_is_refused_with_a_fresh_key(w, client):
    key = str(uuid.uuid4())
    _post(client, w.chairman, category=w.category, idempotency_key=key)
    page = _post(client, w.chairman, category=w.category, idempotency_key=key, text="下水道堵了").content.decode()
    assert "下水道堵了" in page
    assert f'value="{key}"' not in page
    assert Request.objects.count() == 1
