"""Pages stamped on a shell (plan/stamps.py, adapters/stamped_pages.py): the person pages of the hub
are written from one page the theme rendered, and must be, byte for byte, the pages MkDocs renders
for them; no marker and no shell is published, and search and the sitemap list each page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import PROJECT
from costs import seconds_of
from hub_support import HUB_CONFIG, JUNE_2021, build_hub, make_community

from sigsite.model import Heading, Rendered
from sigsite.plan.languages import BuildLanguages
from sigsite.plan.pages import PlannedPage, SearchSection, Stamp
from sigsite.plan.stamps import (
    CONTENT,
    DESCRIPTION,
    INDEX,
    SECTION,
    SHELL_HEADING,
    TITLE,
    TOC,
    ShellChanged,
    fill,
    own_folders,
    search_text,
    stamped,
    with_shells,
)

# `mkdocs build` with every page rendered by MkDocs' page pipeline instead: `stamped` leaves each
# page as it was planned (its front matter), so no shell is made.
PIPELINE_BUILD = """
import sys
import sigsite.plan.hub as hub
import sigsite.plan.people as people
hub.stamped = people.stamped = lambda page, head, tail, title, description, search_text: page
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", *sys.argv[1:]]
cli()
"""


def _page(src_uri: str = "people/ada/index.md") -> PlannedPage:
    return PlannedPage(
        {"en": src_uri.removesuffix("index.md")}, src_uri=src_uri, markdown="---", after="<p>x</p>"
    )


def _person(src_uri: str = "people/ada/index.md", title: str = "Ada", description: str = "") -> PlannedPage:
    head = src_uri[: src_uri.index("people/") + len("people/")]
    return stamped(_page(src_uri), head, INDEX, title, description, "")


def test_a_value_that_spells_a_marker_is_put_in_as_written() -> None:
    page = _person(title=f"{TITLE} & {CONTENT}", description=DESCRIPTION)
    assert page.stamp is not None
    folder = "SIGSITE-STAMP-FOLDER-1"
    shell = f'<title>{TITLE}</title><meta content="{DESCRIPTION}"><a href="../{folder}/"></a>{CONTENT}'
    html = fill(shell, page.stamp, f"<p>{DESCRIPTION}</p>")
    assert html == (
        f'<title>{TITLE} &amp; {CONTENT}</title><meta content="{DESCRIPTION}">'
        f'<a href="../ada/"></a><p>{DESCRIPTION}</p>'
    )


def test_a_shell_without_its_markers_stops_the_stamping() -> None:
    page = _person(description="About Ada")
    assert page.stamp is not None
    with pytest.raises(ShellChanged):
        fill(f"<title>Ada</title>{CONTENT}", page.stamp, "")
    with pytest.raises(ShellChanged):
        fill(f"{TITLE}{DESCRIPTION}SIGSITE-STAMP-FOLDER-1{CONTENT}{CONTENT}", page.stamp, "")


def test_pages_one_level_deeper_get_a_shell_of_their_own() -> None:
    page = _person("zh/people/tsc/~li-ming/index.md", "Li Ming")
    assert isinstance(page.stamp, Stamp)
    assert page.stamp.shell == "zh/people/SIGSITE-STAMP-FOLDER-1/SIGSITE-STAMP-FOLDER-2/index.md"
    assert page.stamp.values["SIGSITE-STAMP-FOLDER-1/SIGSITE-STAMP-FOLDER-2"] == "tsc/~li-ming"


def test_a_groups_page_varies_by_its_folder_in_the_middle_of_its_address() -> None:
    page = stamped(_page("zh/sig/kernel/members/index.md"), "zh/sig/", "/members/index.md", "M", "M", "")
    assert page.stamp is not None and page.markdown == ""
    assert page.stamp.shell == "zh/sig/SIGSITE-STAMP-FOLDER-1/members/index.md"
    assert page.stamp.values["SIGSITE-STAMP-FOLDER-1"] == "kernel"


@pytest.mark.parametrize(
    "src_uri",
    ["people/Ada/index.md", "people/a b/index.md", "people/index.md", "other/ada/index.md", "people/ada.md"],
)
def test_a_page_whose_folders_are_none_of_ours_is_left_to_mkdocs(src_uri: str) -> None:
    assert own_folders(src_uri, "people/", INDEX) is None
    assert stamped(_page(src_uri), "people/", INDEX, "Ada", "", "") == _page(src_uri)


def test_a_page_alone_on_its_shell_is_rendered_by_mkdocs() -> None:
    languages = BuildLanguages("en", "en", ("en",), {"en": ""})
    alone, first, second = _person("people/tsc/~li-ming/index.md"), _person(), _person("people/bob/index.md")
    planned = with_shells([alone, first, second], languages)
    assert planned[0] == _page("people/tsc/~li-ming/index.md")  # no shell for one page: as planned
    assert [p.src_uri for p in planned[1:]] == [
        "people/SIGSITE-STAMP-FOLDER-1/index.md",
        "people/ada/index.md",
        "people/bob/index.md",
    ]


def test_search_text_is_the_text_of_the_html() -> None:
    assert search_text("<p>A &amp; <b>B</b>\n<i>&lt;C&gt;</i></p>") == "A &amp; B &lt;C&gt;"


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ('<nav data-search-exclude><a href="x">All groups</a></nav><p>Kept</p>', "Kept"),
        ("<div data-search-exclude><div>in</div>still<br>out</div> <p>after</p>", "after"),
        ('<p>a</p><table data-search-exclude class="t"><tr><td>1</td></tr></table><p>b</p>', "a b"),
        ("<p>a</p><div data-search-exclude>never closed <p>x</p>", "a"),
        ('<p title="data-search-exclude">a title is no mark</p>', "a title is no mark"),
        (
            '<img data-search-exclude alt=""><p>a void element holds nothing</p>',
            "a void element holds nothing",
        ),
    ],
)
def test_search_leaves_out_what_is_marked_as_materials_search_does(html: str, text: str) -> None:
    assert search_text(html) == text


@pytest.mark.parametrize(
    "shape",
    [
        "data-search-exclude<" + "a" * 40_000,  # a tag's name never closed: tried at every length
        '<p data-search-exclude x="' * 4_000,
        "<div data-search-exclude>" + "<div>" * 10_000 + "x" + "</div>" * 10_000,
        "<a<a<a " * 10_000,
    ],
)
def test_search_text_reads_any_html_in_linear_time(shape: str) -> None:
    """Twice the text costs about twice the time, and 40 KB a small part of a second."""
    small, large = seconds_of(lambda: search_text(shape)), seconds_of(lambda: search_text(shape * 4))
    assert small < 0.1 and large < 8 * small + 0.05


def _headed_page(src_uri: str = "sig/kernel/index.md") -> PlannedPage:
    search_html = (
        "<p>Before the first heading</p>\n"
        '<h2 id="user-content-goals">Goals &amp; scope</h2>\n<p>Kernels</p>\n'
        '<h3 id="user-content-a&amp;b">A &amp; B</h3>\n<p>Last</p>'
    )
    headings = (
        Heading(2, "user-content-goals", "Goals & scope", (Heading(3, "user-content-a&b", "A & B"),)),
    )
    return PlannedPage(
        {"en": src_uri.removesuffix("index.md")},
        src_uri=src_uri,
        markdown="---",
        content=Rendered("<h2>…</h2>", search_html, headings),
        before="<nav data-search-exclude>All groups</nav><dl><dt>Members</dt><dd>3</dd></dl>",
        after="<p>The end</p>",
    )


def test_a_page_with_headings_is_stamped_with_its_table_of_contents_and_a_search_entry_per_section() -> None:
    page = stamped(_headed_page(), "sig/", INDEX, "Kernel", "About Kernel")
    stamp = page.stamp
    assert stamp is not None and page.markdown == ""
    assert stamp.shell == "sig/SIGSITE-STAMP-HEADED-1/index.md"  # pages without a table have another
    assert stamp.toc == _headed_page().content.headings  # type: ignore[union-attr]
    assert stamp.search_text == "Members 3 Before the first heading"  # the navigation is left out
    assert stamp.sections == (
        SearchSection("user-content-goals", "Goals &amp; scope", "Kernels"),
        SearchSection("user-content-a&b", "A &amp; B", "Last The end"),
    )
    unheaded = stamped(replace(_headed_page("sig/beta/index.md"), content=None), "sig/", INDEX, "B", "B")
    assert unheaded.stamp is not None and unheaded.stamp.shell == "sig/SIGSITE-STAMP-FOLDER-1/index.md"


def test_a_page_whose_content_holds_its_own_h1_is_left_to_mkdocs() -> None:
    """The theme prints no title of its own above content holding an `<h1>` (raw HTML in a README),
    and the page's blocks go below that heading: no shell prints that page."""
    page = _headed_page()
    assert page.content is not None
    raw = replace(page, content=replace(page.content, html="<h1>Raw top heading</h1><h2>…</h2>"))
    assert stamped(raw, "sig/", INDEX, "Kernel", "About Kernel") == raw


