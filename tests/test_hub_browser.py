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
        assert [name.split("\n")[0] for name in names] == ["MindSpore Gamma SIG Hosted elsewhere"]
        assert page.locator(".sig-card:visible").count() == 1
        activity.locator("button[data-role='']").click()
        kinds.locator("button[data-role='wg']").click()
        visible = page.locator(".sig-card:visible .sig-card__name").all_inner_texts()
        assert len(visible) == 1 and "Research" in visible[0]
        kinds.locator("button[data-role='']").click()
        page.locator("#sig-directory-find").fill("trusted computing")
        assert page.locator(".sig-card:visible").count() == 1
        assert page.locator(".sig-roster__status").inner_text() == "Showing 1 of 7"
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
