import uuid

from django.urls import reverse
from django.utils import timezone

from grid.models import ServiceRecord
from tests.grid.factories import make_household, queries_for


def record(user, household, way="proxy"):
    return ServiceRecord.objects.create(way=way, what="代缴城乡居民医疗保险", household=household, helper=user.person,
                                        recorded_by=user)


def test_a_worker_records_a_service_from_the_household(client3, worker3, household):
    client3.post(reverse("field:service_new", args=[household.pk]), {
        "way": "doorstep", "what": "上门办理养老认证", "done_on": timezone.localdate().isoformat(),
        "helper": worker3.person.pk, "token": str(uuid.uuid4())})
    assert ServiceRecord.objects.get().way == "doorstep"


def test_services_are_counted_per_way(client3, worker3, household):
    record(worker3, household, "proxy")
    record(worker3, household, "proxy")
    record(worker3, household, "accompany")
    response = client3.get(reverse("field:services"))
    assert [(str(label), n) for label, n in response.context["by_way"]] == [
        ("代理办", 2), ("领着办", 1), ("上门办", 0)]


def test_every_way_is_shown_in_the_articles_order_even_when_only_the_last_has_records(client3, worker3, household):
    record(worker3, household, "doorstep")
    page = client3.get(reverse("field:services")).content.decode()
    figures = [page.index(label) for label in ("代理办", "领着办", "上门办")]
    assert figures == sorted(figures)
    assert '<span class="figure">0</span> 代理办' in page


def test_with_no_records_every_way_shows_zero(client3, tree):
    by_way = client3.get(reverse("field:services")).context["by_way"]
    assert [n for _label, n in by_way] == [0, 0, 0]


def test_services_are_counted_per_grid(client3, worker3, household):
    record(worker3, household, "doorstep")
    rows = client3.get(reverse("field:services")).context["grid_rows"]
    assert rows["NJ-03"]["counts"]["doorstep"] == 1
    assert rows["NJ-03"]["total"] == 1


def test_a_service_in_the_future_is_refused(client3, worker3, household):
    client3.post(reverse("field:service_new", args=[household.pk]), {
        "way": "proxy", "what": "代办", "done_on": "2999-01-01", "helper": worker3.person.pk,
        "token": str(uuid.uuid4())})
    assert not ServiceRecord.objects.exists()


def test_the_service_list_runs_a_constant_number_of_queries(client3, worker3):
    record(worker3, make_household())
    few = queries_for(client3, reverse("field:services"))
    for way in ("proxy", "accompany", "doorstep") * 3:
        record(worker3, make_household(), way)
    assert queries_for(client3, reverse("field:services")) == few
