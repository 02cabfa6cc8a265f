"""Django admin works under our Content-Security-Policy: no page of any registered model has a violation.

Walks admin.site's registry, so a model registered later is covered without editing this test.
"""

import pytest
from django.contrib import admin
from django.urls import NoReverseMatch, reverse

from tests.conftest import browser_login
from tests.factories import make_category, make_chairman, make_grid_worker, make_tree, make_unit, make_user


def admin_pages():
    pages = ["admin:index"]
    for model in admin.site._registry:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        # Read-only admins (axes' logs) answer the add page with 403: harmless, still checked for violations.
        pages += [f"{prefix}_changelist", f"{prefix}_add"]
    return pages


def object_pages(model):
    """The change page of the model's first object and, for history-tracked admins, its history pages."""
    obj = model._default_manager.order_by("pk").first()
    if obj is None:
        return []
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    pages = []
    for name, args in ((f"{prefix}_change", [obj.pk]), (f"{prefix}_history", [obj.pk])):
        try:
            pages.append(reverse(name, args=args))
        except NoReverseMatch:
            continue
    history = getattr(obj, "history", None)
    record = history.order_by("history_id").first() if history is not None else None
    if record is not None:
        try:
            pages.append(reverse(f"{prefix}_simple_history", args=[obj.pk, record.history_id]))
        except NoReverseMatch:
            pass
    return pages


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_no_admin_page_violates_the_content_security_policy(desktop, live_server):
    make_tree(grids=2, micro_per_grid=2)
    make_grid_worker("NJ-01")
    make_unit(duties=[make_category()])
    make_chairman()
    make_user("superadmin", is_staff=True, is_superuser=True)
    violations = []
    desktop.on("console", lambda message: violations.append((desktop.url, message.text))
               if "Content Security Policy" in message.text or "Refused to" in message.text else None)
    browser_login(desktop, live_server, "superadmin")
    paths = [reverse(name) for name in admin_pages()]
    paths += [path for model in admin.site._registry for path in object_pages(model)]
    statuses = {}
    # Each page to its load event only: Chromium reports a blocked script or style as it parses, and waiting for
    # the network to idle (half a second a page, ~250 pages) made this the slowest test of the suite.
    for path in paths:
        response = desktop.goto(live_server.url + path, wait_until="load")
        statuses[path] = response.status
    assert violations == []
    assert [path for path, status in statuses.items() if status >= 500] == []
    # Positive control: an inline script on the last page is refused, and the listener hears it.
    desktop.evaluate("() => { const s = document.createElement('script'); s.textContent = '1';"
                     " document.body.appendChild(s); }")
    desktop.wait_for_timeout(200)
    assert len(violations) == 1
