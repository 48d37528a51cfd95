"""A visitor reads the hub in either language, on a wide screen and a phone: the tables of the
Health and Activity pages, search (titles that name their group, Chinese queries cut into the
index's words), a group page's tab and sidebar, and links that say when they lead to a page in
the other language. Build tests read the built HTML and search index with a parser; browser
tests measure the pages in Chromium at 1280 and 390 px."""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from browser_support import VIEWPORTS, open_page, require_chromium
from bs4 import BeautifulSoup
from conftest import Build
from hub_support import JUNE_2021, build_hub, make_community
from servers import free_port, static_host

LANGUAGE_NAMES = {"en": "English", "zh": "中文"}
GROUP_TABS = {"en": "Groups", "zh": "小组一览"}
BARE_TITLES = {"Members", "Meetings", "Activity", "成员", "会议", "活动"}

# What the fixture lacks for these tests, added to a copy of it: a group whose name is one long
# word and a few (DevelopereXperience, as the real community has it) with sessions to count, and
# Chinese documents whose words share their first character (量子 quantum, 量化 quantization, 量
# amount: jieba cuts 计算量 in two).
ADDED = {
    "sigs/dx/README.md": "# DevelopereXperience SIG\n\nThe SIG improves the experience of developers.\n",
    "sigs/dx/meetings/001-20210309.md": (
        "# Tuesday March 09, 2021 at 16:00pm GMT+8\n\n## Agenda\n* Developer metrics\n\n"
        "## Attendees\n* Li Zi (Huawei)\n* Cao Jian (SJTU)\n* Wang Wu (SJTU)\n"
    ),
    "sigs/dx/meetings/002-20210323.md": (
        "# Tuesday March 23, 2021 at 16:00pm GMT+8\n\n## Agenda\n* Issue labels\n\n"
        "## Attendees\n* Li Zi (Huawei)\n* Cao Jian (SJTU)\n"
    ),
    "sigs/alpha/docs/quantum.md": "# 量子计算\n\n可信的量子计算与量子模拟。\n",
    "sigs/beta/docs/quantization.md": "# 模型量化\n\n量化让模型更轻量，减少神经网络的存储和计算量。\n",
    # jieba cuts 小组会议 (group meeting) whole in one text and as 小组, 会议 in the other.
    "sigs/alpha/docs/regular.md": "# 例会\n\n小组定期召开会议。\n",
    "sigs/beta/docs/weekly.md": "# 周会\n\n本组每周举行小组会议。\n",
}


@pytest.fixture(scope="module")
def site_url() -> str:
    """The hub's address, where the browser tests serve it: every address its pages name (the
    sitemap beside the feed, which Material reads) is then on the host serving them."""
    return f"http://127.0.0.1:{free_port()}/"


@pytest.fixture(scope="module")
def hub(tmp_path_factory, site_url) -> Build:
    community = make_community(tmp_path_factory.mktemp("community"))
    for path, text in ADDED.items():
        (community / path).parent.mkdir(parents=True, exist_ok=True)
        (community / path).write_text(text, "utf-8")
    result = build_hub(
        community,
        tmp_path_factory.mktemp("hub") / "site",
        env={"SOURCE_DATE_EPOCH": JUNE_2021, "SIGSITE_HUB_URL": site_url},
    )
    assert result.ok, result.result.stderr
    return result


def _pages(site: Path) -> Iterator[tuple[str, BeautifulSoup]]:
    for path in sorted(site.rglob("index.html")):
        yield path.relative_to(site).as_posix(), BeautifulSoup(path.read_text("utf-8"), "lxml")


def _language(path: str) -> str:
    return "zh" if path.startswith("zh/") else "en"


def _groups(hub: Build, site_url: str) -> dict[str, str]:
    """Each group's folder of pages (`sigs/alpha/`) and its name, as the hub's JSON gives them
    (a group hosted elsewhere has an address of its own)."""
    listed = json.loads((hub.site / "sigs.json").read_text("utf-8"))["sigs"]
    return {sig["url"][len(site_url) :]: sig["name"] for sig in listed if sig["url"].startswith(site_url)}


