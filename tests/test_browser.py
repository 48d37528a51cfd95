"""The built site in a real browser: every page type, at desktop and phone widths."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser_support import VIEWPORTS, assert_loads_cleanly, open_page, require_chromium
from conftest import Build, build, make_project
from playwright.sync_api import expect
from servers import free_port, static_host

pytestmark = pytest.mark.browser  # drives Chromium (README: the test tiers)

PAGES = {
    "home": "",
    "goals": "goals/",
    "activities": "activities/",
    "members": "members/",
    "join": "join/",
    "archive": "meetings/",
    "meeting": "meetings/002-20200703/",
    "404": "no-such-page/",
    "home-zh": "zh/",
    "archive-zh": "zh/meetings/",
    "meeting-zh": "zh/meetings/005-20201009/",
}
CHINESE_NOTE = (
    "# 2020年10月9日 星期五 15:00 GMT+8\n\n## 议程\n* 联邦学习路线图讨论\n* 差分隐私训练的图模式适配\n\n"
    "## 会议纪要\n* 确定了隐私预算监控方案。\n"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[tuple[str, Build]]:
    require_chromium()
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    project = make_project(tmp_path_factory.mktemp("browser"))
    (project / "meetings" / "005-20201009.md").write_text(CHINESE_NOTE, "utf-8")
    result = build(project, env={"SIGSITE_SITE_URL": base})
    assert result.ok, result.result.stderr
    with static_host(result.site, port) as url:
        yield url, result


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", PAGES)
def test_page_loads_cleanly_and_is_accessible(site, browser, name, viewport):
    base, _ = site
    shot = name if name in {"home", "members", "meeting", "home-zh"} else ""
    status = 404 if name == "404" else 200
    assert_loads_cleanly(browser, base, PAGES[name], viewport, status=status, screenshot=shot)


@pytest.mark.parametrize(
    ("start", "word", "found"),
    [
        ("", "zCDP", "meetings/002-20200703/"),  # a word of a meeting's agenda
        ("zh/", "差分隐私", "zh/"),  # the Chinese home page
        ("zh/", "路线图", "zh/meetings/005-20201009/"),  # a Chinese note
    ],
)
def test_search_finds_pages(site, browser, start, word, found):
    base, _ = site
    with open_page(browser, base, start, "desktop") as (page, _, _):
        search = page.locator("input.md-search__input")
        search.click()
        search.fill(word)  # as an input method commits a word
        page.keyboard.press("End")  # Material searches on key events
        page.locator(".md-search-result__item a").first.wait_for(timeout=10_000)
        hrefs = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
        paths = {urlsplit(href).path.removeprefix("/") for href in hrefs}
        assert found in paths, hrefs


def test_language_switcher_keeps_the_page(site, browser):
    base, _ = site
    with open_page(browser, base, "members/", "desktop") as (page, _, _):
        page.locator(".md-header__option .md-select button").hover()
        page.locator('a.md-select__link[hreflang="zh"]').click()
        page.wait_for_url(base + "zh/members/")
        assert page.locator(".sig-role").first.inner_text() == "维护者"
        page.locator(".md-header__option .md-select button").hover()
        page.locator('a.md-select__link[hreflang="en"]').click()
        page.wait_for_url(base + "members/")


def test_theme_toggle_switches_to_dark_and_back(site, browser):
    base, _ = site
    with open_page(browser, base, "", "desktop", color_scheme="light") as (page, _, _):
        body = page.locator("body")
        assert body.get_attribute("data-md-color-scheme") == "default"
        page.locator("label[title='Switch to dark mode']").click()
        assert body.get_attribute("data-md-color-scheme") == "slate"
        page.locator("label[title='Switch to light mode']").click()
        assert body.get_attribute("data-md-color-scheme") == "default"


def test_archive_links_reach_every_meeting_page(site, browser):
    base, result = site
    with open_page(browser, base, "meetings/", "desktop") as (page, _, _):
        hrefs = page.eval_on_selector_all("article a.sig-meeting__title", "links => links.map(a => a.href)")
        local = [h for h in hrefs if h.startswith(base)]
        pages = [
            page
            for folder in ("meetings", "zh/meetings")
            for page in Path(result.site, folder).glob("*/index.html")
            if re.fullmatch(r"\d{3,}-\d{8}", page.parent.name)  # not the year pages
        ]
        assert len(local) == len(pages) == 5
        for href in local:
            response = page.goto(href)
            assert response.status == 200, href
            assert page.locator(".sig-meeting-meta").count() == 1


def test_meeting_time_is_shown_in_the_visitors_zone(site, browser):
    base, _ = site
    with open_page(
        browser, base, "meetings/001-20200604/", "desktop", timezone_id="Europe/Berlin", locale="en-GB"
    ) as (page, _, _):
        local = page.locator(".sig-meeting-meta .sig-local-time")
        assert "your time" in local.inner_text()
        assert "09:00" in local.inner_text()  # 15:00 GMT+8 is 09:00 in Berlin's summer time


def test_roster_filter_shows_one_role(site, browser):
    base, _ = site
    with open_page(browser, base, "members/", "phone") as (page, _, _):
        people = page.locator(".sig-person")
        assert people.count() == 3
        page.locator(".sig-chip[data-role=maintainer]").click()
        assert page.locator(".sig-person:visible").count() == 3
        assert page.locator(".sig-chip[data-role=maintainer]").get_attribute("aria-pressed") == "true"


def test_roster_search_finds_a_member_by_name(site, browser):
    base, _ = site
    with open_page(browser, base, "members/", "desktop") as (page, _, _):
        search = page.get_by_label("Find a member")
        search.fill("jin")
        assert page.locator(".sig-person:visible").count() == 1
        assert page.locator(".sig-person:visible .sig-person__name").inner_text() == "Mr. Jin"
        assert page.locator(".sig-roster__status").inner_text() == "Showing 1 of 3"
        search.fill("nobody by this name")
        assert page.locator(".sig-person:visible").count() == 0
        assert page.locator(".sig-roster__status").inner_text() == "No member matches."
        search.fill("")
        page.locator(".sig-chip[data-role=maintainer]").click()
        assert page.locator(".sig-person:visible").count() == 3


def test_roster_without_javascript_shows_everyone_and_no_dead_controls(site, browser):
    base, _ = site
    with open_page(browser, base, "members/", "phone", java_script_enabled=False) as (page, _, _):
        assert page.locator(".sig-person:visible").count() == 3
        assert page.locator(".sig-chip:visible").count() == 0  # buttons that would do nothing
        assert page.locator(".sig-roster__find input:visible").count() == 0


def test_the_policy_is_active_and_stops_a_script_that_got_past_the_sanitizer(site, browser):
    """Written into a built page after the build: no sanitizer saw it, the policy still stops it."""
    base, result = site
    page_file = result.site / "meetings" / "002-20200703" / "index.html"
    original = page_file.read_text("utf-8")
    injected = (
        '<p id="injected">note</p><script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
    )
    page_file.write_text(original.replace("</article>", injected + "</article>", 1), "utf-8")
    try:
        with open_page(browser, base, "meetings/002-20200703/", "desktop", violations_expected=True) as (
            page,
            _,
            _,
        ):
            assert page.locator("#injected").count() == 1  # the markup is there...
            assert page.evaluate("window.__pwned") is None  # ...and its scripts never ran
            violations = page.evaluate("window.__cspViolations")
            assert any(v.startswith("script-src") for v in violations), violations
            # The theme's own scripts still run under the same policy: search works.
            page.locator("input.md-search__input").click()
            page.locator("input.md-search__input").fill("zCDP")
            page.keyboard.press("End")
            page.locator(".md-search-result__item a").first.wait_for(timeout=10_000)
    finally:
        page_file.write_text(original, "utf-8")


@pytest.mark.parametrize(
    ("path", "language", "root"), [("no-such-page/", "en", ""), ("zh/gone/", "zh", "zh/")]
)
def test_the_404_page_speaks_the_visitors_language(site, browser, path, language, root):
    base, _ = site
    with open_page(browser, base, path, "phone") as (page, response, _):
        assert response.status == 404
        shown = page.locator(".sig-not-found:visible")
        expect(shown).to_have_count(1)  # once sigsite.js has hidden the other languages' sections
        assert shown.get_attribute("lang") == language
        hrefs = shown.locator("a").evaluate_all("links => links.map(a => a.href)")
        assert hrefs == [base + root, base + root + "meetings/", base + root + "members/"]
