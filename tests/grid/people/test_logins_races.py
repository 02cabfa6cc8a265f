"""Logins raced on PostgreSQL, real threads, one connection each: eight managers creating the same login name for
eight people at once (exactly one wins, the others are told in Chinese), and eight for the same person."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from grid.models import LoginChange, Person
from grid.people.logins.models import create_login
from tests.conftest import requires_postgres
from tests.factories import make_branch_admin, make_person, make_tree
from tests.races import together

pytestmark = [requires_postgres, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
ACTORS = 8


@pytest.fixture
def branch(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    make_tree(grids=1, micro_per_grid=1)
    return make_branch_admin("race_branch")


def test_of_eight_creators_of_one_login_name_exactly_one_wins(branch):
    people = [make_person() for _ in range(ACTORS)]
    results, refused = together([lambda person=person: create_login(person, "zhangsan", [], by=branch)
                                 for person in people])
    assert len(results) == 1
    assert refused == ["taken"] * (ACTORS - 1)


def test_the_raced_login_name_belongs_to_one_person_with_one_change_row(branch):
    people = [make_person() for _ in range(ACTORS)]
    together([lambda person=person: create_login(person, "zhangsan", [], by=branch) for person in people])
    assert Person.objects.filter(user__username="zhangsan").count() == 1
    assert LoginChange.objects.count() == 1


def test_of_eight_logins_for_one_person_exactly_one_is_made(branch):
    person = make_person()
    results, refused = together([lambda number=number: create_login(person, f"li{number}", [], by=branch)
                                 for number in range(ACTORS)])
    assert len(results) == 1
    assert get_user_model().objects.filter(username__startswith="li").count() == 1


def test_the_losers_on_the_page_are_told_in_chinese(branch):
    people = [make_person() for _ in range(ACTORS)]
    clients = []
    for _ in people:
        client = Client()
        client.force_login(branch)
        clients.append(client)
    results, _refused = together([
        lambda client=client, person=person: client.post(reverse("logins:create", args=[person.pk]),
                                                        {"username": "wangwu"})
        for client, person in zip(clients, people, strict=True)])
    losers = [response for response in results if response.status_code == 400]
    assert sorted(response.status_code for response in results) == [302] + [400] * (ACTORS - 1)
    assert all("登录名 wangwu 已被使用" in response.content.decode() for response in losers)
