import datetime
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from grid.models import Dispute, GridNode
from tests.field.conftest import queries_for


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
    with pytest.raises(ValidationError):
        dispute.resolve("和解", by=worker3)


def test_an_illegal_move_through_the_page_shows_a_message_and_changes_nothing(client3, worker3, tree):
    dispute = make_dispute(worker3)
    response = client3.post(reverse("field:dispute_move", args=[dispute.pk, "resolve"]), {"outcome": "和解"},
                            follow=True)
    dispute.refresh_from_db()
    assert "状态已变化" in response.content.decode() and dispute.state == "registered"


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
