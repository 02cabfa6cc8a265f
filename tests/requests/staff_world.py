"""The staff-side personas of the loop, and a request brought to any state through the model methods."""

from types import SimpleNamespace

import pytest

from grid.models import GridNode
from requests.models import Request
from tests.factories import (
    make_branch_admin,
    make_category,
    make_chairman,
    make_grid_worker,
    make_tree,
    make_unit,
    make_unit_member,
)

S = Request.State


def world():
    """Two grids (NJ-01, NJ-02), a category handled by the county hospital, and everyone who moves a request."""
    make_tree(grids=2, micro_per_grid=2)
    category = make_category(code="health", name="医疗健康", default_deadline_days=7)
    hospital = make_unit(name="县人民医院", duties=[category])
    housing = make_unit(name="县住建局")
    return SimpleNamespace(
        category=category, hospital=hospital, housing=housing,
        chairman=make_chairman("chairman"), branch=make_branch_admin("branch"),
        nurse=make_unit_member(hospital, "hospital1"), doctor=make_unit_member(hospital, "hospital2"),
        builder=make_unit_member(housing, "housing1"), worker1=make_grid_worker("NJ-01", "worker01"),
        worker2=make_grid_worker("NJ-02", "worker02"),
    )


def order(w, code="NJ-01-01", **fields):
    fields.setdefault("text", "家中老人需要上门量血压")
    fields.setdefault("channel", Request.Channel.ONLINE)
    fields.setdefault("resident_name", "张三丰")
    fields.setdefault("resident_phone", "13812345678")
    return Request.order(category=w.category, micro_grid=GridNode.objects.get(code=code), **fields)


def bring_to(w, state, **fields):
    """A request of the hospital in `state`, moved there by the people allowed to."""
    wish = order(w, **fields)
    if state == S.ORDERED:
        return wish
    if state == S.INVALID:
        wish.mark_invalid("重复", by=w.chairman)
        return wish
    wish.dispatch(w.hospital, by=w.chairman)
    if state == S.DISPATCHED:
        return wish
    wish.accept(w.nurse.person, by=w.nurse)
    if state == S.ACCEPTED:
        return wish
    wish.close("已上门测量", by=w.nurse)
    if state == S.CLOSED:
        return wish
    wish.publicise("已安排医生上门测量血压", by=w.branch)
    return wish


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """The personas' passwords are never typed here: hash them cheaply (PBKDF2 made the suite crawl)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
