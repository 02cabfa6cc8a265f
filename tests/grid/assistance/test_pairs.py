import datetime
import uuid

from django.urls import reverse
from django.utils import timezone

from grid.models import AssistancePair, PairContact
from tests.grid.factories import make_household, queries_for

TODAY = timezone.localdate


def make_pair(helper_user, household, days_since_start=10, cadence=30):
    return AssistancePair.objects.create(helper=helper_user.person, helper_kind="staff", household=household,
                                         cadence_days=cadence,
                                         started_on=TODAY() - datetime.timedelta(days=days_since_start))


def test_a_pair_without_contacts_is_due_a_cadence_after_it_started(worker3, household):
    pair = AssistancePair.objects.with_next_due().get(pk=make_pair(worker3, household, 40).pk)
    assert pair.due_state() == "overdue"


def test_a_recent_contact_makes_the_pair_ok(worker3, household):
    pair = make_pair(worker3, household, 40)
    pair.log_contact(on=TODAY(), how="visit", note="送米油", by=worker3)
    assert AssistancePair.objects.with_next_due().get(pk=pair.pk).due_state() == "ok"


def test_the_helpers_home_lists_overdue_pairs(client3, worker3, household):
    make_pair(worker3, household, 40)
    page = client3.get(reverse("me")).content.decode()
    assert "我的结对帮扶" in page
    assert "已逾期" in page


def test_a_helper_logs_a_contact(client3, worker3, household):
    pair = make_pair(worker3, household)
    client3.post(reverse("field:pair_contact", args=[pair.pk]),
                 {"contacted_on": TODAY().isoformat(), "how": "phone", "note": "身体好", "token": str(uuid.uuid4())})
    assert PairContact.objects.get().note == "身体好"


def test_a_contact_in_the_future_is_refused(client3, worker3, household):
    pair = make_pair(worker3, household)
    tomorrow = (TODAY() + datetime.timedelta(days=1)).isoformat()
    response = client3.post(reverse("field:pair_contact", args=[pair.pk]), {"contacted_on": tomorrow, "how": "phone",
                                                                            "token": str(uuid.uuid4())})
    assert response.status_code == 400
    assert not PairContact.objects.exists()


def test_getting_the_contact_url_is_405(client3, worker3, household):
    pair = make_pair(worker3, household)
    assert client3.get(reverse("field:pair_contact", args=[pair.pk])).status_code == 405


def test_a_unit_party_member_helper_sees_their_own_pair(client, worker3, household):
    from tests.factories import make_unit, make_unit_member

    member = make_unit_member(make_unit())
    pair = make_pair(member, household)
    client.force_login(member)
    assert client.get(reverse("field:pair", args=[pair.pk])).status_code == 200


def test_the_pair_list_runs_a_constant_number_of_queries(client3, worker3):
    make_pair(worker3, make_household())
    few = queries_for(client3, reverse("field:pairs"))
    for _ in range(8):
        pair = make_pair(worker3, make_household())
        pair.log_contact(on=TODAY(), how="visit", note="", by=worker3)
    assert queries_for(client3, reverse("field:pairs")) == few


def test_the_pair_list_keeps_one_order_across_pages(client3, worker3):
    pairs = [make_pair(worker3, make_household()) for _ in range(3)]
    listed = list(client3.get(reverse("field:pairs")).context["page"].object_list)
    assert [pair.pk for pair in listed] == sorted(pair.pk for pair in pairs)
