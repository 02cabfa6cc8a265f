"""Creating from one decision, raced on PostgreSQL: eight people pressing "create a need" (or "create a project")
on the same decision at the same moment, real threads, one connection each. Exactly one creates; the others are
told the decision already has one."""

import pytest

from grid.models import GridNode
from partners.models import Decision, Need, Project
from tests.conftest import requires_postgres
from tests.factories import make_branch_admin, make_category
from tests.partners.meeting.fixtures import make_decision
from tests.races import together

pytestmark = [requires_postgres, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
ACTORS = 8


@pytest.fixture
def creators(tree):
    return [make_branch_admin() for _ in range(ACTORS)]


def need_calls(decision, creators):
    category, grid = make_category(), GridNode.objects.get(code="NJ-01")
    return [lambda user=user: Need.from_decision(Decision.objects.get(pk=decision.pk), by=user,
                                                 title=f"需求{user.pk}", category=category, grid=grid)
            for user in creators]


def test_of_eight_creating_a_need_from_one_decision_exactly_one_does(meeting, hospital, chairman, creators):
    decision = make_decision(meeting, hospital, by=chairman)
    results, refused = together(need_calls(decision, creators))
    assert len(results) == 1
    assert refused == ["already"] * (ACTORS - 1)


def test_a_raced_decision_has_one_need(meeting, hospital, chairman, creators):
    decision = make_decision(meeting, hospital, by=chairman)
    together(need_calls(decision, creators))
    assert Need.objects.filter(decision=decision).count() == 1


def test_of_eight_creating_a_project_from_one_decision_exactly_one_does(meeting, hospital, chairman, creators):
    decision = make_decision(meeting, hospital, by=chairman)
    grid = GridNode.objects.get(code="NJ-01")
    results, refused = together([
        lambda user=user: Project.from_decision(Decision.objects.get(pk=decision.pk), by=user, title="改造",
                                                goal="改造", lead_unit=hospital, grids=[grid])
        for user in creators])
    assert len(results) == 1
    assert Project.objects.filter(decision=decision).count() == 1


def test_a_need_racing_the_decisions_done_report_is_either_made_before_or_refused(meeting, hospital, chairman,
                                                                                  creators):
    decision = make_decision(meeting, hospital, by=chairman)
    calls = need_calls(decision, creators[:ACTORS - 1])
    calls.append(lambda: Decision.objects.get(pk=decision.pk).mark_done("已完成", by=chairman))
    results, refused = together(calls)
    made = Need.objects.filter(decision=decision).count()
    assert made + refused.count("already") + refused.count("state") == ACTORS - 1
