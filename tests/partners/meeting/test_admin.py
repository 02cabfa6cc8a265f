"""The meeting's admin keeps the pages' rules: confirmed minutes are read-only there too; decisions and their
changes are only read."""

import pytest
from django.urls import reverse

from partners.models import Decision, Meeting
from tests.factories import make_user
from tests.partners.meeting.fixtures import make_decision


@pytest.fixture
def confirmed(meeting, members, chairman):
    meeting.record_attendance([members[0].pk], by=chairman)
    meeting.write_minutes("纪要", by=chairman)
    meeting.confirm_minutes(by=chairman)
    return meeting


@pytest.fixture
def superuser(db):
    return make_user("root", is_staff=True, is_superuser=True)


def test_confirmed_minutes_are_read_only_in_admin(client, confirmed, superuser):
    client.force_login(superuser)
    client.post(reverse("admin:partners_meeting_change", args=[confirmed.pk]),
                {"minutes": "改了", "held_on": "2020-01-01", "place": "别处"})
    assert Meeting.objects.get(pk=confirmed.pk).minutes == "纪要"


def test_the_branch_opens_the_meetings_in_admin(client, meeting, branch):
    client.force_login(branch)
    assert client.get(reverse("admin:partners_meeting_changelist")).status_code == 200


def test_a_decision_cannot_be_added_in_admin(client, meeting, hospital, chairman, superuser):
    make_decision(meeting, hospital, by=chairman)
    client.force_login(superuser)
    assert client.get(reverse("admin:partners_decision_add")).status_code == 403


def test_a_decisions_state_is_not_changed_in_admin(client, meeting, hospital, chairman, superuser):
    decision = make_decision(meeting, hospital, by=chairman)
    client.force_login(superuser)
    client.post(reverse("admin:partners_decision_change", args=[decision.pk]), {"state": "done"})
    assert Decision.objects.get(pk=decision.pk).state == "open"
