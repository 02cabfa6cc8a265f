"""The pages: the public plan and past activities (no waiting list, volunteers named only masked and only when they
allowed it), a new activity (across midnight, refusals on the form), the plan's publish refusal, sign-up messages,
POST-only actions, the same number of queries at two sizes."""

import datetime
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_branch_admin
from tests.volunteers.activities.factories import make_activity, make_published_plan, make_volunteer
from volunteers.models import Activity, ActivityDay, SignUp

pytestmark = pytest.mark.django_db


def held(branch, volunteers=1, show_name=True, beneficiaries=50):
    activity = make_activity(organiser=branch.person, on=timezone.localdate() - datetime.timedelta(days=3))
    for _ in range(volunteers):
        volunteer = make_volunteer()
        signup = SignUp.sign_up(activity, volunteer.person, by=volunteer, show_name=show_name,
                                now=activity.starts - datetime.timedelta(days=1))
        signup.enter_late(60, "忘记签到", by=branch, now=activity.ends)
        signup.approve_late(by=second_branch_admin(), now=activity.ends)
    activity.record(beneficiaries, "", by=branch, now=activity.ends)
    return activity


def second_branch_admin():
    return make_branch_admin()


def test_the_public_plan_shows_the_items_but_not_the_waiting_list(client, tree, branch):
    _plan, item = make_published_plan(branch, capacity=1)
    first, second = make_volunteer(), make_volunteer()
    SignUp.sign_up(item, first.person, by=first)
    SignUp.sign_up(item, second.person, by=second)
    body = client.get(reverse("volunteers:activity_day")).content.decode()
    assert item.title in body
    assert second.person.name not in body
    assert "候补" not in body


def test_the_public_plan_says_the_day_moved_off_the_holiday(client, tree, branch):
    make_published_plan(branch, month=datetime.date(2026, 10, 1))
    body = client.get(reverse("volunteers:activity_day") + "?month=2026-10").content.decode()
    assert "10月8日" in body
    assert "国庆节" in body


def test_past_activities_show_a_volunteer_masked_when_they_allowed_it(client, tree, branch):
    activity = held(branch)
    name = activity.signups.get().person.name
    body = client.get(reverse("volunteers:past_activities")).content.decode()
    assert name not in body
    assert f"{name[0]}**" in body


def test_past_activities_leave_out_who_did_not_allow_it(client, tree, branch):
    activity = held(branch, show_name=False)
    name = activity.signups.get().person.name
    assert f"{name[0]}**" not in client.get(reverse("volunteers:past_activities")).content.decode()


def test_past_activities_count_the_people_benefited_once_per_activity(client, tree, branch):
    held(branch, volunteers=3, beneficiaries=120)
    assert "受益群众120人" in client.get(reverse("volunteers:past_activities")).content.decode()


def new_activity(client, **fields):
    data = {"title": "夜间巡河", "grids": [], "capacity": "4", "on": "2026-12-20", "starts_at": "20:00",
            "ends_at": "00:30", "place": "栋川河", "token": str(uuid.uuid4()), **fields}
    return client.post(reverse("volunteers:activity_new"), data)


def test_a_grid_worker_adds_an_activity_ending_after_midnight(client, tree, worker):
    from grid.models import GridNode

    client.force_login(worker)
    new_activity(client, grids=[GridNode.objects.get(code="NJ-01").pk])
    activity = Activity.objects.get()
    assert timezone.localtime(activity.ends) == timezone.make_aware(datetime.datetime(2026, 12, 21, 0, 30))


def test_a_grid_worker_cannot_add_an_activity_for_another_grid(client, tree, worker):
    from grid.models import GridNode

    client.force_login(worker)
    response = new_activity(client, grids=[GridNode.objects.get(code="NJ-02").pk])
    assert (response.status_code, Activity.objects.count()) == (400, 0)


def test_an_activity_without_a_grid_is_refused_with_a_message(client, tree, branch):
    client.force_login(branch)
    response = new_activity(client)
    assert (response.status_code, "请至少选择一个服务的网格" in response.content.decode()) == (400, True)


def test_publishing_too_early_says_which_grid_is_missing(client, tree, branch):
    plan = ActivityDay.for_month(datetime.date(2026, 12, 1))
    make_activity(grids=("NJ-01",), plan=plan)
    client.force_login(branch)
    response = client.post(reverse("volunteers:plan_publish", args=[plan.pk]), follow=True)
    assert "第2网格" in response.content.decode()
    assert ActivityDay.objects.get().state == "draft"


def test_the_publish_button_is_post_only(client, tree, branch):
    client.force_login(branch)
    plan = ActivityDay.for_month(datetime.date(2026, 12, 1))
    assert client.get(reverse("volunteers:plan_publish", args=[plan.pk])).status_code == 405


def test_a_volunteer_on_the_waiting_list_is_told_so(client, tree):
    activity, first, second = make_activity(capacity=1), make_volunteer(), make_volunteer()
    SignUp.sign_up(activity, first.person, by=first)
    client.force_login(second)
    response = client.post(reverse("volunteers:activity_signup", args=[activity.pk]), follow=True)
    assert "候补名单" in response.content.decode()


