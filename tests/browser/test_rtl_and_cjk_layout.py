"""Arabic mirrors the layout and Korean fits a phone: CSS logical properties, no second stylesheet.

At phone width the new-plan page, the treatments page and a treatment's page in Arabic are right to left
(the brand on the right, labels start-aligned, i.e. on the right, figures at the end), nothing is wider than
the screen, and axe-core finds no violation; in Korean nothing is wider than the screen either. The
language switcher marks the current language and gives each link a target of at least 24 by 24 CSS pixels.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import PHONE
from tests.browser.test_accessibility import violations

PAGES = ["/", "/treatments", "/treatments/acupuncture-chronic-pain"]

#: the right edge of a label's text, and the right edge of its box, in CSS pixels
LABEL_EDGES = """() => [...document.querySelectorAll('main label')]
  .filter(label => label.offsetParent !== null && !label.classList.contains('check') && label.textContent.trim())
  .map(label => {
    const range = document.createRange();
    range.selectNodeContents(label);
    const text = range.getBoundingClientRect(), box = label.getBoundingClientRect();
    return {id: label.htmlFor, text: text.right, box: box.right, align: getComputedStyle(label).textAlign};
  })"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    yield page
    context.close()


#: longer than any translation should be: what buttons, links, labels and headings must hold without clipping
LONG = {
    "ko": "한국치료여행계획표를만들고예약하기 " * 3,
    "zh_Hans": "制定您在韩国的治疗旅行计划并预约诊所" * 3,
    "ja": "韓国での治療旅行の計画を立てて予約する" * 3,
}
LENGTHEN = """text => document.querySelectorAll(
  '.site-header a, .nav-button, main a, main button, main label, main legend, main h1, main h2, main dt, main dd'
).forEach(element => { if (!element.children.length) element.textContent = text; })"""


#: the page's width against the screen's; on an emulated phone a page that overflows makes the browser zoom
#: out, which widens innerWidth too, so the layout viewport (clientWidth) is the screen's width
WIDTHS = """() => ({
  scroll: document.scrollingElement.scrollWidth,
  inner: Math.min(window.innerWidth, document.documentElement.clientWidth),
})"""


def _overflow(page) -> dict:
    # after a click that posts a form the new page may still be loading its stylesheets (planner.css keeps the
    # budget table scrolling inside the screen): the page is measured as the browser first draws it, styled
    page.wait_for_load_state("load")
    return page.evaluate(WIDTHS)


@pytest.mark.parametrize("path", PAGES)
def test_arabic_is_right_to_left_and_fits_a_phone(phone, live_server, path):
    phone.goto(f"{live_server}{path}?lang=ar")
    assert phone.evaluate("document.documentElement.dir") == "rtl"
    assert phone.evaluate("getComputedStyle(document.body).direction") == "rtl"
    size = _overflow(phone)
    assert size["scroll"] <= size["inner"], size
    brand = phone.locator(".site-header .brand").bounding_box()
    width = size["inner"]
    # the brand starts the header: on the right, its right edge at the wrap's edge (1rem in from the screen's)
    assert brand["x"] + brand["width"] / 2 > width / 2, brand
    assert brand["x"] + brand["width"] >= width - 20, brand
    labels = phone.evaluate(LABEL_EDGES)
    if path == "/":
        assert labels, "the new-plan form has labels"
    for label in labels:
        assert label["align"] in ("start", "right"), label
        assert abs(label["text"] - label["box"]) <= 1, label  # the text hugs the right edge of its box
    # figures (a price, a stay) sit at the end of their row: on the left in Arabic
    figures = "() => [...document.querySelectorAll('main dd')].map(dd => getComputedStyle(dd).textAlign)"
    for align in phone.evaluate(figures):
        assert align in ("end", "left"), align


@pytest.mark.parametrize("path", PAGES)
def test_korean_fits_a_phone(phone, live_server, path):
    phone.goto(f"{live_server}{path}?lang=ko")
    assert phone.evaluate("document.documentElement.lang") == "ko"
    size = _overflow(phone)
    assert size["scroll"] <= size["inner"], size


@pytest.mark.parametrize("locale", sorted(LONG))
@pytest.mark.parametrize("path", PAGES)
def test_long_cjk_words_wrap_instead_of_widening_the_page(phone, live_server, path, locale):
    phone.goto(f"{live_server}{path}?lang={locale}")
    phone.evaluate(LENGTHEN, LONG[locale])
    size = _overflow(phone)
    assert size["scroll"] <= size["inner"], size


def test_the_language_switcher_marks_the_current_language(phone, live_server):
    phone.goto(f"{live_server}/?lang=ar")
    links = phone.locator(".languages a")
    assert links.count() == 6
    for index in range(links.count()):
        box = links.nth(index).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box
    current = phone.locator('.languages a[aria-current="true"]')
    assert current.get_attribute("hreflang") == "ar"
    style = current.evaluate("a => [getComputedStyle(a).fontWeight, getComputedStyle(a).textDecorationLine]")
    assert int(style[0]) >= 700 and "underline" in style[1], style
    other = phone.locator('.languages a:not([aria-current="true"])').first
    assert int(other.evaluate("a => getComputedStyle(a).fontWeight")) < 700
    # the list wraps inline: the first two links share a line
    first, second = links.nth(0).bounding_box(), links.nth(1).bounding_box()
    assert abs(first["y"] - second["y"]) < 2 and second["x"] < first["x"]  # and right to left


@pytest.mark.parametrize("path", PAGES)
def test_the_arabic_page_has_no_axe_violation(phone, live_server, path):
    phone.goto(f"{live_server}{path}?lang=ar")
    assert violations(phone) == []


def test_an_arabic_plan_mirrors_its_calendar_and_budget(phone, live_server):
    phone.goto(f"{live_server}/?lang=ar&treatment=acupuncture-chronic-pain")
    phone.fill("#home_timezone", "Europe/Lisbon")
    phone.fill("#arrival_date", "2027-03-01")
    phone.fill("#arrival_time", "15:00")
    phone.fill("#departure_date", "2027-03-10")
    phone.fill("#departure_time", "18:00")
    phone.locator(".plan-form button[type=submit]").click()
    phone.wait_for_selector(".day-entry")
    assert phone.evaluate("document.documentElement.dir") == "rtl"
    size = _overflow(phone)
    assert size["scroll"] <= size["inner"], size
    assert phone.locator(".month caption").first.evaluate("c => getComputedStyle(c).textAlign") == "start"
    amount = phone.locator(".budget tbody td").first
    assert amount.evaluate("td => getComputedStyle(td).textAlign") == "end"
    # the first day of a week (a row's first cell) is on the right
    row = phone.locator(".month tbody tr").first.locator("td")
    assert row.first.bounding_box()["x"] > row.last.bounding_box()["x"]
    assert violations(phone) == []