def test_a_section_whose_heading_reads_as_nothing_is_found_by_the_pages_title() -> None:
    page = _headed_page()
    assert page.content is not None
    empty = '<p>Lead</p>\n<h2 id="user-content-section"></h2>\n<p>Under it</p>'
    stamp = stamped(
        replace(page, content=replace(page.content, search_html=empty)), "sig/", INDEX, "Kernel & co", "K"
    ).stamp
    assert stamp is not None
    assert stamp.sections == (SearchSection("user-content-section", "Kernel &amp; co", "Under it The end"),)


def test_the_shell_of_pages_with_headings_has_one_marked_heading_and_each_page_its_own_table() -> None:
    languages = BuildLanguages("en", "en", ("en",), {"en": ""})
    pages = [stamped(_headed_page(f"sig/{name}/index.md"), "sig/", INDEX, name, name) for name in ("a", "b")]
    shell, *_ = with_shells(pages, languages)
    assert shell.content is not None and shell.content.headings == (SHELL_HEADING,)
    stamp = pages[0].stamp
    assert stamp is not None
    folder = "SIGSITE-STAMP-HEADED-1"
    html = fill(
        f'<a href="#{SECTION}">skip</a><title>{TITLE}{DESCRIPTION}</title>{TOC}'
        f'<a href="/{folder}/">{CONTENT}',
        stamp,
        "<p>content</p>",
        "<nav>the table</nav>",
    )
    assert html == (
        '<a href="#user-content-goals">skip</a><title>aa</title><nav>the table</nav>'
        '<a href="/a/"><p>content</p>'
    )
    with pytest.raises(ShellChanged):  # a theme that prints no skip link
        fill(f"<title>{TITLE}{DESCRIPTION}</title>{TOC}/{folder}/{CONTENT}", stamp, "", "")


