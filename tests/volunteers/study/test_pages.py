"""The study pages: planning, the code, ticks, sign-in on the member's phone, closing, the misses, the file, and
query counts that do not grow with the rows."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from nanjie import signin_codes
from tests.factories import make_grid_worker, make_user
from tests.volunteers.factories import make_position, make_station
from tests.volunteers.study.factories import make_mobile, make_party_member, make_study
from volunteers.models import StudyAttendance, StudySession

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(branch):
    return make_study(branch)


@pytest.fixture
def member_login(tree):
    return make_user("member1", person=make_party_member(name="王学习"))


def plan_data(position, organiser, **changes):
    day = timezone.localdate() + datetime.timedelta(days=3)
    data = {"kind": "secretary_led", "topic": "学习全会精神", "position": position.pk, "day": day.isoformat(),
            "starts": "14:30", "ends": "16:00", "organiser": organiser.pk, "materials": "原文选读",
            "token": "2b4f5d2e-0b1a-4c1f-9f7e-8a0b6f1c2d3e"}
    return {**data, **changes}


def test_the_branch_plans_a_session(client, branch):
    client.force_login(branch)
    client.post(reverse("volunteers:study_new"), plan_data(make_position(), make_party_member()))
    assert StudySession.objects.get().topic == "学习全会精神"


def test_an_end_before_the_start_is_refused_on_the_form(client, branch):
    client.force_login(branch)
    response = client.post(reverse("volunteers:study_new"), plan_data(make_position(), make_party_member(),
                                                                      ends="13:00"))
    assert (response.status_code, StudySession.objects.count()) == (400, 0)


def test_a_file_of_the_wrong_kind_is_refused(client, branch):
    client.force_login(branch)
    upload = SimpleUploadedFile("evil.exe", b"MZ...", content_type="application/octet-stream")
    response = client.post(reverse("volunteers:study_new"), {
        **plan_data(make_position(), make_party_member()), "materials_file": upload})
    assert (response.status_code, StudySession.objects.count()) == (400, 0)


def test_the_materials_file_is_downloaded_through_the_view(client, branch):
    client.force_login(branch)
    upload = SimpleUploadedFile("材料.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    client.post(reverse("volunteers:study_new"), {**plan_data(make_position(), make_party_member()),
                                                  "materials_file": upload})
    response = client.get(reverse("volunteers:study_file", args=[StudySession.objects.get().pk]))
    assert (response.status_code, b"".join(response.streaming_content)) == (200, b"%PDF-1.4 test")


def test_a_worker_plans_only_at_the_stations_of_their_grid(client, tree):
    worker = make_grid_worker("NJ-01", "worker_plan")
    client.force_login(worker)
    theirs = make_station("NJ-02-01")
    response = client.post(reverse("volunteers:study_new"), plan_data(theirs, make_party_member()))
    assert (response.status_code, StudySession.objects.count()) == (400, 0)


def test_the_organiser_sees_the_code_while_it_is_on(client, branch, session):
    client.force_login(branch)
    page = client.get(reverse("volunteers:study_session", args=[session.pk])).content.decode()
    assert session.code() in page


def test_the_organiser_ticks_on_the_page(client, branch, session):
    person = make_party_member()
    client.force_login(branch)
    client.post(reverse("volunteers:study_tick", args=[session.pk]), {"people": [person.pk]})
    assert session.attendances.get(person=person).how == "ticked"


def test_ticking_someone_off_the_roster_is_refused(client, branch, session):
    client.force_login(branch)
    masses = make_party_member(political_status="masses")
    response = client.post(reverse("volunteers:study_tick", args=[session.pk]), {"people": [masses.pk]})
    assert (response.status_code, session.attendances.count()) == (400, 0)


def test_a_member_signs_in_on_their_phone(client, member_login, session):
    client.force_login(member_login)
    code = signin_codes.current_code(session.subject, session.starts_at, session.ends_at)
    client.post(reverse("volunteers:study_sign_in", args=[session.pk]), {"code": code})
    assert session.attendances.get(person=member_login.person).how == "code"


def test_a_wrong_code_on_the_phone_says_so_and_saves_nothing(client, member_login, session):
    client.force_login(member_login)
    response = client.post(reverse("volunteers:study_sign_in", args=[session.pk]), {"code": "12"}, follow=True,
                           HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert ("验证码" in response.content.decode() or "签到码" in response.content.decode(),
            session.attendances.count()) == (True, 0)


def test_my_study_lists_the_session_on_now(client, member_login, session):
    client.force_login(member_login)
    assert session.topic in client.get(reverse("volunteers:my_study")).content.decode()


def test_a_session_not_on_is_a_404_to_sign_in_to(client, member_login, branch):
    later = make_study(branch, starts_at=timezone.now() + datetime.timedelta(days=2))
    client.force_login(member_login)
    assert client.post(reverse("volunteers:study_sign_in", args=[later.pk]), {"code": "123456"}).status_code == 404


def test_closing_on_the_page_lists_the_misses(client, branch, session, member_login):
    client.force_login(branch)
    client.post(reverse("volunteers:study_close", args=[session.pk]))
    page = client.get(reverse("volunteers:study_missed")).content.decode()
    assert "王学习" in page


def test_closing_twice_says_it_is_closed(client, branch, session):
    client.force_login(branch)
    client.post(reverse("volunteers:study_close", args=[session.pk]))
    response = client.post(reverse("volunteers:study_close", args=[session.pk]), follow=True)
    assert list(response.context["messages"])[-1].level_tag == "error"


def test_a_get_on_close_is_a_405(client, branch, session):
    client.force_login(branch)
    assert client.get(reverse("volunteers:study_close", args=[session.pk])).status_code == 405


def test_a_joint_meeting_member_reads_but_does_not_close(client, session):
    from tests.factories import make_chairman

    client.force_login(make_chairman("chair1"))
    response = client.post(reverse("volunteers:study_close", args=[session.pk]))
    assert (response.status_code, StudySession.objects.get(pk=session.pk).state) == (403, "planned")


def test_a_worker_of_another_grid_gets_a_404_for_a_station_session(client, branch, tree):
    theirs = make_study(branch, position=make_station("NJ-02-01"))
    client.force_login(make_grid_worker("NJ-01", "worker_far"))
    assert client.get(reverse("volunteers:study_session", args=[theirs.pk])).status_code == 404


def test_the_worker_of_the_station_s_grid_sees_it(client, branch, tree):
    ours = make_study(branch, position=make_station("NJ-01-01"))
    client.force_login(make_grid_worker("NJ-01", "worker_near"))
    assert client.get(reverse("volunteers:study_session", args=[ours.pk])).status_code == 200


def test_cancelling_on_the_page_without_a_reason_keeps_it_planned(client, branch, session):
    client.force_login(branch)
    response = client.post(reverse("volunteers:study_cancel", args=[session.pk]), {"reason": ""})
    assert (response.status_code, StudySession.objects.get(pk=session.pk).state) == (400, "planned")


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _grow(branch, sessions):
    """Held sessions, each with two members ticked and one more member on the roster who missed it."""
    for _ in range(sessions):
        make_party_member()
        held = make_study(branch, starts_at=timezone.now() - datetime.timedelta(days=3))
        held.tick([make_party_member(), make_party_member()], by=branch, now=held.ends_at)
        held.close(by=branch, now=held.ends_at)


@pytest.mark.parametrize("url_name", ["volunteers:study_sessions", "volunteers:study_missed", "volunteers:my_study"])
def test_the_lists_take_the_same_queries_at_two_sizes(client, branch, url_name):
    client.force_login(branch)
    _grow(branch, 1)
    url = reverse(url_name)
    client.get(url)
    small = _count(client, url)
    _grow(branch, 4)
    assert _count(client, url) == small


def test_the_register_takes_the_same_queries_at_two_sizes(client, branch, tree):
    client.force_login(branch)
    make_mobile(make_party_member())
    url = reverse("volunteers:mobile_members")
    client.get(url)
    small = _count(client, url)
    for _ in range(4):
        make_mobile(make_party_member())
    assert _count(client, url) == small


def test_a_session_page_takes_the_same_queries_with_more_attendance(client, branch, session):
    client.force_login(branch)
    session.tick([make_party_member()], by=branch)
    url = reverse("volunteers:study_session", args=[session.pk])
    client.get(url)
    small = _count(client, url)
    session.tick([make_party_member() for _ in range(6)], by=branch)
    assert _count(client, url) == small


def test_attendance_rows_are_one_per_member_in_the_database(session, branch):
    from django.db import IntegrityError, transaction

    person = make_party_member()
    StudyAttendance.objects.create(session=session, person=person, present=True, how="ticked", recorded_by=branch)
    with pytest.raises(IntegrityError), transaction.atomic():
        StudyAttendance.objects.create(session=session, person=person, present=True, how="code", recorded_by=branch)