# Search ------------------------------------------------------------------------------------------


@pytest.mark.build
@pytest.mark.parametrize("root", ["", "zh/"])
def test_search_lists_every_page_of_a_group_with_its_group(hub, site_url, root):
    groups = _groups(hub, site_url)
    index = json.loads((hub.site / root / "search/search_index.full.json").read_text("utf-8"))
    pages = [doc for doc in index["docs"] if "#" not in doc["location"]]
    named = 0
    for doc in pages:
        title = doc["title"].replace("\u200b", "")  # jieba's word breaks
        folder = next((f for f in groups if doc["location"].startswith(f)), None)
        if folder is not None:
            assert title not in BARE_TITLES and groups[folder] in title, (doc["location"], title)
            named += 1
    assert named >= 10
    members = "成员" if root else "Members"
    assert f"{members} · MindSpore Alpha SIG" in {doc["title"].replace("\u200b", "") for doc in pages}


@pytest.mark.build
def test_search_leaves_out_a_groups_navigation_charts_tables_and_committers(hub):
    index = json.loads((hub.site / "search/search_index.full.json").read_text("utf-8"))
    by_location = {doc["location"]: doc for doc in index["docs"]}
    for location, doc in by_location.items():
        if location.startswith(("sigs/", "tsc/", "working-groups/")):
            assert "All groups" not in doc["text"], location  # the group's navigation
    repositories = by_location["sigs/alpha/repositories/"]["text"]
    assert (
        "mindspore/alpha" in repositories and "Bob Both" not in repositories
    )  # the repository, not its committer
    assert "Distinct organisations" not in by_location["health/"]["text"]  # the table's headings, figures
    chart = by_location["sigs/alpha/"]["text"]  # the chart's counts and years ran into its caption
    assert "Meetings per year" in chart and not re.search(r"\d\s*Meetings per year", chart)


@pytest.mark.build
def test_every_page_runs_our_search_worker_with_materials_beside_it(hub):
    workers = hub.site / "assets/javascripts/workers"
    assert (workers / "sigsite-search.js").is_file()
    for path, page in _pages(hub.site):
        settings = json.loads(page.select_one("#__config").string)
        address = urlsplit(settings["search"])
        assert posixpath.basename(address.path) == "sigsite-search.js", path
        query = parse_qs(address.query)
        assert query["theme"][0].startswith("search.") and (workers / query["theme"][0]).is_file()
        index = posixpath.normpath(posixpath.join("assets/javascripts/workers", query["index"][0]))
        root = "zh/" if _language(path) == "zh" else ""  # the page's language root
        assert index == f"{root}search/search_index.full.json", path
        assert (hub.site / index).is_file(), path


# What a page costs a phone ------------------------------------------------------------------------


@pytest.mark.build
def test_nothing_but_three_stylesheets_holds_back_a_pages_first_paint(hub):
    """Lighthouse's render-blocking resources: the theme's two stylesheets and ours, from the site
    itself (no web font: the theme's `font: false`), no @import chaining another; no script file
    before the page's content (Material's and ours come at the end of the body)."""
    assert "@import" not in (hub.site / "assets/stylesheets/sigsite.css").read_text("utf-8")
    for path, page in _pages(hub.site):
        sheets = [link["href"] for link in page.head.select('link[rel="stylesheet"]')]
        names = [posixpath.basename(urlsplit(href).path) for href in sheets]
        assert len(names) == 3 and names[2] == "sigsite.css", (path, sheets)
        assert names[0].startswith("main.") and names[1].startswith("palette."), (path, sheets)
        assert not any(urlsplit(href).netloc for href in sheets), (path, sheets)
        assert page.head.select("script[src]") == [], path
        scripts = page.body.select("script[src]")  # the theme's bundle and sigsite.js
        assert len(scripts) == 2 and all(tag.find_previous("main") for tag in scripts), path


# A group's pages: tab, sidebar, title ------------------------------------------------------------


