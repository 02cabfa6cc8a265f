"""The warm-heart loop on phones: a resident scans a wish-wall QR code and makes a micro-wish → the on-duty
chairman dispatches → a party member of the unit accepts and closes → the branch admin publicises its summary →
the board shows the notice → the resident rates it on the tracking page."""

import re

import pytest

from requests.models import Request
from tests.conftest import browser_login
from tests.factories import make_branch_admin, make_category, make_chairman, make_tree, make_unit, make_unit_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def staff_phone(browser, live_server, username):
    """A staff member on their own 390-px phone, logged in through the real form."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    browser_login(page, live_server, username)
    return context, page


def act(page, live_server, reference, action, fill=None):
    page.goto(f"{live_server.url}/requests/{reference}/")
    form = page.locator(f"form.loop-action-{action}")
    for selector, value in (fill or {}).items():
        if selector.startswith("select"):
            form.locator(selector).select_option(label=value)
        else:
            form.locator(selector).fill(value)
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/requests/{reference}/$"))


def test_the_whole_loop_from_a_qr_code_to_the_residents_rating(phone, browser, live_server):
    make_tree(grids=2, micro_per_grid=2)
    category = make_category(code="light", name="公共设施维修")
    unit = make_unit(name="县住房和城乡建设局", short_name="住建局", duties=[category])
    make_chairman("chairman")
    make_unit_member(unit, "housing1")
    make_branch_admin("branch")

    # The resident scans the poster of micro-grid NJ-02-01 and lands on the form with the place chosen.
    phone.goto(f"{live_server.url}/wish/?grid=NJ-02-01")
    assert "第2网格第1微网格" in phone.locator("#preset-place").inner_text()
    phone.locator("#id_category").select_option(label="公共设施维修")
    phone.fill("#id_text", "3栋楼道灯坏了两个星期，晚上看不见台阶。")
    phone.fill("#id_resident_name", "李秀英")
    phone.fill("#id_resident_phone", "13812345678")
    phone.click("form.wish-form button[type=submit]")
    phone.wait_for_url(re.compile(r"/track/[\w-]+/\?new=1$"))
    wish = Request.objects.get()
    track_url = phone.url.split("?")[0]
    assert wish.reference in phone.locator(".reference").first.inner_text()
    assert wish.channel == Request.Channel.WISH_WALL
    assert wish.micro_grid.code == "NJ-02-01"

    # The on-duty chairman dispatches it to the unit whose duties cover the category.
    context, page = staff_phone(browser, live_server, "chairman")
    act(page, live_server, wish.reference, "dispatch", {"select[name$=unit]": "住建局"})
    context.close()
    wish.refresh_from_db()
    assert (wish.state, wish.unit) == (Request.State.DISPATCHED, unit)

    # A party member of that unit accepts it, then records what was done.
    context, page = staff_phone(browser, live_server, "housing1")
    act(page, live_server, wish.reference, "accept")
    act(page, live_server, wish.reference, "close", {"textarea[name$=note]": "已更换3栋1至6层楼道灯。"})
    context.close()
    wish.refresh_from_db()
    assert wish.state == Request.State.CLOSED

    # The branch admin publicises the closure with its public summary, the building left out.
    context, page = staff_phone(browser, live_server, "branch")
    act(page, live_server, wish.reference, "publicise", {"textarea[name$=summary]": "已更换1至6层楼道灯。"})
    context.close()

    # The board shows the notice: 李**, no phone, no building, the summary the branch wrote.
    phone.goto(f"{live_server.url}/board/")
    notice = phone.locator(f"article[id='{wish.reference}']").inner_text()
    assert "李**" in notice
    assert "已更换1至6层楼道灯" in notice
    assert "3栋" not in notice
    assert "李秀英" not in notice
    assert "13812345678" not in phone.content()

    # The resident follows the link they kept and rates the result.
    phone.goto(track_url)
    phone.locator("input[name=rating][value=satisfied]").check()
    phone.click("section.rate button[type=submit]")
    phone.wait_for_url(track_url)
    wish.refresh_from_db()
    assert wish.rating == Request.Rating.SATISFIED
    assert phone.locator("section.rate").count() == 0


def test_a_camera_photo_over_5_mb_is_shrunk_in_the_browser_and_accepted(phone, live_server, tmp_path):
    import os

    from PIL import Image

    make_tree(grids=1, micro_per_grid=1)
    make_category(code="light", name="公共设施维修")
    big = tmp_path / "IMG_0001.jpg"
    Image.frombytes("RGB", (3000, 2400), os.urandom(3000 * 2400 * 3)).save(big, quality=100)
    assert big.stat().st_size > 5 * 1024 * 1024  # a real camera-sized file

    phone.goto(f"{live_server.url}/wish/?grid=NJ-01-01")
    phone.locator("#id_category").select_option(label="公共设施维修")
    phone.fill("#id_text", "路灯坏了")
    phone.set_input_files("#id_photos", str(big))
    # Poll from Python: the page's CSP (rightly) forbids wait_for_function's eval.
    for _ in range(100):
        if phone.locator("#id_photos").evaluate("input => input.files[0].size") < 5 * 1024 * 1024:
            break
        phone.wait_for_timeout(100)
    phone.click("form.wish-form button[type=submit]")
    phone.wait_for_url(re.compile(r"/track/[\w-]+/\?new=1$"))
    assert Request.objects.get().photos.count() == 1
