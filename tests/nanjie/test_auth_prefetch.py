"""nanjie/auth_prefetch.py: a staff request's user, person, groups and permissions in two queries (with the
session, three instead of six), the same answers as Django's, and nothing kept from one request to the next."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from nanjie.roles import BRANCH_ADMIN, JOINT_MEETING
from tests.factories import make_person, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.nanjie.auth_probe_urls")]
DJANGO = "django.contrib.auth.middleware.AuthenticationMiddleware"
OURS = "nanjie.auth_prefetch.PrefetchingAuthenticationMiddleware"


@pytest.fixture
def member(client):
    user = make_user("meeting9", roles=[JOINT_MEETING], person=make_person(name="李文"))
    user.user_permissions.add(Permission.objects.get(codename="view_unit"))
    client.force_login(user)
    return user


def probe(client):
    return client.get("/probe/").json()


def test_the_session_the_user_with_their_person_and_their_permissions_are_three_queries(
        client, member, django_assert_num_queries):
    with django_assert_num_queries(3):
        probe(client)


def test_djangos_own_middleware_took_six(member, settings, django_assert_num_queries):
    theirs = djangos_client(settings, member)
    with django_assert_num_queries(6):
        probe(theirs)


def djangos_client(settings, user):
    """A new client (a client keeps the middleware it first loaded) with Django's AuthenticationMiddleware."""
    settings.MIDDLEWARE = [DJANGO if name == OURS else name for name in settings.MIDDLEWARE]
    client = Client()
    client.force_login(user)
    return client


def test_the_answers_are_djangos(client, member, settings):
    ours = probe(client)
    theirs = djangos_client(settings, member)
    assert ours == probe(theirs)


def test_own_and_group_permissions_and_the_roles_are_all_there(client, member):
    answer = probe(client)
    assert {"partners.view_unit", "requests.dispatch_request"} <= set(answer["perms"])
    assert answer["own"] == ["partners.view_unit"]
    assert answer["roles"] == [JOINT_MEETING]
    assert answer["person"] == "李文"


def test_a_group_given_counts_from_the_next_request(client, member):
    assert BRANCH_ADMIN not in probe(client)["roles"]
    member.groups.add(Group.objects.get(name=BRANCH_ADMIN))
    assert BRANCH_ADMIN in probe(client)["roles"]


def test_a_permission_taken_from_the_group_is_gone_in_the_next_request(client, member):
    assert probe(client)["may_dispatch"]
    Group.objects.get(name=JOINT_MEETING).permissions.remove(Permission.objects.get(codename="dispatch_request"))
    assert not probe(client)["may_dispatch"]


def test_a_superuser_has_every_permission(client, django_assert_num_queries):
    client.force_login(make_user("root1", is_superuser=True))
    assert len(probe(client)["perms"]) == Permission.objects.count()


def test_a_login_without_a_person_has_none_and_no_query_for_it(client, django_assert_num_queries):
    client.force_login(make_user("noperson", roles=[JOINT_MEETING]))
    with django_assert_num_queries(3):
        assert probe(client)["person"] is None


def test_a_deactivated_login_is_anonymous_at_once(client, member):
    member.is_active = False
    member.save(update_fields=["is_active"])
    assert not probe(client)["authenticated"]


def test_a_changed_password_ends_the_other_sessions(client, member):
    member.set_password("another-horse-battery")
    member.save(update_fields=["password"])
    assert not probe(client)["authenticated"]
    assert not Session.objects.exists()  # flushed, as Django does


def test_an_anonymous_visitor_costs_no_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert not probe(client)["authenticated"]


@pytest.mark.urls("nanjie.urls")
def test_a_staff_queue_page_costs_three_queries_fewer_than_with_djangos_middleware(client, member, settings):
    def count(client):
        client.get("/requests/queue/dispatch/")  # warm: the first request fills per-process caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/requests/queue/dispatch/").status_code == 200
        return len(queries)

    ours = count(client)
    assert count(djangos_client(settings, member)) == ours + 3