@pytest.mark.build
def test_a_groups_pages_are_under_the_directorys_tab_without_an_empty_sidebar(hub, site_url):
    groups = _groups(hub, site_url)
    counted = 0
    for path, page in _pages(hub.site):
        tabs = [tab.get_text(strip=True) for tab in page.select(".md-tabs__item--active")]
        sidebar = page.select_one(".md-sidebar--primary")
        if path.removeprefix("zh/").startswith(tuple(groups)):
            assert tabs == [GROUP_TABS[_language(path)]], path
            assert sidebar.has_attr("hidden"), path  # it would hold nothing on a wide screen
            counted += 1
        elif path.removeprefix("zh/") == "people/index.html":
            assert tabs == [{"en": "People", "zh": "人员"}[_language(path)]]
            assert not sidebar.has_attr("hidden")  # not ours to hide
        elif path.removeprefix("zh/").startswith("people/"):  # a person's page, under the People tab
            assert tabs == [{"en": "People", "zh": "人员"}[_language(path)]], path
    assert counted >= 40


@pytest.mark.build
@pytest.mark.parametrize("path", ["tsc/index.html", "zh/tsc/index.html", "sigs/dx/index.html"])
def test_a_readme_that_opens_with_the_pages_title_does_not_show_it_twice(hub, path):
    article = hub.article(path)
    (title,) = [h.get_text(" ", strip=True) for h in article.select("h1")]
    below = [h.get_text(" ", strip=True).rstrip("¶ ") for h in article.select("h2, h3")]
    assert title not in below
    assert title in {"MindSpore Technical Steering Committee", "DevelopereXperience SIG"}


@pytest.mark.build
def test_a_readme_whose_heading_is_not_the_title_keeps_it(hub):
    article = hub.article("sigs/alpha/index.html")
    assert article.select_one("h1").get_text(strip=True) == "MindSpore Alpha SIG"
    assert "Alpha SIG" in [h.get_text(strip=True).rstrip("¶") for h in article.select("h2")]


# Language marks ----------------------------------------------------------------------------------


@pytest.mark.build
def test_every_link_to_a_page_in_the_other_language_says_so(hub):
    found = {"en": 0, "zh": 0}
    for path, page in _pages(hub.site):
        if path == "404.html":
            continue
        folder = posixpath.dirname(path)
        for link in page.select("article a[href]"):
            parts = urlsplit(link["href"])
            if parts.scheme or parts.netloc or not parts.path.endswith("/"):
                continue
            target = posixpath.normpath(posixpath.join(folder, unquote(parts.path))) + "/"
            if not (hub.site / target / "index.html").is_file() or _language(target) == _language(path):
                continue
            found[_language(path)] += 1
            language = _language(target)
            mark = link.next_sibling.next_sibling if link.next_sibling == " " else None
            assert link.get("hreflang") == language, (path, link)
            assert mark is not None and mark.name == "span" and mark["class"] == ["sig-lang"], (path, link)
            assert mark["lang"] == language and mark.get_text() == LANGUAGE_NAMES[language]
    assert found["en"] >= 3 and found["zh"] >= 3, found  # a card, an archive, a table, documents
    for path, page in _pages(hub.site):  # and no mark where the link stays in its language
        for mark in page.select("article .sig-lang"):
            assert mark["lang"] != _language(path), path


# In the browser ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(hub, site_url) -> Iterator[str]:
    require_chromium()
    with static_host(hub.site, urlsplit(site_url).port or 80) as url:
        yield url


