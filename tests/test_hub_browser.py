"""The community hub in a real browser: every page type, accessible, quiet, nothing off-site; the
directory's filters."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser_support import VIEWPORTS, assert_loads_cleanly, open_page, require_chromium
from conftest import Build
from hub_support import JUNE_2021, build_hub, make_community
from servers import free_port, static_host

pytestmark = pytest.mark.browser  # drives Chromium (README: the test tiers)

PAGES = {
    "home": "",
    "sig": "sigs/alpha/",
    "sig-members": "sigs/alpha/members/",
    "sig-meetings": "sigs/alpha/meetings/",
    "meeting": "sigs/alpha/meetings/001-20210304/",
    "people": "people/",
    "sig-health": "sigs/alpha/health/",
    "health": "health/",
    "sig-health-zh": "zh/sigs/alpha/health/",
    "home-zh": "zh/",
    "sig-zh": "zh/sigs/alpha/",
    "meeting-zh": "zh/sigs/alpha/meetings/002-20210401/",
    "404": "no-such-page/",
}


@pytest.fixture(scope="module")
def hub(tmp_path_factory) -> Iterator[tuple[str, Build]]:
    require_chromium()
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    community = make_community(tmp_path_factory.mktemp("community"))
    result = build_hub(
        community,
        tmp_path_factory.mktemp("hub") / "site",
        env={"SIGSITE_HUB_URL": base, "SOURCE_DATE_EPOCH": JUNE_2021},
    )
    assert result.ok, result.result.stderr
    with static_host(result.site, port) as url:
        yield url, result


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", PAGES)
def test_hub_page_loads_cleanly_and_is_accessible(hub, browser, name, viewport):
    base, _ = hub
    shot = f"hub-{name}" if name in {"home", "sig", "people"} else ""
    status = 404 if name == "404" else 200
    assert_loads_cleanly(browser, base, PAGES[name], viewport, status=status, screenshot=shot)


@pytest.mark.parametrize("path", ["sigs/alpha/health/", "health/"])
def test_a_health_page_never_scrolls_sideways_on_a_phone(hub, browser, path):
    base, _ = hub
    with open_page(browser, base, path, "phone") as (page, _response, _visit):
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], f"{path} is {widths[0]} px wide on a {widths[1]} px phone"
        assert page.locator(".sig-health__scroll table").count() >= 1


def test_the_directory_filters_by_kind_activity_and_text(hub, browser):
    base, _ = hub
    with open_page(browser, base, "", "desktop") as (page, _, _):
        cards = page.locator(".sig-card")
        assert cards.count() == 7  # five SIGs, a working group, the TSC
        activity = page.locator(".sig-roster__filters:not([data-facet])")
        kinds = page.locator(".sig-roster__filters[data-facet='kind']")
        activity.locator("button[data-role='external']").click()
        names = page.locator(".sig-card:visible .sig-card__name").all_inner_texts()
        assert names == ["MindSpore Gamma SIG"]
        assert page.locator(".sig-card:visible").count() == 1
        activity.locator("button[data-role='']").click()
        kinds.locator("button[data-role='wg']").click()
        visible = page.locator(".sig-card:visible .sig-card__name").all_inner_texts()
        assert len(visible) == 1 and "Research" in visible[0]
        kinds.locator("button[data-role='']").click()
        page.locator("#sig-directory-find").fill("trusted computing")
        assert page.locator(".sig-card:visible").count() == 1
        assert page.locator(".sig-roster__status").inner_text() == "Showing 1 of 7 groups"
        page.locator("#sig-directory-find").fill("tsc")  # a folder name, not only words of the card
        assert page.locator(".sig-card:visible .sig-card__kind").all_text_contents() == [
            "Technical Steering Committee"
        ]


def test_the_people_page_filters_by_role(hub, browser):
    base, _ = hub
    with open_page(browser, base, "people/", "phone") as (page, _, _):
        page.locator("button[data-role='maintainer']").click()
        names = page.locator(".sig-person:visible .sig-person__name").all_inner_texts()
        assert sorted(names) == ["Ada Alpha", "Bob Both", "No Account"]


def test_a_readme_link_leads_to_the_meeting_page(hub, browser):
    base, _ = hub
    with open_page(browser, base, "sigs/alpha/", "desktop") as (page, _, _):
        page.get_by_role("link", name="first meeting").click()
        page.wait_for_url(base + "sigs/alpha/meetings/001-20210304/")
        assert "Attestation roadmap" in page.locator("article").inner_text()


@pytest.mark.parametrize(
    ("path", "language", "root"), [("no-such-page/", "en", ""), ("zh/no/such/", "zh", "zh/")]
)
def test_the_404_page_speaks_the_visitors_language_and_leads_to_the_hubs_pages(
    hub, browser, path, language, root
):
    base, _ = hub
    with open_page(browser, base, path, "desktop") as (page, response, _):
        assert response.status == 404
        shown = page.locator(".sig-not-found:visible")
        assert shown.count() == 1 and shown.get_attribute("lang") == language
        assert page.evaluate("document.documentElement.lang") == language
        hrefs = shown.locator("a").evaluate_all("links => links.map(a => a.href)")
        assert hrefs == [base + root, base + root + "people/"]  # the hub's own pages, none of a SIG site
        assert '<html lang="en"' in response.text()  # one 404 page, the default language's build
        # Its search finds the pages of the visitor's language root.
        page.locator("input.md-search__input").click()
        page.locator("input.md-search__input").fill("alpha")
        page.keyboard.press("End")
        page.locator(".md-search-result__item a").first.wait_for(timeout=10_000)
        found = page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
        assert found and all(href.startswith(base + root) for href in found)
        assert root or not any(href.startswith(base + "zh/") for href in found)


# The directory (issue 31): a grid, a filter kept in the address, the count of groups, the keyboard
# and the dark scheme.


def _visible_cards(page) -> list[str]:
    return page.locator(".sig-card:visible h2").evaluate_all("headings => headings.map(h => h.id)")


@pytest.mark.parametrize(("viewport", "columns"), [("desktop", 3), ("phone", 1)])
def test_the_directory_is_a_grid_on_a_wide_screen_and_one_column_on_a_phone(hub, browser, viewport, columns):
    base, _ = hub
    with open_page(browser, base, "", viewport) as (page, _, _):
        lefts = page.locator(".sig-card").evaluate_all(
            "cards => [...new Set(cards.map(c => Math.round(c.getBoundingClientRect().left)))]"
        )
        assert len(lefts) == columns
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_filtered_directory_is_kept_in_its_address_and_comes_back_on_reload(hub, browser, viewport):
    base, _ = hub
    with open_page(browser, base, "?h=kept#sig-alpha", viewport) as (page, _, _):
        page.locator("#sig-directory-find").fill("trusted")
        assert _visible_cards(page) == ["sig-alpha"]
        page.locator(".sig-roster__filters[data-facet='kind'] button[data-role='sig']").click()
        # The filter's own parameters, beside Material's ?h= and the fragment, which stay as they were.
        assert page.url == base + "?h=kept&find=trusted&kind=sig#sig-alpha"
        page.reload(wait_until="networkidle")
        assert page.locator("#sig-directory-find").input_value() == "trusted"
        assert page.locator("button[data-role='sig']").get_attribute("aria-pressed") == "true"
        assert _visible_cards(page) == ["sig-alpha"]
        assert page.locator(".sig-roster__status").inner_text() == "Showing 1 of 7 groups"
        page.locator("#sig-directory-find").fill("")
        page.locator(".sig-roster__filters[data-facet='kind'] button[data-role='']").click()
        assert page.url == base + "?h=kept#sig-alpha"  # back to the defaults: nothing of ours left


def test_a_shared_address_opens_the_directory_filtered_in_chinese_counting_groups(hub, browser):
    base, _ = hub
    with open_page(browser, base, "zh/?find=%E5%8F%AF%E4%BF%A1", "phone") as (page, _, _):
        assert page.locator("#sig-directory-find").input_value() == "可信"
        assert _visible_cards(page) == ["sig-alpha"]
        assert page.locator(".sig-roster__status").inner_text() == "显示 1 / 7 个小组"


def test_the_directory_has_a_second_order_by_latest_activity_kept_in_the_address(hub, browser):
    base, _ = hub
    with open_page(browser, base, "", "desktop") as (page, _, _):
        by_name = _visible_cards(page)
        assert by_name[:2] == ["sig-alpha", "sig-beta"] and by_name[-1] == "sig-vision-cv-suite-sig"
        page.get_by_role("button", name="By latest activity").click()
        assert page.url == base + "?order=activity"
        page.reload(wait_until="networkidle")
        by_activity = _visible_cards(page)
        # The latest session first (alpha's of April 2021, beta's of March), the TSC's of 2020 next,
        # the groups without a dated activity last, in the order of names.
        assert by_activity[:3] == ["sig-alpha", "sig-beta", "sig-tsc"]
        assert sorted(by_activity) == sorted(by_name)
        page.get_by_role("button", name="By name").click()
        assert _visible_cards(page) == by_name and page.url == base


def test_without_javascript_every_card_shows_in_the_order_of_names(hub, browser):
    base, _ = hub
    with open_page(browser, base, "?find=trusted&kind=wg", "phone", java_script_enabled=False) as (
        page,
        _,
        _,
    ):
        assert len(_visible_cards(page)) == 7
        assert page.locator(".sig-directory__controls").is_hidden()  # they would do nothing


def test_the_directorys_chips_and_cards_work_from_the_keyboard_with_a_visible_focus(hub, browser):
    base, _ = hub
    with open_page(browser, base, "", "desktop") as (page, _, _):
        page.locator("#sig-directory-find").focus()
        page.keyboard.press("Shift+Tab")  # the last chip: groups hosted elsewhere
        focused = page.evaluate(
            "(() => { const e = document.activeElement, s = getComputedStyle(e); return [e.dataset.role,"
            " e.matches(':focus-visible'), s.outlineStyle, s.outlineWidth]; })()"
        )
        assert focused[:3] == ["external", True, "solid"] and focused[3] != "0px"
        page.keyboard.press("Enter")
        assert _visible_cards(page) == ["sig-mindspore-gamma-sig"]
        for _step in range(3):  # back to "Any activity"
            page.keyboard.press("Shift+Tab")
        page.keyboard.press("Space")
        assert len(_visible_cards(page)) == 7
        page.locator("#sig-directory-find").focus()
        page.keyboard.press("Tab")  # "By name"
        page.keyboard.press("Tab")  # "By latest activity"
        page.keyboard.press("Tab")  # the first card's link
        assert (
            page.evaluate("document.activeElement.closest('.sig-card').querySelector('h2').id") == "sig-alpha"
        )
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
        page.keyboard.press("Enter")
        page.wait_for_url(base + "sigs/alpha/")


# The contrast of every text of the directory against what is drawn behind it (its ancestors'
# backgrounds blended, the colours' alpha too), as WCAG 2 computes it; a colour is rgb() or, when
# the stylesheet mixes it, color(srgb ...).
CONTRASTS = """
() => {
  const rgba = (text) => {
    const v = text.match(/[\\d.]+/g).map(Number), scale = text.startsWith("color(") ? 255 : 1;
    return [v[0] * scale, v[1] * scale, v[2] * scale, v.length > 3 ? v[3] : 1];
  };
  const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3])).concat([1]);
  const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const luminance = (c) => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
  const background = (element) => {
    const layers = [];
    for (let e = element; e; e = e.parentElement) layers.push(rgba(getComputedStyle(e).backgroundColor));
    return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]);
  };
  const texts = [...document.querySelectorAll('.sig-directory *')].filter(e =>
    e.offsetParent !== null && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()));
  return texts.map(e => {
    const style = getComputedStyle(e), behind = background(e), colour = over(rgba(style.color), behind);
    const [light, dark] = [luminance(colour), luminance(behind)].sort((a, b) => b - a);
    return [e.className || e.tagName, Math.round((light + 0.05) / (dark + 0.05) * 100) / 100];
  });
}
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_text_of_the_directory_keeps_its_contrast_in_both_schemes(hub, browser, scheme):
    base, _ = hub
    with open_page(browser, base, "", "desktop", color_scheme=scheme) as (page, _, _):
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == (
            "slate" if scheme == "dark" else "default"
        )
        page.locator("button[data-role='external']").focus()  # a focused chip, and then pressed ones
        page.keyboard.press("Enter")
        assert len(page.evaluate(CONTRASTS)) > 20
        page.locator(".sig-roster__filters:not([data-facet]) button[data-role='']").click()
        contrasts = page.evaluate(CONTRASTS)
        assert len(contrasts) > 50  # chips, counts, labels, badges, names, introductions, facts
        low = [(what, ratio) for what, ratio in contrasts if ratio < 4.5]
        assert low == [], f"below WCAG AA's 4.5:1 in the {scheme} scheme"
