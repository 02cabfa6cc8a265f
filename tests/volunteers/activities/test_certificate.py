"""The volunteer-service certificate: the confirmed records, numbered per year without a gap or a repeat; the
figures: activities held this year and people benefited, each activity counted once."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from nanjie import signin_codes
from tests.volunteers.activities.factories import make_activity, make_volunteer
from volunteers.models import Activity, Certificate, SignUp

pytestmark = pytest.mark.django_db


def served(activity, volunteer, organiser):
    signup = SignUp.sign_up(activity, volunteer.person, by=volunteer, now=activity.starts.replace(day=1))
    code = signin_codes.current_code(activity.subject, activity.starts, activity.ends, activity.starts)
    signup.sign_in(code, by=volunteer, now=activity.starts)
    signup.confirm(by=organiser, now=activity.ends)
    return signup


@pytest.fixture
def volunteer_with_hours(tree, branch):
    volunteer = make_volunteer("volunteer")
    served(make_activity(organiser=branch.person), volunteer, branch)
    return volunteer


def test_a_certificate_lists_the_confirmed_records(volunteer_with_hours, branch):
    certificate = Certificate.issue(volunteer_with_hours.person, by=volunteer_with_hours)
    assert (certificate.records.count(), certificate.minutes) == (1, 120)


def test_certificates_are_numbered_in_turn(volunteer_with_hours):
    first = Certificate.issue(volunteer_with_hours.person, by=volunteer_with_hours)
    second = Certificate.issue(volunteer_with_hours.person, by=volunteer_with_hours)
    assert (second.serial - first.serial, first.number[:5]) == (1, "NJZY-")


def test_no_certificate_without_confirmed_hours(tree):
    volunteer = make_volunteer()
    with pytest.raises(ValidationError) as refusal:
        Certificate.issue(volunteer.person, by=volunteer)
    assert refusal.value.code == "no_hours"


def test_the_printed_certificate_shows_its_number_and_the_records(volunteer_with_hours, client):
    certificate = Certificate.issue(volunteer_with_hours.person, by=volunteer_with_hours)
    client.force_login(volunteer_with_hours)
    body = client.get(reverse("volunteers:certificate", args=[certificate.pk])).content.decode()
    assert certificate.number in body
    assert "志愿服务记录证明" in body


def test_someone_elses_certificate_is_a_404(volunteer_with_hours, client):
    certificate = Certificate.issue(volunteer_with_hours.person, by=volunteer_with_hours)
    client.force_login(make_volunteer())
    assert client.get(reverse("volunteers:certificate", args=[certificate.pk])).status_code == 404


def test_the_figures_count_each_activity_once(tree, branch):
    for count in (120, 80):
        activity = make_activity(organiser=branch.person)
        for _ in range(3):
            served(activity, make_volunteer(), branch)
        activity.record(count, "", by=branch, now=activity.ends)
    held = Activity.objects.held_in(make_activity().starts.year)
    assert (held.count(), held.people_benefited()) == (2, 200)