# The name column's cells: each word on one line (a Range over a word gives one box), the cell's
# lines (distinct tops of its text's boxes), its width and where it sits.
MEASURE_NAMES = """
table => [...table.querySelectorAll('.sig-table__name')].map(cell => {
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  const broken = [], tops = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest('.sig-lang')) continue;
    for (const match of node.textContent.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const boxes = [...range.getClientRects()].filter(box => box.width > 0);
      new Set(boxes.map(box => Math.round(box.top))).size > 1 && broken.push(match[0]);
      boxes.forEach(box => tops.add(Math.round(box.top)));
    }
  }
  const box = cell.getBoundingClientRect();
  return {text: cell.textContent.trim(), broken, lines: tops.size, left: box.left, width: box.width,
          background: getComputedStyle(cell).backgroundColor};
})
"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["health/", "zh/health/", "sigs/dx/health/", "zh/sigs/alpha/health/"])
def test_a_health_table_on_a_phone_scrolls_in_its_region_with_its_names_in_view(
    served, browser, path, scheme
):
    with open_page(browser, served, path, "phone", color_scheme=scheme) as (page, _, _):
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], f"{path} is {widths[0]} px wide on a {widths[1]} px phone"
        regions = page.locator(".sig-health__scroll")
        assert regions.count() >= 1
        for index in range(regions.count()):
            region = regions.nth(index)
            table = region.locator("table.sig-table")
            before = table.evaluate(MEASURE_NAMES)
            region.evaluate("region => region.scrollLeft = region.scrollWidth")
            after = table.evaluate(MEASURE_NAMES)
            left = region.evaluate("region => region.getBoundingClientRect().left")
            for cell, moved in zip(before, after, strict=True):
                assert cell["broken"] == [], f"{cell['text']!r} is broken inside a word"
                assert abs(moved["left"] - left) < 1, f"{cell['text']!r} scrolled away"  # sticky
                assert cell["background"] not in {"rgba(0, 0, 0, 0)", "transparent"}
            if "sig-health__groups" in (table.get_attribute("class") or ""):
                assert region.evaluate("r => r.scrollWidth > r.clientWidth")  # eight columns: it scrolls
                names = before[1:]  # below the heading
                assert all(cell["lines"] <= 2 for cell in names), names
                assert min(cell["width"] for cell in names) >= 140


@pytest.mark.browser
@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("path", ["health/", "sigs/dx/health/"])
def test_numbers_sit_right_aligned_under_right_aligned_headings_between_rules(
    served, browser, path, viewport
):
    with open_page(browser, served, path, viewport) as (page, _, _):
        table = page.locator("table.sig-table").first
        styles = table.evaluate(
            """table => [...table.querySelectorAll('.sig-table__num')].map(cell => [
                 cell.tagName, getComputedStyle(cell).textAlign, getComputedStyle(cell).borderBottomStyle])"""
        )
        assert styles and {align for _, align, _ in styles} == {"right"}
        assert {tag for tag, _, _ in styles} == {"TH", "TD"}
        rules = table.evaluate(
            "t => [...t.querySelectorAll('tbody td, tbody th')]"
            ".map(cell => getComputedStyle(cell).borderBottomWidth)"
        )
        assert rules and all(rule != "0px" for rule in rules)
        if viewport == "desktop":  # the names wrap between words there too
            names = table.evaluate(MEASURE_NAMES)
            assert all(cell["broken"] == [] for cell in names), names


def _search(page, query: str) -> list[tuple[str, str]]:
    """(title, text) of each result Material lists for `query` typed into its search box."""
    box = page.locator("input.md-search__input")
    opener = page.locator("label.md-header__button[for='__search']").first
    if opener.is_visible():  # a phone: the box is behind the header's button
        opener.click()
    else:
        box.click()
    box.fill(query)  # as an input method commits a word
    page.keyboard.press("End")  # Material searches on key events
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    page.wait_for_timeout(300)  # results of the whole query, not of its first keys
    return page.locator(".md-search-result__item").evaluate_all(
        """items => items.map(item => [
             (item.querySelector('h1, h2') || item).textContent.replace(/\\u200b/g, ''),
             item.textContent.replace(/\\u200b/g, '')])"""
    )


@pytest.mark.browser
@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_a_chinese_query_finds_the_word_not_every_word_sharing_its_first_character(served, browser, viewport):
    with open_page(browser, served, "zh/", viewport) as (page, _, _):
        results = _search(page, "量子")
        assert results, "nothing found"
        assert all("量子" in text for _, text in results), results
        assert any("量子计算" in title for title, _ in results)


@pytest.mark.browser
def test_a_chinese_query_finds_a_word_the_index_holds_whole_and_in_parts(served, browser):
    """小组会议 is one word of one page's text and two (小组, 会议) of another's: a query finds both,
    so that no group's text decides what another's finds."""
    with open_page(browser, served, "zh/", "desktop") as (page, _, _):
        titles = [title for title, _ in _search(page, "小组会议")]
        assert any("例会" in title for title in titles) and any("周会" in title for title in titles), titles


@pytest.mark.build
def test_the_chinese_index_holds_words_sharing_the_first_character_of_the_query(hub):
    """What the browser test above tells apart: 量 alone and 量化 (quantization) are in the index too."""
    index = json.loads((hub.site / "zh/search/search_index.full.json").read_text("utf-8"))
    words = {
        w
        for doc in index["docs"]
        for w in re.split(index["config"]["separator"], doc["title"] + " " + doc["text"])
    }
    assert {"量", "量子", "量化"} <= words  # Material alone would search 量子 as 量*


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_language_mark_on_a_quiet_cards_grey_keeps_its_contrast(served, browser, scheme):
    """The real directory marks an English card's last session 中文 on a quiet card (usability's);
    the fixture's quiet cards link none, so the test puts a mark where the real one sits."""
    from axe_playwright_python.sync_playwright import Axe

    with open_page(browser, served, "", "phone", color_scheme=scheme) as (page, _, _):
        detail = page.locator(".sig-card--quiet .sig-card__detail").first
        detail.evaluate(
            """detail => detail.insertAdjacentHTML('beforeend', ' <a href="zh/" hreflang="zh">2024-11-30</a>'
                 + ' <span class="sig-lang" lang="zh">中文</span>')"""
        )
        results = Axe().run(
            page, context=".sig-card--quiet .sig-lang", options={"runOnly": ["color-contrast"]}
        )
        assert results.violations_count == 0, results.generate_report()


