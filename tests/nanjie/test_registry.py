"""The registries: every app plugs its menu entries, /me/ panels, seed steps and page sections in through
AppConfig.ready(), and a misspelt URL name or template is an error of `manage.py check`, not a lost menu item."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from grid.visits.sections import record_sections
from nanjie.registry import NavEntry, Panel, Registry, SeedStep, check_registries, nav, panels, seed_steps
from tests.factories import make_branch_admin, make_grid_worker, make_tree


@pytest.fixture
def scratch():
    """A registry of its own, forgotten afterwards (Registry.every is what the system check reads)."""
    registry = Registry("scratch entry")
    yield registry
    Registry.every.remove(registry)


def labels(user):
    """The menu's entries for the user (not the work queues only the phone's bottom bar names)."""
    return [str(entry.label) for entry in nav if entry.menu and entry.shown_to(user)]


def test_every_registered_entry_resolves():
    assert check_registries() == []


def test_a_misspelt_url_name_is_an_error_of_the_system_check(scratch):
    scratch.add(NavEntry("typo", "Typo", "requests:queus", order=1))
    assert [error.id for error in check_registries()] == ["nanjie.E001"]


def test_manage_py_check_stops_on_a_misspelt_url_name(scratch):
    scratch.add(NavEntry("typo", "Typo", "field:housholds", order=1))
    with pytest.raises(SystemCheckError):
        call_command("check")


def test_a_panel_naming_a_missing_template_is_an_error(scratch):
    scratch.add(Panel("typo", lambda request: None, order=1, templates=("grid/visits/_panel_typo.html",)))
    assert "does not exist" in check_registries()[0].msg


def test_a_name_registered_twice_is_refused(scratch):
    scratch.add(SeedStep("twice", lambda rng, out, context: None, order=1))
    with pytest.raises(ValueError):
        scratch.add(SeedStep("twice", lambda rng, out, context: None, order=2))


def test_every_app_registers_its_seed_steps_ground_floor_first():
    floors = [name.split(".")[0] for name in seed_steps.names()]
    assert floors[:5] == ["grid", "grid", "partners", "partners", "volunteers"]


def test_the_request_loop_seeds_last_but_its_needs_and_the_meetings_whose_agendas_propose_its_overdue_requests():
    # Then the roll-ups count what every step before wrote (the request seed backdates with plain UPDATEs).
    names = seed_steps.names()
    assert names[names.index("requests.lifecycle"):] == ["requests.lifecycle", "requests.needs", "partners.meetings",
                                                         "requests.rollups"]


def test_every_app_with_pages_has_a_menu_entry():
    # nanjie: the branch's login-lockout page (nanjie/lockouts.py)
    assert {name.split(".")[0] for name in nav.names()} == {"nanjie", "grid", "partners", "volunteers", "requests"}


def test_the_me_page_collects_the_panels_of_every_app():
    assert {name.split(".")[0] for name in panels.names()} == {"grid", "partners", "volunteers", "requests"}


def test_the_requests_app_adds_its_section_to_household_and_visit_pages():
    assert record_sections.names() == ["requests.linked"]


def test_anonymous_visitors_get_the_public_menu_in_order():
    assert labels(AnonymousUser()) == ["首页", "我要提微心愿", "办结公示", "近7天的服务", "服务阵地", "社区活动日",
                                       "共建单位", "需求清单", "志愿服务队"]


def test_a_grid_worker_gets_field_work_after_the_loop_and_before_the_partners(db):
    make_tree(grids=3, micro_per_grid=1)
    menu = labels(make_grid_worker("NJ-03"))
    assert menu.index("代居民登记") < menu.index("记录走访") < menu.index("共建单位")


def test_the_branch_admin_gets_every_staff_entry(db):
    make_tree(grids=1, micro_per_grid=1)
    assert len(labels(make_branch_admin())) == len([entry for entry in nav if entry.menu])
