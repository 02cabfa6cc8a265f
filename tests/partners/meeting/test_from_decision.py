"""A decision of the joint meeting carried out as a need or a project (partners/lists/decisions.py): the form is
prefilled from the decision, one decision makes at most one of each, a closed decision makes none, only those who
may raise needs / approve projects may, and the meeting's page shows what was made without a query per decision."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from grid.models import GridNode
from partners.models import Decision, Need, Project
from tests.factories import make_category, make_grid_worker, make_unit_member
from tests.partners.lists.factories import make_need
from tests.partners.meeting.fixtures import days, make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def category(db):
    return make_category(code="env", name="环境卫生")


@pytest.fixture
def decision(meeting, hospital, chairman, category):
    hospital.duties.set([category])
    return make_decision(meeting, hospital, by=chairman)


def need_data(category, **data):
    return {"title": "楼道照明改造", "description": "更换楼道灯", "category": category.pk,
            "grid": GridNode.objects.get(code="NJ-01").pk, "urgency": "normal", "wanted_by": days(7).isoformat(),
            "quantity": 1, "measure": "", **data}


def project_data(hospital, **data):
    return {"title": "楼道照明改造", "goal": "更换节能楼道灯", "grids": [GridNode.objects.get(code="NJ-01").pk],
            "lead_unit": hospital.pk, "approved_on": days(0).isoformat(), "quantity": 1, "measure": "", **data}


def post(client, user, name, decision, data):
    client.force_login(user)
    return client.post(reverse(name, args=[decision.pk]), data)


def form_initial(client, user, name, decision, field):
    client.force_login(user)
    return client.get(reverse(name, args=[decision.pk])).context["form"][field].value()


# --- the model method -------------------------------------------------------------------------------------------

def test_a_decision_creates_a_need_linked_to_it(decision, chairman, category):
    need = Need.from_decision(decision, by=chairman, title="楼道照明", category=category,
                              grid=GridNode.objects.get(code="NJ-01"))
    assert decision.need == need


def test_a_decision_creates_a_project_with_its_grids(decision, chairman, hospital):
    project = Project.from_decision(decision, by=chairman, title="楼道照明", goal="改造", lead_unit=hospital,
                                    grids=[GridNode.objects.get(code="NJ-01")])
    assert list(project.grids.values_list("code", flat=True)) == ["NJ-01"]


def test_a_second_need_from_one_decision_is_refused(decision, chairman, category):
    fields = {"title": "楼道照明", "category": category, "grid": GridNode.objects.get(code="NJ-01")}
    Need.from_decision(decision, by=chairman, **fields)
    with pytest.raises(ValidationError) as refused:
        Need.from_decision(decision, by=chairman, **fields)
    assert refused.value.code == "already"


def test_a_need_and_a_project_from_one_decision_are_both_allowed(decision, chairman, category, hospital):
    Need.from_decision(decision, by=chairman, title="楼道照明", category=category,
                       grid=GridNode.objects.get(code="NJ-01"))
    Project.from_decision(decision, by=chairman, title="楼道照明", goal="改造", lead_unit=hospital,
                          grids=[GridNode.objects.get(code="NJ-01")])
    assert (Need.objects.count(), Project.objects.count()) == (1, 1)


def test_a_done_decision_creates_nothing(decision, chairman, category):
    decision.mark_done("已完成", by=chairman)
    with pytest.raises(ValidationError) as refused:
        Need.from_decision(decision, by=chairman, title="楼道照明", category=category,
                           grid=GridNode.objects.get(code="NJ-01"))
    assert refused.value.code == "state"


def test_the_database_refuses_a_second_need_for_one_decision(decision, chairman, category):
    make_need(decision=decision, category=category)
    with pytest.raises(IntegrityError), transaction.atomic():
        Need.objects.create(decision=decision, title="又一个", category=category,
                            grid=GridNode.objects.get(code="NJ-01"))


# --- the pages ----------------------------------------------------------------------------------------------------

def test_the_need_form_is_prefilled_with_the_decisions_text(client, decision, chairman):
    assert form_initial(client, chairman, "partners:need_from_decision", decision, "description") == decision.text


def test_the_need_form_is_prefilled_with_the_deadline(client, decision, chairman):
    assert form_initial(client, chairman, "partners:need_from_decision", decision, "wanted_by") == decision.deadline


def test_the_need_form_is_prefilled_with_a_duty_of_the_unit_responsible(client, decision, chairman, category):
    assert form_initial(client, chairman, "partners:need_from_decision", decision, "category") == category.pk


def test_the_need_form_is_prefilled_with_the_grid_of_the_need_on_the_agenda(client, meeting, hospital, chairman,
                                                                             category):
    need = make_need(grid=GridNode.objects.get(code="NJ-02-01"), category=category)
    item = meeting.add_item("无人认领", by=chairman, key=f"need:{need.pk}")
    decision = Decision.decide(item, text="落实认领", unit=hospital, deadline=days(10), by=chairman)
    assert form_initial(client, chairman, "partners:need_from_decision", decision, "grid") == need.grid_id


def test_the_project_form_is_prefilled_with_the_unit_responsible(client, decision, chairman, hospital):
    assert form_initial(client, chairman, "partners:project_from_decision", decision, "lead_unit") == hospital.pk


def test_the_project_form_is_prefilled_with_the_meetings_day(client, decision, chairman, meeting):
    approved = form_initial(client, chairman, "partners:project_from_decision", decision, "approved_on")
    assert approved == meeting.held_on


def test_the_chairman_creates_a_need_from_a_decision(client, decision, chairman, category):
    response = post(client, chairman, "partners:need_from_decision", decision, need_data(category))
    assert response.status_code == 302
    assert Need.objects.get().decision == decision


def test_the_branch_creates_a_project_from_a_decision(client, decision, branch, hospital):
    post(client, branch, "partners:project_from_decision", decision, project_data(hospital))
    assert Project.objects.get().decision == decision


def test_a_project_from_a_decision_gets_its_deadline_as_a_milestone(client, decision, chairman, hospital):
    post(client, chairman, "partners:project_from_decision", decision, project_data(hospital))
    assert [m.due_on for m in Project.objects.get().milestones.all()] == [decision.deadline]


def test_a_past_wanted_by_date_saves_nothing(client, decision, chairman, category):
    response = post(client, chairman, "partners:need_from_decision", decision,
                    need_data(category, wanted_by=days(-1).isoformat()))
    assert response.status_code == 400
    assert not Need.objects.exists()


def test_a_bad_form_creates_no_need(client, decision, chairman, category):
    post(client, chairman, "partners:need_from_decision", decision, need_data(category, title=""))
    assert not Need.objects.exists()


def test_a_bad_project_form_creates_no_milestone(client, decision, chairman, hospital):
    from partners.models import Milestone

    post(client, chairman, "partners:project_from_decision", decision, project_data(hospital, grids=[]))
    assert not Milestone.objects.exists()


def test_a_second_need_through_the_page_is_refused_with_a_message(client, decision, chairman, category):
    post(client, chairman, "partners:need_from_decision", decision, need_data(category))
    response = post(client, chairman, "partners:need_from_decision", decision, need_data(category, title="又一个"))
    assert "该决定已创建过需求" in response.content.decode()


def test_a_second_need_through_the_page_creates_nothing(client, decision, chairman, category):
    post(client, chairman, "partners:need_from_decision", decision, need_data(category))
    post(client, chairman, "partners:need_from_decision", decision, need_data(category, title="又一个"))
    assert Need.objects.count() == 1


def test_the_form_of_a_decision_that_has_its_need_sends_back_to_the_meeting(client, decision, chairman, category):
    post(client, chairman, "partners:need_from_decision", decision, need_data(category))
    response = client.get(reverse("partners:need_from_decision", args=[decision.pk]))
    assert response.url == reverse("partners:meeting", args=[decision.item.meeting_id])


def test_a_done_decision_through_the_page_creates_no_project(client, decision, chairman, hospital):
    decision.mark_done("已完成", by=chairman)
    response = post(client, chairman, "partners:project_from_decision", decision, project_data(hospital))
    assert response.status_code == 400
    assert not Project.objects.exists()


def test_a_done_decisions_refusal_is_in_chinese(client, decision, chairman, hospital):
    decision.mark_done("已完成", by=chairman)
    response = post(client, chairman, "partners:project_from_decision", decision, project_data(hospital))
    assert "该决定已不是未办结状态" in response.content.decode()


def test_a_unit_member_may_not_create_a_need_from_a_decision(client, decision, hospital, category):
    response = post(client, make_unit_member(hospital), "partners:need_from_decision", decision, need_data(category))
    assert response.status_code == 403


def test_a_grid_worker_does_not_see_the_decision(client, decision, category):
    response = post(client, make_grid_worker("NJ-01"), "partners:need_from_decision", decision, need_data(category))
    assert response.status_code == 404


def test_a_grid_worker_may_not_create_a_project(client, decision, hospital):
    response = post(client, make_grid_worker("NJ-01"), "partners:project_from_decision", decision,
                    project_data(hospital))
    assert response.status_code == 403


# --- the meeting's page -------------------------------------------------------------------------------------------

def meeting_page(client, user, decision):
    client.force_login(user)
    return client.get(reverse("partners:meeting", args=[decision.item.meeting_id])).content.decode()


def test_the_meeting_page_offers_to_create_a_need(client, decision, chairman):
    assert reverse("partners:need_from_decision", args=[decision.pk]) in meeting_page(client, chairman, decision)


def test_the_meeting_page_links_the_need_created(client, decision, chairman, category):
    post(client, chairman, "partners:need_from_decision", decision, need_data(category))
    assert reverse("partners:need", args=[Need.objects.get().pk]) in meeting_page(client, chairman, decision)


def test_the_meeting_page_no_longer_offers_a_second_need(client, decision, chairman, category):
    post(client, chairman, "partners:need_from_decision", decision, need_data(category))
    assert reverse("partners:need_from_decision", args=[decision.pk]) not in meeting_page(client, chairman, decision)


def test_the_decisions_list_links_the_project_created(client, decision, chairman, hospital):
    post(client, chairman, "partners:project_from_decision", decision, project_data(hospital))
    client.force_login(chairman)
    body = client.get(reverse("partners:decisions")).content.decode()
    assert reverse("partners:project", args=[Project.objects.get().pk]) in body


def _queries(client, user, meeting):
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("partners:meeting", args=[meeting.pk]))
    return len(queries)


def _decide_and_create(meeting, hospital, chairman, category, count, offset=0):
    for number in range(offset, offset + count):
        decision = make_decision(meeting, hospital, by=chairman, title=f"议题{number}")
        Need.from_decision(decision, by=chairman, title=f"需求{number}", category=category,
                           grid=GridNode.objects.get(code="NJ-01"))
        Project.from_decision(decision, by=chairman, title=f"项目{number}", goal="改造", lead_unit=hospital,
                              grids=[GridNode.objects.get(code="NJ-01")])


def test_the_meeting_pages_queries_do_not_grow_with_its_decisions(client, meeting, hospital, chairman, category):
    _decide_and_create(meeting, hospital, chairman, category, 2)
    few = _queries(client, chairman, meeting)
    _decide_and_create(meeting, hospital, chairman, category, 6, offset=2)
    assert _queries(client, chairman, meeting) == few
