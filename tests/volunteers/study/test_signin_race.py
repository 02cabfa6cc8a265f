"""Signing in, raced on PostgreSQL: real threads, one connection each.

Eight members typing the code while the organiser closes the session: each member ends with exactly one row,
present or absent (the session's row lock orders them). Eight presses of one member's phone: one row.
"""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from nanjie import signin_codes
from tests.conftest import requires_postgres
from tests.factories import make_branch_admin, make_tree
from tests.volunteers.study.factories import make_party_member, make_study
from volunteers.models import StudyAttendance

pytestmark = [requires_postgres, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
MEMBERS = 8


def _together(calls):
    barrier = threading.Barrier(len(calls))
    refused = []

    def press(call):
        try:
            barrier.wait()
            call()
        except ValidationError as error:
            refused.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=press, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return refused


@pytest.fixture
def on_now():
    make_tree(grids=1, micro_per_grid=1)
    branch = make_branch_admin("branch_race")
    session = make_study(branch)
    session.members = [make_party_member() for _ in range(MEMBERS)]
    session.by = branch
    return session


def code_of(session):
    return signin_codes.current_code(session.subject, session.starts_at, session.ends_at)


def test_members_signing_in_while_the_session_closes_each_get_one_row(on_now):
    code = code_of(on_now)
    calls = [lambda person=person: on_now.sign_in(person, code, by=on_now.by) for person in on_now.members]
    refused = _together([*calls, lambda: on_now.close(by=on_now.by)])
    rows = StudyAttendance.objects.filter(session=on_now, person__in=on_now.members)
    assert (rows.count(), rows.filter(present=True).count()) == (MEMBERS, MEMBERS - len(refused))


def test_eight_presses_of_one_phone_make_one_row(on_now):
    code, person = code_of(on_now), on_now.members[0]
    _together([lambda: on_now.sign_in(person, code, by=on_now.by) for _ in range(MEMBERS)])
    assert StudyAttendance.objects.filter(session=on_now, person=person).count() == 1


def test_nobody_signs_in_after_the_close(on_now):
    on_now.close(by=on_now.by)
    code = code_of(on_now)
    refused = _together([lambda person=person: on_now.sign_in(person, code, by=on_now.by)
                         for person in on_now.members])
    assert refused == ["not_open"] * MEMBERS


def test_the_window_is_the_session_s_own(on_now):
    later = on_now.ends_at + datetime.timedelta(minutes=1)
    assert signin_codes.current_code(on_now.subject, on_now.starts_at, on_now.ends_at, later) is None
