import datetime
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from grid.models import Dispute, GridNode
from tests.grid.factories import queries_for


def make_dispute(user, micro="NJ-03-01", **fields):
    fields.setdefault("kind", Dispute.Kind.NEIGHBOURS)
    return Dispute.objects.create(micro_grid=GridNode.objects.get(code=micro), parties="王某、李某",
                                  summary="楼上漏水", registered_by=user, **fields)


def test_a_worker_registers_a_dispute(client3, tree):
    micro = GridNode.objects.get(code="NJ-03-01")
    client3.post(reverse("field:dispute_new"), {"micro_grid": micro.pk, "kind": "family", "parties": "甲、乙",
                                                "summary": "赡养纠纷", "found_on": timezone.localdate().isoformat(),
                                                "token": str(uuid.uuid4())})
    assert Dispute.objects.get().state == Dispute.State.REGISTERED


def test_a_dispute_moves_from_mediating_to_resolved_with_transitions(worker3, tree):
    dispute = make_dispute(worker3)
    dispute.start_mediation(worker3.person, by=worker3)
    dispute.resolve("双方和解", by=worker3)
    assert [t.new for t in dispute.transitions.all()] == ["mediating", "resolved"]


def test_a_registered_dispute_cannot_be_resolved_without_mediation(worker3, tree):
    dispute = make_dispute(worker3)
    with pytest.raises(ValidationError) as refused:
        dispute.resolve("和解", by=worker3)
    assert refused.value.code == "not_mediating"


def test_an_illegal_move_through_the_page_shows_a_message_and_changes_nothing(client3, worker3, tree):
    dispute = make_dispute(worker3)
    response = client3.post(reverse("field:dispute_move", args=[dispute.pk, "resolve"]), {"outcome": "和解"},
                            follow=True)
    dispute.refresh_from_db()
    assert "请先开始调解" in response.content.decode()
    assert dispute.state == "registered"


def test_a_dispute_is_referred_upward(client3, worker3, tree):
    dispute = make_dispute(worker3)
    client3.post(reverse("field:dispute_move", args=[dispute.pk, "refer"]), {"referred_to": "县司法局"})
    dispute.refresh_from_db()
    assert (dispute.state, dispute.referred_to) == ("referred", "县司法局")


def test_resolved_this_year_counts_only_this_years_resolutions(worker3, tree):
    this_year, last_year = make_dispute(worker3), make_dispute(worker3)
    for dispute in (this_year, last_year):
        dispute.start_mediation(worker3.person, by=worker3)
    this_year.resolve("和解", by=worker3)
    last_year.resolve("和解", by=worker3, on=timezone.localdate().replace(month=1, day=1) - datetime.timedelta(days=1))
    assert Dispute.objects.resolved_in_community().count() == 1


def test_the_list_shows_the_years_resolved_count(client3, worker3, tree):
    dispute = make_dispute(worker3)
    dispute.start_mediation(worker3.person, by=worker3)
    dispute.resolve("和解", by=worker3)
    assert 'id="resolved-count">1<' in client3.get(reverse("field:disputes")).content.decode()


def test_an_unknown_action_is_404(client3, worker3, tree):
    dispute = make_dispute(worker3)
    assert client3.post(reverse("field:dispute_move", args=[dispute.pk, "delete"])).status_code == 404


def test_a_read_only_role_gets_403_on_a_move(client, worker3, tree):
    from tests.factories import make_chairman

    dispute = make_dispute(worker3)
    client.force_login(make_chairman())
    assert client.post(reverse("field:dispute_move", args=[dispute.pk, "refer"]),
                       {"referred_to": "x"}).status_code == 403


def test_the_dispute_list_runs_a_constant_number_of_queries(client3, worker3, tree):
    make_dispute(worker3)
    few = queries_for(client3, reverse("field:disputes"))
    for _ in range(6):
        make_dispute(worker3).start_mediation(worker3.person, by=worker3)
    assert queries_for(client3, reverse("field:disputes")) == few


