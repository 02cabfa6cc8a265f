"""The data migration for notices published before the public summary: each gets a summary built from its masked
note; any the check refuses is flagged for the branch's review list; no notice is dropped.

Run through the migration executor: requests is taken back to 0009 (the summary fields exist, empty, as right
after the schema change), the published notices are given the notes they would have had, then 0010 runs.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from grid.models import GridNode, Household
from requests.models import Request
from tests.factories import make_person
from tests.requests.staff_world import S, bring_to, fast_passwords, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE, AFTER = ("requests", "0009_public_summary"), ("requests", "0010_summaries_of_published_notices")
NOTES = {
    "plain": "已安排医生上门测量血压",
    "phone the old masking missed": "已电话联系139/1234/5678",
    "room": "已上门3栋2单元401室",
    "resident": "已转交张三丰本人",
    "household contact": "已交给李秀英",
    "person": "由欧阳明上门处理",
}


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    if target == AFTER:
        # Then forward to today's schema again, so the current models (columns added after 0010) can be read.
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.fixture
def notices():
    w = world()
    Household.objects.create(micro_grid=GridNode.objects.get(code="NJ-01-01"), contact_name="李秀英")
    make_person(name="欧阳明")
    made = {label: bring_to(w, S.PUBLICISED) for label in NOTES}
    _migrate(BEFORE)
    for label, wish in made.items():
        Request.objects.filter(pk=wish.pk).update(closure_note=NOTES[label], public_summary="")
    _migrate(AFTER)
    return {label: Request.objects.get(pk=wish.pk) for label, wish in made.items()}


def test_a_plain_note_becomes_the_summary_as_it_is(notices):
    assert (notices["plain"].public_summary, notices["plain"].summary_needs_review) == (NOTES["plain"], False)


@pytest.mark.parametrize("label", [label for label in NOTES if label != "plain"])
def test_a_note_the_check_refuses_is_flagged_and_its_summary_masked(notices, label):
    wish = notices[label]
    assert wish.summary_needs_review
    assert "***" in wish.public_summary


def test_no_notice_is_dropped(notices):
    assert Request.objects.filter(state=S.PUBLICISED).count() == len(NOTES)


def test_the_board_still_lists_every_notice_and_none_of_the_refused_notes(notices, client):
    page = client.get(reverse("requests:board")).content.decode()
    assert all(wish.reference in page for wish in notices.values())
    assert [label for label in NOTES if label != "plain" and NOTES[label] in page] == []


def test_the_flagged_notices_are_on_the_branchs_review_list(notices, client):
    from tests.factories import make_branch_admin

    client.force_login(make_branch_admin())
    listed = {wish.reference for wish in client.get(reverse("requests:queue", args=["review"])).context["page"]}
    assert listed == {wish.reference for label, wish in notices.items() if label != "plain"}


def test_running_it_again_changes_nothing(notices):
    _migrate(BEFORE)
    _migrate(AFTER)
    assert [Request.objects.get(pk=wish.pk).public_summary for wish in notices.values()] == [
        wish.public_summary for wish in notices.values()]