def test_a_login_without_a_person_cannot_sign_up(client, tree):
    from tests.factories import make_user

    client.force_login(make_user())
    assert client.post(reverse("volunteers:activity_signup", args=[make_activity().pk])).status_code == 403


def test_a_volunteer_sees_no_roster_and_no_code(client, tree, branch):
    activity = make_activity(organiser=branch.person, starts=timezone.now() + datetime.timedelta(minutes=5),
                             ends=timezone.now() + datetime.timedelta(hours=1))
    other = make_volunteer()
    SignUp.sign_up(activity, other.person, by=other)
    client.force_login(make_volunteer())
    body = client.get(reverse("volunteers:activity", args=[activity.pk])).content.decode()
    assert other.person.name not in body
    assert "signin-code" not in body


def queries_of(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_activity_list_takes_the_same_queries_at_two_sizes(client, tree, branch):
    client.force_login(branch)
    make_activity()
    small = queries_of(client, reverse("volunteers:activities"))
    for _ in range(5):
        make_activity(grids=("NJ-01", "NJ-02"))
    assert queries_of(client, reverse("volunteers:activities")) == small


def test_the_past_activities_take_the_same_queries_at_two_sizes(client, tree, branch):
    held(branch)
    small = queries_of(client, reverse("volunteers:past_activities"))
    for _ in range(3):
        held(branch, volunteers=2)
    assert queries_of(client, reverse("volunteers:past_activities")) == small


def test_the_organisers_page_takes_the_same_queries_at_two_roster_sizes(client, tree, branch):
    activity = make_activity(organiser=branch.person, capacity=20)
    SignUp.sign_up(activity, make_volunteer().person, by=branch)
    client.force_login(branch)
    url = reverse("volunteers:activity", args=[activity.pk])
    small = queries_of(client, url)
    for _ in range(6):
        SignUp.sign_up(activity, make_volunteer().person, by=branch)
    assert queries_of(client, url) == small


def test_the_organiser_signs_up_a_volunteer_despite_a_clash(client, tree, branch):
    from tests.volunteers.activities.factories import make_team
    from volunteers.models import TeamMember

    volunteer, first = make_volunteer(), make_activity()
    TeamMember.objects.create(team=make_team("red"), person=volunteer.person)
    SignUp.sign_up(first, volunteer.person, by=volunteer)
    overlapping = make_activity(starts=first.starts, ends=first.ends, organiser=branch.person)
    client.force_login(branch)
    client.post(reverse("volunteers:activity_add_volunteer", args=[overlapping.pk]),
                {"person": volunteer.person.pk, "allow_clash": "on"})
    assert SignUp.objects.get(activity=overlapping).clash_allowed_by == branch


def test_a_volunteer_cannot_sign_others_up(client, tree):
    activity, volunteer = make_activity(), make_volunteer()
    client.force_login(volunteer)
    response = client.post(reverse("volunteers:activity_add_volunteer", args=[activity.pk]),
                           {"person": volunteer.person.pk})
    assert (response.status_code, SignUp.objects.count()) == (403, 0)


def test_a_grid_worker_sees_the_draft_items_of_their_grid_only(tree, worker):
    plan = ActivityDay.for_month(datetime.date(2026, 12, 1))
    ours, theirs = make_activity(grids=("NJ-01",), plan=plan), make_activity(grids=("NJ-02",), plan=plan)
    assert list(Activity.objects.visible_to(worker)) == [ours]
    assert theirs.pk


def test_the_home_page_asks_a_second_person_to_approve_a_late_entry(client, tree, branch, worker):
    activity = make_activity(organiser=branch.person, on=timezone.localdate() - datetime.timedelta(days=1))
    volunteer = make_volunteer()
    signup = SignUp.sign_up(activity, volunteer.person, by=volunteer, now=activity.starts - datetime.timedelta(1))
    signup.enter_late(90, "手机没电", by=branch, now=activity.ends)
    client.force_login(make_branch_admin())
    assert "手机没电" in client.get(reverse("me")).content.decode()


def test_the_one_who_entered_it_is_not_asked(client, tree, branch):
    activity = make_activity(organiser=branch.person, on=timezone.localdate() - datetime.timedelta(days=1))
    volunteer = make_volunteer()
    signup = SignUp.sign_up(activity, volunteer.person, by=volunteer, now=activity.starts - datetime.timedelta(1))
    signup.enter_late(90, "手机没电", by=branch, now=activity.ends)
    client.force_login(branch)
    assert "手机没电" not in client.get(reverse("me")).content.decode()


def test_a_leader_claiming_a_taken_item_is_told_it_is_taken(client, tree, branch):
    from tests.volunteers.activities.factories import make_team

    _plan, item = make_published_plan(branch)
    item.claim(make_team("green"), by=branch)
    leader = make_volunteer()
    team = make_team("red", leader=leader)
    client.force_login(leader)
    response = client.post(reverse("volunteers:activity_claim", args=[item.pk]), {"team": team.pk}, follow=True)
    assert "已被其他服务队认领" in response.content.decode()
