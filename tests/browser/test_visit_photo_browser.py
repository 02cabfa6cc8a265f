"""On a 390-px phone: the visit form's photo input is a large tap target the width of the form, a photo with GPS
chosen there is saved with the visit, and the visit's page shows it without the location."""

import io
import re

import pytest
from PIL import Image

from grid.models import Visit
from tests.conftest import browser_login
from tests.factories import make_grid_worker, make_tree
from tests.grid.factories import make_household
from tests.photos import gps_exif, has_gps, jpeg_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_a_worker_attaches_a_photo_to_a_visit_on_a_phone(phone, live_server):
    make_tree(grids=3, micro_per_grid=1)
    make_grid_worker("NJ-03", "worker3")
    household = make_household("NJ-03-01", building="3", room="201", contact_name="李桂芳")
    browser_login(phone, live_server, "worker3")
    phone.goto(f"{live_server.url}/field/households/{household.pk}/visit/")

    box = phone.locator("#id_photo").bounding_box()
    form = phone.locator("form.visit-form").bounding_box()
    assert box["height"] >= 44
    assert box["width"] >= form["width"] * 0.8  # the whole row is the button, not a small link
    assert phone.locator("#id_photo").get_attribute("accept") == "image/*"

    phone.fill("#id_looked", "楼道堆放杂物")
    phone.set_input_files("#id_photo", files=[{"name": "IMG_0001.jpg", "mimeType": "image/jpeg",
                                               "buffer": jpeg_bytes(size=(800, 600), exif=gps_exif())}])
    phone.click("button:has-text('保存走访')")
    phone.wait_for_url(re.compile(r"/field/visits/\d+/$"))
    visit = Visit.objects.get()
    shown = phone.locator("img.photo")
    shown.scroll_into_view_if_needed()  # loading="lazy": an image below the fold loads when scrolled to
    phone.wait_for_function("() => { const img = document.querySelector('img.photo');"
                            " return img.complete && img.naturalWidth > 0; }")
    assert shown.evaluate("img => img.naturalWidth") == 800
    content = phone.request.get(live_server.url + shown.get_attribute("src")).body()
    assert not has_gps(content)
    assert Image.open(io.BytesIO(content)).format == "JPEG"
    assert visit.photo