def test_the_branch_home_shows_the_years_resolved_figure(client, branch, worker3):
    dispute = make_dispute(worker3)
    dispute.start_mediation(worker3.person, by=worker3)
    dispute.resolve("和解", by=worker3)
    client.force_login(branch)
    figures = [p for p in client.get(reverse("me")).context["panels"] if p["template"].endswith("_figures.html")]
    assert figures[0]["resolved"] == 1


def refused(move):
    with pytest.raises(ValidationError) as caught:
        move()
    return caught.value.code


def test_resolving_a_registered_dispute_says_start_mediation_first(worker3, tree):
    dispute = make_dispute(worker3)
    assert refused(lambda: dispute.resolve("和解", by=worker3)) == "not_mediating"


def test_mediating_twice_says_mediation_has_started(worker3, tree):
    dispute = make_dispute(worker3)
    dispute.start_mediation(worker3.person, by=worker3)
    assert refused(lambda: dispute.start_mediation(worker3.person, by=worker3)) == "already_mediating"


@pytest.mark.parametrize("move", ["mediate", "resolve", "refer"])
def test_a_resolved_dispute_says_it_is_resolved(worker3, tree, move):
    dispute = make_dispute(worker3)
    dispute.start_mediation(worker3.person, by=worker3)
    dispute.resolve("和解", by=worker3)
    moves = {"mediate": lambda: dispute.start_mediation(worker3.person, by=worker3),
             "resolve": lambda: dispute.resolve("和解", by=worker3),
             "refer": lambda: dispute.refer("县司法局", by=worker3)}
    assert refused(moves[move]) == "already_resolved"


def test_a_referred_dispute_says_it_was_referred(worker3, tree):
    dispute = make_dispute(worker3)
    dispute.refer("县司法局", by=worker3)
    assert refused(lambda: dispute.start_mediation(worker3.person, by=worker3)) == "already_referred"


def test_a_refused_move_writes_no_transition(worker3, tree):
    dispute = make_dispute(worker3)
    refused(lambda: dispute.resolve("和解", by=worker3))
    assert not dispute.transitions.exists()


def test_a_move_that_lost_a_race_still_says_reload(worker3, tree):
    dispute = make_dispute(worker3)
    stale = Dispute.objects.get(pk=dispute.pk)
    dispute.refer("县司法局", by=worker3)
    assert refused(lambda: stale.start_mediation(worker3.person, by=worker3)) == "stale_state"


def test_a_follow_up_before_the_resolution_is_refused(worker3, tree):
    dispute = make_dispute(worker3)
    dispute.start_mediation(worker3.person, by=worker3)
    today = timezone.localdate()
    assert refused(lambda: dispute.resolve("和解", by=worker3, on=today,
                                           follow_up_on=today - datetime.timedelta(days=1))) == \
        "follow_up_before_resolution"


def test_the_resolve_form_refuses_a_follow_up_in_the_past_and_keeps_the_outcome(client3, worker3, tree):
    dispute = make_dispute(worker3)
    dispute.start_mediation(worker3.person, by=worker3)
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = client3.post(reverse("field:dispute_move", args=[dispute.pk, "resolve"]),
                            {"outcome": "双方和解", "follow_up_on": yesterday})
    dispute.refresh_from_db()
    assert (response.status_code, dispute.state) == (400, "mediating")
    assert ("回访日期不能早于化解日期" in \
        response.content.decode())


def test_a_follow_up_on_the_day_of_resolution_is_taken(worker3, tree):
    dispute = make_dispute(worker3)
    dispute.start_mediation(worker3.person, by=worker3)
    dispute.resolve("和解", by=worker3, follow_up_on=timezone.localdate())
    assert dispute.follow_up_on == dispute.resolved_on


def test_admin_refuses_a_follow_up_before_the_resolution(worker3, tree):
    dispute = make_dispute(worker3)
    dispute.start_mediation(worker3.person, by=worker3)
    dispute.resolve("和解", by=worker3)
    dispute.follow_up_on = dispute.resolved_on - datetime.timedelta(days=3)
    with pytest.raises(ValidationError) as caught:
        dispute.full_clean()
    assert "follow_up_on" in caught.value.message_dict
