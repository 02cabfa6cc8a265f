"""The public summary (公示内容): written or accepted by the branch admin at publicise time, refused when it holds
personal data (the passages highlighted, a Chinese message saying what to remove), revisable, reviewable."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from grid.models import AssistancePair, GridNode, Household
from requests.models import Request
from tests.factories import make_person
from tests.requests.staff_world import S, bring_to, fast_passwords, order, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
NOTE = "已上门为3栋2单元401室的张三丰测量血压，联系电话139/1234/5678"


@pytest.fixture
def w():
    return world()


@pytest.fixture
def closed(w):
    wish = bring_to(w, S.ACCEPTED)
    wish.close(NOTE, by=w.nurse)
    return wish


def _refused(wish, summary, by):
    with pytest.raises(ValidationError) as refused:
        wish.publicise(summary, by=by)
    return refused.value


def _post(client, user, wish, action, summary):
    client.force_login(user)
    return client.post(reverse("requests:act", args=[wish.reference, action]), {f"{action}-summary": summary})


# --- the model method ------------------------------------------------------------------------------------------

def test_publicising_stores_the_summary_as_the_notices_own_text(w, closed):
    closed.publicise("已安排医生上门测量血压", by=w.branch)
    assert (closed.public_summary, closed.public_text, closed.closure_note) == (
        "已安排医生上门测量血压", "已安排医生上门测量血压", NOTE)


def test_the_publicise_transition_records_the_summary_published(w, closed):
    closed.publicise("已安排医生上门测量血压", by=w.branch)
    last = closed.transitions.last()
    assert (last.new_state, last.note, last.by) == (S.PUBLICISED, "已安排医生上门测量血压", w.branch)


def test_a_summary_with_personal_data_is_refused_and_nothing_changes(w, closed):
    count = closed.transitions.count()
    error = _refused(closed, "已为401户张三丰测量血压", w.branch)
    assert error.code == "personal_data"
    assert (Request.objects.get(pk=closed.pk).state, closed.transitions.count()) == (S.CLOSED, count)


def test_the_refusal_says_in_chinese_what_to_remove_and_why(w, closed):
    message = _refused(closed, "电话139/1234/5678，住3栋2单元401", w.branch).messages[0]
    assert "“139/1234/5678”（手机号码）" in message
    assert "“3栋2单元401”（门牌、楼栋、单元或房号）" in message


def test_an_empty_summary_is_refused(w, closed):
    assert _refused(closed, "   ", w.branch).code == "empty_summary"


def test_a_summary_over_the_limit_is_refused(w, closed):
    assert _refused(closed, "已" * 501, w.branch).code == "long_text"


@pytest.mark.parametrize("who", ["resident", "household contact", "person on the rosters", "person helped",
                                 "neighbour who asked before"])
def test_the_names_the_portal_knows_are_refused(w, who):
    micro = GridNode.objects.get(code="NJ-01-01")
    household = Household.objects.create(micro_grid=micro, building="3", room="401", contact_name="李秀英")
    name = {"resident": "张三丰", "household contact": "李秀英", "person on the rosters": "欧阳明",
            "person helped": "周玉兰", "neighbour who asked before": "马国强"}[who]
    make_person(name="欧阳明")
    AssistancePair.objects.create(helper=make_person(), helper_kind="staff", household=household, member_name="周玉兰")
    order(w, resident_name="马国强")
    wish = bring_to(w, S.CLOSED, household=household)
    assert _refused(wish, f"已为{name}上门服务", w.branch).code == "personal_data"


def test_a_masked_name_is_not_a_name(w, closed):
    closed.publicise("张**反映的问题已解决", by=w.branch)
    assert closed.state == S.PUBLICISED


# --- the suggested summary --------------------------------------------------------------------------------------

def test_the_suggestion_is_the_note_when_the_check_finds_nothing(w):
    wish = bring_to(w, S.CLOSED)
    assert wish.suggested_summary() == "已上门测量"


def test_the_suggestion_has_the_personal_data_of_the_note_as_stars(w, closed):
    assert closed.suggested_summary() == "已上门为***的***测量血压，联系电话***"


def test_the_suggestion_itself_passes_the_check(w, closed):
    closed.publicise(closed.suggested_summary(), by=w.branch)
    assert closed.state == S.PUBLICISED


# --- the request page and its publicise action ------------------------------------------------------------------

def test_the_branch_admin_gets_the_form_filled_with_the_suggestion(w, client, closed):
    client.force_login(w.branch)
    form = client.get(reverse("requests:detail", args=[closed.reference])).context["actions"]["publicise"]
    assert form["summary"].value() == closed.suggested_summary()


def test_publicising_from_the_page_puts_the_summary_on_the_board(w, client, closed):
    response = _post(client, w.branch, closed, "publicise", "已安排医生上门测量血压")
    board = client.get(reverse("requests:board")).content.decode()
    assert response.status_code == 302
    assert "已安排医生上门测量血压" in board


def test_a_refused_summary_comes_back_with_its_passages_marked(w, client, closed):
    response = _post(client, w.branch, closed, "publicise", "已为张三丰测量，电话13912345678")
    page = response.content.decode()
    assert response.status_code == 200
    assert Request.objects.get(pk=closed.pk).state == S.CLOSED
    assert all(f'<mark class="personal-data">{secret}</mark>' in page for secret in ("张三丰", "13912345678"))


def test_a_refused_summary_keeps_what_was_typed_and_says_what_to_remove(w, client, closed):
    response = _post(client, w.branch, closed, "publicise", "已为张三丰测量血压")
    form = response.context["actions"]["publicise"]
    assert form["summary"].value() == "已为张三丰测量血压"
    assert "“张三丰”（人名）" in form.errors["summary"][0]


def test_an_empty_summary_on_the_page_is_a_form_error(w, client, closed):
    response = _post(client, w.branch, closed, "publicise", "")
    assert response.status_code == 200
    assert response.context["actions"]["publicise"].errors["summary"]


# --- revising a published notice, and the branch's list of notices to review ------------------------------------

def test_the_branch_revises_a_published_summary_and_the_flag_clears(w, client):
    wish = bring_to(w, S.PUBLICISED)
    Request.objects.filter(pk=wish.pk).update(summary_needs_review=True)
    response = _post(client, w.branch, wish, "revise", "已上门测量血压并建立健康档案")
    wish.refresh_from_db()
    assert response.status_code == 302
    assert (wish.public_text, wish.summary_needs_review) == (
        "已上门测量血压并建立健康档案", False)


def test_a_revision_is_audited_as_a_publicised_to_publicised_row(w):
    wish = bring_to(w, S.PUBLICISED)
    wish.revise_summary("已上门测量血压并建立健康档案", by=w.branch)
    last = wish.transitions.last()
    assert (last.old_state, last.new_state, last.note) == (S.PUBLICISED, S.PUBLICISED, "已上门测量血压并建立健康档案")


def test_a_revision_does_not_show_on_the_residents_timeline(w, client):
    wish = bring_to(w, S.PUBLICISED)
    wish.revise_summary("已上门测量血压并建立健康档案", by=w.branch)
    timeline = client.get(reverse("requests:track", args=[wish.token])).context["timeline"]
    assert [entry["label"] for entry in timeline].count("已公示") == 1


def test_a_revision_with_personal_data_is_refused(w):
    wish = bring_to(w, S.PUBLICISED)
    with pytest.raises(ValidationError) as refused:
        wish.revise_summary("张三丰家已测量", by=w.branch)
    assert refused.value.code == "personal_data"
    assert wish.public_summary == "已安排医生上门测量血压"


def test_only_the_branch_revises(w):
    wish = bring_to(w, S.PUBLICISED)
    with pytest.raises(ValidationError) as refused:
        wish.revise_summary("已上门", by=w.chairman)
    assert refused.value.code == "not_branch"


def test_a_notice_under_review_shows_a_placeholder_on_the_board_and_stays_there(w, client):
    wish = bring_to(w, S.PUBLICISED)
    Request.objects.filter(pk=wish.pk).update(summary_needs_review=True, public_summary="已为***测量")
    page = client.get(reverse("requests:board")).content.decode()
    assert wish.reference in page
    assert "社区党总支正在复核这条公示" in page
    assert "已为***测量" not in page


def test_the_review_queue_lists_only_the_flagged_notices(w, client):
    flagged, _fine = bring_to(w, S.PUBLICISED), bring_to(w, S.PUBLICISED)
    Request.objects.filter(pk=flagged.pk).update(summary_needs_review=True)
    client.force_login(w.branch)
    page = client.get(reverse("requests:queue", args=["review"])).context["page"]
    assert [wish.reference for wish in page] == [flagged.reference]


def test_the_branch_panel_counts_the_notices_to_review(w, client):
    wish = bring_to(w, S.PUBLICISED)
    Request.objects.filter(pk=wish.pk).update(summary_needs_review=True)
    client.force_login(w.branch)
    counts = {q["name"]: q["count"] for q in client.get(reverse("requests:queues")).context["queues"]}
    assert counts["review"] == 1


# --- the invalid reason: the tracking page shows it, so it is checked when written ----------------------------------

def test_an_invalid_reason_with_personal_data_is_refused(w):
    wish = order(w)
    with pytest.raises(ValidationError) as refused:
        wish.mark_invalid("与张三丰13912345678的诉求重复", by=w.chairman)
    assert refused.value.code == "personal_data"
    assert Request.objects.get(pk=wish.pk).state == S.ORDERED


def test_an_invalid_reason_naming_a_reference_is_fine(w):
    wish = order(w)
    wish.mark_invalid("与NJ-2026-000123重复", by=w.chairman)
    assert wish.state == S.INVALID


def test_the_staff_timeline_marks_a_revision(w, client):
    wish = bring_to(w, S.PUBLICISED)
    wish.revise_summary("已上门测量血压并建立健康档案", by=w.branch)
    client.force_login(w.branch)
    page = client.get(reverse("requests:detail", args=[wish.reference])).content.decode()
    assert "修改公示内容" in page
    assert "已上门测量血压并建立健康档案" in page
