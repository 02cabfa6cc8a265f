"""Elderly mode (适老化) measured in Chromium at 390 px, on the home page, the wish form and the tracking page:
body text ≥ 24 px (18 pt), line spacing ≥ 1.3, tap targets ≥ 60 × 60 px, contrast ≥ 4.5:1, nothing that pops
up; the normal mode keeps tap targets ≥ 44 × 44 px. The switch works without JavaScript."""

import pytest

from grid.households.models import Household
from nanjie.elderly import COOKIE
from tests.factories import make_chairman
from tests.requests.public_helpers import community, micro, order

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# (selector) of what a finger taps; radio buttons and checkboxes are tapped through their big labels.
TARGETS = ("a[href], button, select, textarea, summary, label.choice, #id_micro_grid label, "
           "input:not([type=hidden]):not([type=radio]):not([type=checkbox])")
MEASURE = """([targets, minTap]) => {
  const shown = (el) => {
    const box = el.getBoundingClientRect(), style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== "hidden" && box.right > 0 && !el.closest(".skip");
  };
  const describe = (el, what) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent || el.value || "")
    .trim().slice(0, 20)}": ${what}`;
  const rgb = (text) => (text.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const [R, G, B] = [r, g, b].map((c) => {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const background = (el) => {  // the layers under the text, translucent ones blended over what is below
    const layers = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const colour = rgb(getComputedStyle(node).backgroundColor);
      const alpha = colour.length === 3 ? 1 : colour[3];
      if (alpha > 0) layers.push([colour.slice(0, 3), alpha]);
      if (alpha === 1) break;
    }
    return layers.reverse().reduce((below, [colour, alpha]) =>
      colour.map((c, i) => c * alpha + below[i] * (1 - alpha)), [255, 255, 255]);
  };
  const small = [...document.querySelectorAll(targets)].filter(shown).filter((el) => {
    const box = el.getBoundingClientRect();
    return box.width < minTap - 0.5 || box.height < minTap - 0.5;
  }).map((el) => { const box = el.getBoundingClientRect();
    return describe(el, `${Math.round(box.width)}×${Math.round(box.height)}`); });
  const texts = [...document.body.querySelectorAll("*")].filter(shown).filter((el) =>
    [...el.childNodes].some((node) => node.nodeType === 3 && node.textContent.trim()));
  const fonts = [], spacing = [], contrast = [];
  for (const el of texts) {
    const style = getComputedStyle(el), size = parseFloat(style.fontSize);
    fonts.push([describe(el, size), size]);
    const line = style.lineHeight === "normal" ? 0 : parseFloat(style.lineHeight);
    if (line / size < 1.3 - 0.005) spacing.push(describe(el, `${style.lineHeight} on ${size}px`));
    const [a, b] = [luminance(rgb(style.color).slice(0, 3)), luminance(background(el))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) contrast.push(describe(el, ratio.toFixed(2)));
  }
  return {small, fonts, spacing, contrast, blank: document.querySelectorAll("a[target=_blank]").length,
          folded: !!document.querySelector(".site-nav.is-folded"), dialogs: document.querySelectorAll("dialog").length};
}"""


PAGES = ["home", "wish", "wish-places", "track", "track-invalid"]


@pytest.fixture
def wish():
    category, _unit = community()
    for code, building in (("NJ-01-01", "3"), ("NJ-01-02", "13")):
        Household.objects.create(micro_grid=micro(code), compound="栋川花园", building=building, room="101",
                                 contact_name="李秀英", contact_phone="13812345678")
    invalid = order(category)
    invalid.mark_invalid("与另一条诉求重复", by=make_chairman())
    return order(category, resident_phone="13812345678"), invalid


def pages(wish):
    wish, invalid = wish
    return ["/", "/wish/", "/wish/?place=栋川花园", f"/track/{wish.token}/", f"/track/{invalid.token}/"]


def measure(page, url, min_tap):
    popups = []
    page.on("dialog", lambda dialog: (popups.append(dialog.message), dialog.dismiss()))
    page.on("popup", lambda popup: popups.append(popup.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    found = page.evaluate(MEASURE, [TARGETS, min_tap])
    found["popups"] = popups
    return found


def elderly_phone(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    context.add_cookies([{"name": COOKIE, "value": "1", "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15000)
    return context, page


@pytest.mark.parametrize("index", range(len(PAGES)), ids=PAGES)
def test_in_normal_mode_every_tap_target_is_at_least_44_px(phone, live_server, wish, index):
    assert measure(phone, live_server.url + pages(wish)[index], 44)["small"] == []


@pytest.mark.parametrize("index", range(len(PAGES)), ids=PAGES)
def test_in_elderly_mode_every_tap_target_is_at_least_60_px(browser, live_server, wish, index):
    context, page = elderly_phone(browser, live_server)
    found = measure(page, live_server.url + pages(wish)[index], 60)
    context.close()
    assert found["small"] == []


@pytest.mark.parametrize("index", range(len(PAGES)), ids=PAGES)
def test_in_elderly_mode_all_text_is_at_least_18_pt(browser, live_server, wish, index):
    context, page = elderly_phone(browser, live_server)
    found = measure(page, live_server.url + pages(wish)[index], 60)
    context.close()
    assert [text for text, size in found["fonts"] if size < 24] == []


@pytest.mark.parametrize("index", range(len(PAGES)), ids=PAGES)
def test_in_elderly_mode_line_spacing_is_at_least_1_3(browser, live_server, wish, index):
    context, page = elderly_phone(browser, live_server)
    found = measure(page, live_server.url + pages(wish)[index], 60)
    context.close()
    assert found["spacing"] == []


@pytest.mark.parametrize("index", range(len(PAGES)), ids=PAGES)
def test_in_elderly_mode_text_contrast_is_at_least_4_5_to_1(browser, live_server, wish, index):
    context, page = elderly_phone(browser, live_server)
    found = measure(page, live_server.url + pages(wish)[index], 60)
    context.close()
    assert found["contrast"] == []


@pytest.mark.parametrize("index", range(len(PAGES)), ids=PAGES)
def test_in_elderly_mode_nothing_pops_up_or_folds_away(browser, live_server, wish, index):
    context, page = elderly_phone(browser, live_server)
    found = measure(page, live_server.url + pages(wish)[index], 60)
    context.close()
    assert (found["popups"], found["blank"], found["dialogs"], found["folded"]) == ([], 0, 0, False)


def test_the_switch_works_without_javascript_and_is_remembered(browser, live_server, wish):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/wish/")
    page.click(".elderly-switch button")
    page.goto(f"{live_server.url}/track/{wish[0].token}/")
    on = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    page.click(".elderly-switch button")
    off = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    context.close()
    assert (on >= 24, off < 24) == (True, True)
