"""The draggable grid tree in Django admin runs under our CSP (default-src 'self') without violations."""

import pytest
from django.contrib.auth import get_user_model

from tests.conftest import browser_login
from tests.factories import make_tree

pytestmark = [pytest.mark.browser]


def test_the_admin_tree_script_runs_and_nothing_is_blocked_by_csp(desktop, live_server, transactional_db):
    make_tree(grids=3, micro_per_grid=2)
    get_user_model().objects.create_superuser("root", password="correct-horse-battery")
    blocked = []
    desktop.on("console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text
               else None)
    browser_login(desktop, live_server, "root")
    desktop.goto(f"{live_server.url}/admin/grid/gridnode/")
    # The expand/collapse tools and the drag handles' toggles are added by mptt's script.
    assert desktop.locator(".object-tools a").count() >= 3
    assert desktop.locator(".tree-node.children").count() == 4
    assert blocked == []
