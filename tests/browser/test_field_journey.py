"""A grid worker on a 390-px phone: find a household, log a visit with the four notes, raise a request from it,
see the coverage figure change; a worker of another grid cannot open that household."""

import re

import pytest
from django.urls import NoReverseMatch, reverse

from grid.models import Visit
from tests.conftest import browser_login, follow_menu
from tests.factories import make_category, make_grid_worker, make_tree
from tests.grid.factories import make_household

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_a_grid_worker_logs_a_visit_and_raises_a_request_on_a_phone(phone, live_server):
    make_tree(grids=4, micro_per_grid=2)
    make_grid_worker("NJ-03", "worker3")
    make_grid_worker("NJ-04", "worker4")
    make_category(name="房屋维修")
    household = make_household("NJ-03-01", building="3", unit_number="1", room="201", contact_name="李桂芳")
    make_household("NJ-03-02", building="4", room="502", contact_name="赵明亮")

    browser_login(phone, live_server, "worker3")
    phone.goto(f"{live_server.url}/me/")
    assert phone.locator("#my-coverage").inner_text().strip() == "0 / 2"

    follow_menu(phone, "记录走访")
    phone.fill("#id_q", "3幢 201")
    phone.click("button:has-text('查找')")
    phone.click("text=李桂芳")
    phone.fill("#id_walked", "楼道整洁")
    phone.fill("#id_looked", "燃气软管老化")
    phone.fill("#id_asked", "询问医保缴费")
    phone.fill("#id_listened", "希望楼道加装扶手")
    phone.fill("#id_opinions", "建议增设休息座椅")
    phone.click("button:has-text('保存走访')")
    phone.wait_for_url(re.compile(r"/field/visits/\d+/$"))
    visit = Visit.objects.get()
    assert visit.looked == "燃气软管老化"

    try:
        reverse("requests:record")
    except NoReverseMatch:
        assert phone.locator("#raise-request").count() == 0  # the request loop has not landed
    else:
        phone.click("#raise-request")
        phone.wait_for_url(re.compile(rf"visit={visit.pk}"))
        phone.locator("select[name=category]").select_option(label="房屋维修")
        phone.locator("main form[method=post] button[type=submit]").last.click()
        phone.wait_for_load_state("networkidle")
        from requests.models import Request

        assert Request.objects.filter(visit=visit, household=household).exists()

    phone.goto(f"{live_server.url}/me/")
    assert phone.locator("#my-coverage").inner_text().strip() == "1 / 2"

    phone.context.clear_cookies()
    browser_login(phone, live_server, "worker4")
    response = phone.goto(f"{live_server.url}/field/households/{household.pk}/")
    assert response.status == 404