@pytest.mark.build
def test_stamped_pages_are_the_pages_mkdocs_renders(tmp_path: Path) -> None:
    community = make_community(tmp_path / "community")
    env = {"SOURCE_DATE_EPOCH": JUNE_2021}
    stamped_build = build_hub(community, tmp_path / "stamped", env=env)
    assert stamped_build.result.returncode == 0, stamped_build.result.stderr
    pipeline = subprocess.run(
        [
            sys.executable,
            "-c",
            PIPELINE_BUILD,
            "build",
            "--strict",
            "-f",
            str(HUB_CONFIG),
            "-d",
            str(tmp_path / "pipeline"),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "SIGSITE_COMMUNITY": str(community), **env},
        cwd=PROJECT,
        check=False,
    )
    assert pipeline.returncode == 0, pipeline.stderr
    site, rendered = stamped_build.site, tmp_path / "pipeline"

    people = sorted(p.relative_to(rendered) for p in (rendered / "people").rglob("index.html"))
    people_zh = sorted(p.relative_to(rendered) for p in (rendered / "zh" / "people").rglob("index.html"))
    assert len(people) > 5 and len(people_zh) == len(people)
    assert any(len(p.parts) == 4 for p in people), "the fixture has people named without an account"
    published = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert published == sorted(p.relative_to(rendered) for p in rendered.rglob("*") if p.is_file())
    for path in published:
        if path.parts[-2:] == ("search", "search_index.full.json"):
            continue
        assert (site / path).read_bytes() == (rendered / path).read_bytes(), path
    for path in published:
        assert b"SIGSITE-STAMP" not in (site / path).read_bytes(), path

    for language, pages in (("", people), ("zh/", people_zh)):
        docs = json.loads((site / language / "search" / "search_index.full.json").read_text("utf-8"))["docs"]
        found = {doc["location"] for doc in docs}
        for page in pages:
            location = page.relative_to(language or ".").parent.as_posix() + "/"
            assert location in found, location
        # Search finds each section of a committed README, as on the pipeline's pages.
        index = json.loads((rendered / language / "search" / "search_index.full.json").read_text("utf-8"))
        sections = {doc["location"] for doc in index["docs"] if "#user-content-" in doc["location"]}
        assert {location for location in found if "#user-content-" in location} == sections
        assert "sigs/beta/#user-content-sig-leads" in sections


@pytest.mark.parametrize(
    "text",
    [
        "成员",
        "Kernel 成员 and 仓库管理员 of openEuler",
        "成员、仓库。管理员",
        "  隐私计算小组会议 ",
        "A-Tune 的维护者 Zhang San（张三）参与了 3 个小组",
        "no Chinese at all",
        "",
        "鑫" * 300,
    ],
)
def test_stamped_pages_cut_chinese_as_materials_search_does(text: str) -> None:
    """The one reliance on Material's search index: its `_segment_chinese` cuts each run of Han
    characters alone, so cutting each run once (and remembering it) gives the same entry text."""
    from material.plugins.search.plugin import SearchIndex
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.plugins import PluginCollection

    from sigsite.adapters.stamped_pages import search_segmenter

    index = SearchIndex()
    plugins = PluginCollection()
    plugins["material/search"] = type("Search", (), {"search_index": index})()  # as Material names it
    config = MkDocsConfig()
    config["plugins"] = plugins
    segment = search_segmenter(config)
    assert segment(text) == index._segment_chinese(text)
    assert segment(text) == segment(text)  # remembered, the same
