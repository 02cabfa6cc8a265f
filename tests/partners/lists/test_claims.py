"""Every allowed and refused move of a claim, each refusal by its code, each move with its transition row."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from partners.models import Claim, Need
from tests.factories import make_tree, make_unit
from tests.partners.lists.factories import claimed, delivered, make_need, make_project, verified

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def tree():
    make_tree(grids=2, micro_per_grid=1)


def code_of(call):
    with pytest.raises(ValidationError) as error:
        call()
    return error.value.code


def test_a_claim_starts_claimed_with_its_transition_row():
    claim = claimed(make_need())
    assert (claim.state, list(claim.transitions.values_list("old", "new"))) == ("claimed", [("", "claimed")])


def test_it_refuses_a_claim_beyond_the_slots_left_and_names_who_holds_them():
    need = make_need(quantity=2)
    claimed(need, make_unit(name="县人民医院"), 2)
    with pytest.raises(ValidationError) as error:
        claimed(need, make_unit(name="县住建局"))
    assert error.value.code == "taken"
    assert "县人民医院" in error.value.messages[0]


def test_it_refuses_a_second_claim_of_the_same_unit():
    need, unit = make_need(quantity=3), make_unit()
    claimed(need, unit)
    assert code_of(lambda: claimed(need, unit)) == "already"


def test_it_refuses_a_claim_of_a_fulfilled_need():
    need = make_need()
    verified(need)
    assert code_of(lambda: claimed(need)) == "closed"


def test_it_refuses_the_lead_unit_claiming_its_own_project():
    unit = make_unit()
    assert code_of(lambda: claimed(make_project(lead_unit=unit), unit)) == "own"


def test_it_refuses_a_claim_of_zero():
    assert code_of(lambda: claimed(make_need(), quantity=0)) == "quantity"


def test_it_refuses_another_units_resource():
    from partners.models import Resource

    other = Resource.objects.create(unit=make_unit(), kind="service", title="义诊")
    assert code_of(lambda: Claim.make(make_need(), make_unit(), 1, by=None, resource=other)) == "resource"


def test_delivering_records_what_and_when():
    claim = claimed(make_need(quantity=3), quantity=3)
    claim.deliver("已修好三处", by=None, quantity=2)
    assert (claim.state, claim.delivered_quantity, claim.delivered_on) == ("delivered", 2, timezone.localdate())


def test_it_refuses_delivering_more_than_claimed():
    claim = claimed(make_need(quantity=3), quantity=2)
    assert code_of(lambda: claim.deliver("多送了", by=None, quantity=3)) == "too_much"


def test_it_refuses_a_delivery_in_the_future():
    claim = claimed(make_need())
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert code_of(lambda: claim.deliver("明天做", by=None, on=tomorrow)) == "future"


def test_it_refuses_a_delivery_without_saying_what_was_done():
    assert code_of(lambda: claimed(make_need()).deliver("  ", by=None)) == "note"


def test_it_refuses_delivering_twice():
    claim = delivered(make_need())
    assert code_of(lambda: claim.deliver("再来一次", by=None)) == "state"


def test_it_refuses_verifying_without_delivery():
    assert code_of(lambda: claimed(make_need()).verify(by=None)) == "not_delivered"


def test_verifying_the_last_slots_fulfils_the_need():
    need = make_need()
    verified(need)
    need.refresh_from_db()
    assert (need.state, need.fulfilled_at is not None) == ("fulfilled", True)


def test_verifying_part_of_the_need_leaves_it_open():
    need = make_need(quantity=2)
    verified(need, quantity=1)
    need.refresh_from_db()
    assert need.state == Need.State.OPEN


def test_withdrawing_frees_the_slots():
    need = make_need()
    claimed(need).withdraw("人手不够", by=None)
    assert claimed(need).state == "claimed"


def test_it_refuses_withdrawing_without_a_reason():
    assert code_of(lambda: claimed(make_need()).withdraw("", by=None)) == "reason"


def test_it_refuses_withdrawing_after_delivery():
    assert code_of(lambda: delivered(make_need()).withdraw("太晚了", by=None)) == "delivered"


def test_a_refused_move_changes_nothing():
    claim = delivered(make_need())
    code_of(lambda: claim.withdraw("太晚了", by=None))
    claim.refresh_from_db()
    assert (claim.state, claim.transitions.count()) == ("delivered", 2)


def test_the_whole_way_writes_three_transition_rows():
    claim = verified(make_need())
    assert list(claim.transitions.values_list("new", flat=True)) == ["claimed", "delivered", "verified"]


def test_it_refuses_a_need_with_a_phone_number():
    with pytest.raises(ValidationError) as error:
        make_need(description="请联系13812345678")
    assert error.value.error_dict["__all__"][0].code == "personal_data"


def test_it_refuses_a_need_wanted_by_a_past_date():
    with pytest.raises(ValidationError) as error:
        make_need(wanted_by=timezone.localdate() - datetime.timedelta(days=1))
    assert error.value.error_dict["wanted_by"][0].code == "past"


def test_a_milestone_is_done_once():
    from partners.models import Milestone

    milestone = Milestone.objects.create(project=make_project(), title="验收", due_on=timezone.localdate())
    milestone.mark_done()
    assert code_of(lambda: milestone.mark_done()) == "done"


def test_a_milestone_cannot_be_done_in_the_future():
    from partners.models import Milestone

    milestone = Milestone.objects.create(project=make_project(), title="验收", due_on=timezone.localdate())
    assert code_of(lambda: milestone.mark_done(timezone.localdate() + datetime.timedelta(days=2))) == "future"
