"""The claims half of a unit's scorecard (partners/lists/scorecard.py): claimed, delivered, verified, withdrawn,
each with its numerator and denominator and the filtered claims list behind each (whose count is the figure), and
the median days from claim to delivery. Shown to the branch and to the unit's own members only."""

import datetime
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from partners.lists.scorecard import claims_figures
from tests.factories import make_unit_member
from tests.partners.lists.factories import claimed, delivered, make_need, make_project, verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def record(tree, hospital, housing):
    """The hospital: one claim held, two delivered (one verified), one withdrawn; the housing bureau one claim."""
    claimed(make_need(title="甲"), hospital)
    delivered(make_need(title="乙"), hospital)
    verified(make_project(title="丙", lead_unit=housing), hospital)
    claimed(make_need(title="丁"), hospital).withdraw("人手不足", by=None)
    claimed(make_need(title="戊"), housing)
    return hospital


def count_behind(client, url):
    path, query = urlsplit(url).path, dict(parse_qsl(urlsplit(url).query))
    return client.get(path, query).context["page"].paginator.count


FIGURES = ("claimed", "delivered", "verified", "withdrawn")


def test_the_claims_figures_count_each_state(record):
    figures = claims_figures(record)
    assert [(figures[name].numerator, figures[name].denominator) for name in FIGURES] == [
        (3, 4), (2, 3), (1, 2), (1, 4)]


@pytest.mark.parametrize("name", FIGURES)
def test_each_numerator_is_the_count_of_its_drill_down(client, record, branch, name):
    rate = claims_figures(record)[name]
    client.force_login(branch)
    assert count_behind(client, rate.numerator_url) == rate.numerator


@pytest.mark.parametrize("name", FIGURES)
def test_each_denominator_is_the_count_of_its_drill_down(client, record, branch, name):
    rate = claims_figures(record)[name]
    client.force_login(branch)
    assert count_behind(client, rate.denominator_url) == rate.denominator


def test_the_units_member_gets_the_same_counts_behind_the_figures(client, record, hospital_member):
    rate = claims_figures(record)["delivered"]
    client.force_login(hospital_member)
    assert count_behind(client, rate.numerator_url) == rate.numerator


def test_the_median_counts_days_from_claim_to_delivery(tree, hospital):
    today = timezone.localdate()
    for days_taken in (2, 4, 9):
        claim = claimed(make_need(title=f"需求{days_taken}"), hospital)
        claim.claimed_at = timezone.now() - datetime.timedelta(days=days_taken)
        claim.save(update_fields=["claimed_at"])
        claim.deliver("已完成", by=None, on=today)
    assert claims_figures(hospital)["median_days"] == 4


def test_the_median_is_counted_over_the_delivered_claims(record):
    figures = claims_figures(record)
    assert figures["median_of"] == figures["delivered"].numerator


def test_no_delivery_means_no_median(tree, hospital):
    claimed(make_need(), hospital)
    assert claims_figures(hospital)["median_days"] is None


def test_the_scorecard_page_shows_the_claims_half(client, record, hospital_member):
    client.force_login(hospital_member)
    body = client.get(reverse("partners:scorecard", args=[record.pk])).content.decode()
    assert claims_figures(record)["verified"].numerator_url.replace("&", "&amp;") in body


def test_another_units_member_does_not_see_the_claims_half(client, record, housing):
    client.force_login(make_unit_member(housing))
    assert client.get(reverse("partners:scorecard", args=[record.pk])).status_code == 404


def test_the_claims_list_filters_the_delivered_ones(client, record, branch):
    client.force_login(branch)
    page = client.get(reverse("partners:claims"), {"unit": record.pk, "delivered": "yes"}).context["page"]
    assert sorted(claim.state for claim in page) == ["delivered", "verified"]


def test_the_claims_list_filters_the_not_yet_delivered_ones(client, record, branch):
    client.force_login(branch)
    page = client.get(reverse("partners:claims"), {"unit": record.pk, "delivered": "no"}).context["page"]
    assert sorted(claim.state for claim in page) == ["claimed", "withdrawn"]


