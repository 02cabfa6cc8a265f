"""Each 已派单 step of a timeline names the unit it was dispatched to, also after a return and a new dispatch."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from requests.models import Transition
from tests.requests.staff_world import S, bring_to, fast_passwords, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return world()


def _returned_and_redispatched(w):
    """Dispatched to the hospital, returned by it, then dispatched to the housing bureau."""
    wish = bring_to(w, S.DISPATCHED)
    wish.return_to_ordered("应由住建局处理", by=w.nurse)
    wish.dispatch(w.housing, by=w.chairman)
    return wish


def test_a_dispatch_records_its_unit(w):
    wish = _returned_and_redispatched(w)
    units = list(wish.transitions.filter(new_state=S.DISPATCHED).values_list("unit__name", flat=True))
    assert units == ["县人民医院", "县住建局"]


def test_other_steps_record_no_unit(w):
    wish = bring_to(w, S.PUBLICISED)
    assert list(wish.transitions.exclude(new_state=S.DISPATCHED).filter(unit__isnull=False)) == []


def test_the_public_timeline_names_each_dispatchs_own_unit(w, client):
    wish = _returned_and_redispatched(w)
    timeline = client.get(f"/track/{wish.token}/").context["timeline"]
    details = [entry["detail"] for entry in timeline if entry["label"] == S.DISPATCHED.label]
    assert details == ["派给：县人民医院", "派给：县住建局"]


def test_the_staff_timeline_names_each_dispatchs_own_unit(w, client):
    wish = _returned_and_redispatched(w)
    client.force_login(w.chairman)
    page = client.get(reverse("requests:detail", args=[wish.reference])).content.decode()
    assert "→ 县人民医院" in page
    assert "→ 县住建局" in page


def test_the_public_timeline_names_the_acceptor_of_each_accept(w, client):
    for user, name in ((w.nurse, "王建国"), (w.doctor, "李春华")):
        user.person.name = name
        user.person.save(update_fields=["name"])
    wish = bring_to(w, S.ACCEPTED)
    wish.return_to_ordered("应由别的单位处理", by=w.nurse)
    wish.dispatch(w.hospital, by=w.chairman)
    wish.accept(w.doctor.person, by=w.doctor)
    timeline = client.get(f"/track/{wish.token}/").context["timeline"]
    names = [entry["detail"] for entry in timeline if entry["label"] == S.ACCEPTED.label]
    assert names == ["党员 王**", "党员 李**"]


def test_the_migration_gives_the_latest_dispatch_the_known_unit(w):
    migration = importlib.import_module("requests.migrations.0005_transition_unit")
    current, returned = bring_to(w, S.ACCEPTED), bring_to(w, S.DISPATCHED)
    returned.return_to_ordered("不归我们", by=w.nurse)
    Transition.objects.update(unit=None)
    migration.latest_dispatch_to_current_unit(apps, None)
    units = Transition.objects.filter(new_state=S.DISPATCHED).order_by("request").values_list("unit", flat=True)
    assert list(units) == [w.hospital.pk, w.hospital.pk]
    assert current.pk < returned.pk


def test_the_migration_leaves_earlier_dispatches_without_a_unit(w):
    migration = importlib.import_module("requests.migrations.0005_transition_unit")
    wish = _returned_and_redispatched(w)
    Transition.objects.update(unit=None)
    migration.latest_dispatch_to_current_unit(apps, None)
    units = wish.transitions.filter(new_state=S.DISPATCHED).order_by("at", "pk").values_list("unit", flat=True)
    assert list(units) == [None, w.housing.pk]


def test_the_county_seeds_bulk_dispatches_carry_their_unit():
    from bench.county_seed import Scale, run
    from tests.factories import make_category, make_tree, make_unit, make_unit_member

    make_tree(grids=3, micro_per_grid=2)
    category = make_category(default_deadline_days=7)
    make_unit_member(make_unit(duties=[category]))
    run(lambda line: None, Scale.tiny())
    dispatches = Transition.objects.filter(new_state=S.DISPATCHED)
    assert dispatches.exists()
    assert not dispatches.filter(unit__isnull=True).exists()
