"""Mobile party members: the register's rules, the tutors' contacts, 30 days without contact flagged on /me/."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from grid.models import Person
from tests.factories import make_grid_worker
from tests.volunteers.study.factories import make_mobile, make_party_member
from volunteers.models import MobileMember

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


@pytest.fixture
def tutor(tree):
    return make_grid_worker("NJ-01", "tutor1")


@pytest.fixture
def member(tutor):
    return make_mobile(tutor.person)


def test_only_a_party_member_is_registered(tutor):
    with pytest.raises(ValidationError) as error:
        make_mobile(tutor.person, person=make_party_member(political_status=Person.PoliticalStatus.MASSES))
    assert error.value.error_dict["person"][0].code == "not_party_member"


def test_a_member_is_not_their_own_tutor(tutor):
    person = make_party_member()
    with pytest.raises(ValidationError) as error:
        make_mobile(person, person=person)
    assert error.value.error_dict["tutor"][0].code == "own_tutor"


def test_the_tutor_logs_a_contact(member, tutor):
    member.log_contact(on=TODAY(), how="phone", studied="学习党章", by=tutor)
    assert member.contacts.get().studied == "学习党章"


def test_someone_else_may_not_log_a_contact(member, tree):
    other = make_grid_worker("NJ-01", "other1")
    with pytest.raises(ValidationError) as error:
        member.log_contact(on=TODAY(), how="phone", studied="学习党章", by=other)
    assert error.value.code == "not_tutor"


def test_a_contact_in_the_future_is_refused(member, tutor):
    with pytest.raises(ValidationError) as error:
        member.log_contact(on=TODAY() + datetime.timedelta(days=1), how="phone", studied="学习", by=tutor)
    assert error.value.code == "future"


def test_a_contact_without_what_was_studied_is_refused(member, tutor):
    with pytest.raises(ValidationError) as error:
        member.log_contact(on=TODAY(), how="phone", studied="  ", by=tutor)
    assert (error.value.code, member.contacts.count()) == ("no_studied", 0)


def test_thirty_days_without_contact_is_overdue(member, tutor):
    member.log_contact(on=TODAY() - datetime.timedelta(days=30), how="phone", studied="学习", by=tutor)
    assert list(MobileMember.objects.overdue()) == [member]


def test_twenty_nine_days_is_not_overdue(member, tutor):
    member.log_contact(on=TODAY() - datetime.timedelta(days=29), how="phone", studied="学习", by=tutor)
    assert not MobileMember.objects.overdue().exists()


def test_a_member_never_contacted_is_overdue_thirty_days_after_leaving(member):
    assert MobileMember.objects.overdue().exists()


def test_a_member_back_home_is_not_flagged(member):
    MobileMember.objects.filter(pk=member.pk).update(returned_on=TODAY())
    assert not MobileMember.objects.overdue().exists()


def test_the_tutor_s_me_shows_the_overdue_member(client, member, tutor):
    client.force_login(tutor)
    assert member.person.name in client.get(reverse("me")).content.decode()


def test_the_branch_s_me_shows_the_overdue_member(client, member, branch):
    client.force_login(branch)
    assert member.person.name in client.get(reverse("me")).content.decode()


def test_another_worker_s_me_does_not(client, member, tree):
    client.force_login(make_grid_worker("NJ-01", "other2"))
    assert member.person.name not in client.get(reverse("me")).content.decode()


def test_the_tutor_sees_where_they_work_and_the_phone(client, member, tutor):
    client.force_login(tutor)
    page = client.get(reverse("volunteers:mobile_member", args=[member.pk])).content.decode()
    assert "昆明市" in page
    assert "13912345678" in page


def test_a_worker_of_the_home_grid_sees_them_masked(client, member, tree):
    client.force_login(make_grid_worker("NJ-01", "other3"))
    page = client.get(reverse("volunteers:mobile_member", args=[member.pk])).content.decode()
    assert "昆明市" not in page
    assert "13912345678" not in page
    assert "139****5678" in page


def test_the_register_masks_them_for_a_worker_too(client, member, tree):
    client.force_login(make_grid_worker("NJ-01", "other4"))
    page = client.get(reverse("volunteers:mobile_members")).content.decode()
    assert member.person.name in page
    assert "昆明市" not in page


def test_a_worker_of_another_grid_gets_a_404(client, member, tree):
    client.force_login(make_grid_worker("NJ-02", "other5"))
    assert client.get(reverse("volunteers:mobile_member", args=[member.pk])).status_code == 404


def test_the_tutor_logs_a_contact_on_the_page(client, member, tutor):
    client.force_login(tutor)
    page = client.get(reverse("volunteers:mobile_member", args=[member.pk]))
    token = page.context["form"].initial["token"]
    client.post(reverse("volunteers:mobile_contact", args=[member.pk]), {
        "on": TODAY().isoformat(), "how": "video", "studied": "学习全会精神", "token": token})
    assert member.contacts.get().how == "video"


def test_a_double_tap_logs_one_contact(client, member, tutor):
    client.force_login(tutor)
    data = {"on": TODAY().isoformat(), "how": "video", "studied": "学习",
            "token": "0b4f5d2e-0b1a-4c1f-9f7e-8a0b6f1c2d3e"}
    for _ in range(2):
        client.post(reverse("volunteers:mobile_contact", args=[member.pk]), data)
    assert member.contacts.count() == 1


def test_a_worker_who_is_not_the_tutor_is_told_in_chinese(client, member, tree):
    client.force_login(make_grid_worker("NJ-01", "other6"))
    response = client.post(reverse("volunteers:mobile_contact", args=[member.pk]), {
        "on": TODAY().isoformat(), "how": "video", "studied": "学习", "token": "1b4f5d2e-0b1a-4c1f-9f7e-8a0b6f1c2d3e"},
        HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert (response.status_code, member.contacts.count()) == (400, 0)


def test_a_get_on_the_contact_route_is_a_405(client, member, tutor):
    client.force_login(tutor)
    assert client.get(reverse("volunteers:mobile_contact", args=[member.pk])).status_code == 405


def test_a_member_who_came_back_is_back_on_the_roster(member, branch):
    from volunteers.study.models import branch_members

    member.came_back(on=TODAY(), by=branch)
    assert branch_members().filter(pk=member.person_id).exists()


def test_coming_back_twice_is_refused(member, branch):
    member.came_back(on=TODAY(), by=branch)
    with pytest.raises(ValidationError) as error:
        member.came_back(on=TODAY(), by=branch)
    assert error.value.code == "returned"


def test_coming_back_is_kept_in_the_history_with_who(member, branch):
    member.came_back(on=TODAY(), by=branch)
    assert member.history.first().history_user == branch


def test_the_branch_records_the_return_on_the_page(client, member, branch):
    client.force_login(branch)
    client.post(reverse("volunteers:mobile_came_back", args=[member.pk]), {"on": TODAY().isoformat()})
    member.refresh_from_db()
    assert member.returned_on == TODAY()


def test_a_tutor_may_not_record_the_return(client, member, tutor):
    client.force_login(tutor)
    response = client.post(reverse("volunteers:mobile_came_back", args=[member.pk]), {"on": TODAY().isoformat()})
    assert (response.status_code, MobileMember.objects.get(pk=member.pk).returned_on) == (403, None)