@pytest.mark.browser
@pytest.mark.parametrize(("start", "query"), [("sigs/alpha/", "Members"), ("zh/", "量子")])
def test_a_page_load_fetches_no_search_pages_and_one_sitemap_until_a_visitor_searches(
    served, browser, start, query
):
    """What a page costs a phone: Material fetches search/search_index.json (the settings alone) and
    parses the sitemap beside each <link rel="alternate">; the index's pages come at the first query."""
    root = "zh/" if start.startswith("zh/") else ""
    context = browser.new_context(**VIEWPORTS["phone"])
    fetched: list[str] = []  # the page's requests and its workers'
    context.on("request", lambda request: fetched.append(request.url.removeprefix(served)))
    try:
        page = context.new_page()
        page.goto(served + start, wait_until="networkidle")
        page.wait_for_timeout(500)  # the worker has had the settings
        assert f"{root}search/search_index.json" in fetched, fetched
        assert not any(urlsplit(url).path.endswith("search_index.full.json") for url in fetched), fetched
        assert [url for url in fetched if url.endswith("sitemap.xml")] == ["sitemap.xml"], fetched
        assert _search(page, query)
        assert fetched.count(f"{root}search/search_index.full.json") == 1, fetched
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    ("start", "query", "group"),
    [("", "Members", "MindSpore Alpha SIG"), ("zh/", "活动", "DevelopereXperience SIG")],
)
def test_search_results_name_the_group_of_a_groups_page(served, browser, start, query, group):
    with open_page(browser, served, start, "desktop") as (page, _, _):
        titles = [title for title, _ in _search(page, query)]
        assert any(title.strip() == f"{query} · {group}" for title in titles), titles
        assert not any(title.strip() in BARE_TITLES for title in titles), titles


@pytest.mark.browser
def test_a_group_page_shows_its_tab_and_a_phone_still_has_the_navigation(served, browser):
    with open_page(browser, served, "sigs/alpha/members/", "desktop") as (page, _, _):
        assert page.locator(".md-tabs__item--active").inner_text().strip() == "Groups"
        assert not page.locator(".md-sidebar--primary").is_visible()
    with open_page(browser, served, "sigs/alpha/members/", "phone") as (page, _, _):
        page.locator("label.md-header__button[for='__drawer']").click()
        drawer = page.locator(".md-sidebar--primary .md-nav__link")
        drawer.first.wait_for(state="visible")
        assert [text.strip() for text in drawer.all_inner_texts()][:3] == ["Groups", "People", "Health"]
