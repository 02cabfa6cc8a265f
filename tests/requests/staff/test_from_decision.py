"""The requests app's part of the joint meeting: it proposes the overdue requests for the agenda, and a decision
can dispatch a request to its unit (ordered and dispatched at once, linked to the decision)."""

import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from grid.models import GridNode
from partners.models import Meeting
from requests.models import Request
from tests.factories import make_category, make_unit_member
from tests.partners.meeting import fixtures
from tests.partners.meeting.fixtures import days, make_decision

# The joint meeting's personas (tests/partners/meeting/fixtures.py)
tree, chairman, members, hospital, meeting = (fixtures.tree, fixtures.chairman, fixtures.members, fixtures.hospital,
                                              fixtures.meeting)

pytestmark = pytest.mark.django_db


@pytest.fixture
def category(db):
    return make_category(code="env", name="环境卫生")


@pytest.fixture
def overdue_request(tree, category, hospital, chairman):
    wish = Request.order(category=category, text="楼道灯坏了", micro_grid=GridNode.objects.get(code="NJ-01-01"),
                         channel=Request.Channel.ONLINE, resident_name="李春华")
    then = timezone.now() - datetime.timedelta(days=10)
    wish.dispatch(hospital, timezone.now() - datetime.timedelta(days=1), by=chairman, at=then)
    return wish


def test_an_overdue_request_is_proposed_for_the_agenda(overdue_request, meeting, chairman):
    meeting.build_agenda(by=chairman)
    assert meeting.items.get(key=f"request:{overdue_request.reference}").source == "requests.overdue"


def test_the_proposed_item_never_names_the_resident(overdue_request, meeting, chairman):
    meeting.build_agenda(by=chairman)
    assert "李" not in meeting.items.get().title


def test_the_proposed_item_links_the_request(overdue_request, meeting, chairman):
    meeting.build_agenda(by=chairman)
    assert meeting.items.get().link == reverse("requests:detail", args=[overdue_request.reference])


def test_a_request_overdue_only_after_the_meeting_is_not_proposed(overdue_request, members, chairman):
    earlier = Meeting.plan(held_on=days(-20), place="中心", by=chairman)
    earlier.build_agenda(by=chairman)
    assert not earlier.items.exists()


@pytest.fixture
def decision(meeting, hospital, chairman):
    return make_decision(meeting, hospital, by=chairman)


def _post(client, decision, **data):
    data = {"category": data.pop("category"), "micro_grid": GridNode.objects.get(code="NJ-01-01").pk,
            "text": "更换楼道灯", "deadline": days(7).isoformat(), "idempotency_key": str(uuid.uuid4()), **data}
    return client.post(reverse("requests:from_decision", args=[decision.pk]), data)


def test_a_decision_dispatches_a_request_to_its_unit(client, decision, category, chairman, hospital):
    client.force_login(chairman)
    _post(client, decision, category=category.pk)
    wish = Request.objects.get(decision=decision)
    assert wish.state == "dispatched"
    assert wish.unit == hospital


def test_a_past_deadline_dispatches_nothing(client, decision, category, chairman):
    client.force_login(chairman)
    response = _post(client, decision, category=category.pk, deadline=days(-1).isoformat())
    assert response.status_code == 400
    assert not Request.objects.exists()


def test_a_done_decision_dispatches_nothing(client, decision, category, chairman):
    decision.mark_done("已完成", by=chairman)
    client.force_login(chairman)
    _post(client, decision, category=category.pk)
    assert not Request.objects.exists()


def test_a_unit_member_may_not_dispatch_from_a_decision(client, decision, category, hospital):
    client.force_login(make_unit_member(hospital))
    assert _post(client, decision, category=category.pk).status_code == 403


def test_the_meeting_page_offers_the_dispatch(client, decision, chairman):
    client.force_login(chairman)
    page = client.get(reverse("partners:meeting", args=[decision.item.meeting_id])).content.decode()
    assert reverse("requests:from_decision", args=[decision.pk]) in page
