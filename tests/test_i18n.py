"""English at /, Chinese at /zh/: counterparts, switcher links, localized blocks, Chinese notes, search."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import PROJECT, build, make_project

pytestmark = pytest.mark.build  # builds real sites (README: the test tiers)

HAND_WRITTEN = sorted(
    p.relative_to(PROJECT / "docs") for p in (PROJECT / "docs").rglob("*.md") if not p.name.endswith(".zh.md")
)
ZH_NOTE = (
    "# 2020年10月9日 星期五 15:00 GMT+8\n\n## 议程\n* 联邦学习路线图讨论\n* 差分隐私训练的图模式适配\n\n"
    "## 会议链接\n* https://meeting.example.org/j/5\n\n## 参会人员\n* 王泽（华为）\n\n"
    "## 会议纪要\n* 确定了隐私预算监控方案。\n"
)


def page_of(source: Path) -> str:
    """The built HTML path of a docs page, e.g. join.md -> join/index.html."""
    stem = source.with_suffix("")
    return (
        "index.html"
        if str(stem) == "index"
        else str(stem.parent / "index.html" if stem.name == "index" else stem / "index.html")
    )


SITE_PATH = "/sigsite/"  # the path of site_url in mkdocs.yml


def resolve(page: str, href: str) -> str:
    """A link of a built page as a path from the site root."""
    if href.startswith("/"):
        return href.removeprefix(SITE_PATH)
    return urljoin("https://x/" + page, href).removeprefix("https://x/")


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory):
    """The project plus one Chinese meeting note."""
    project = make_project(tmp_path_factory.mktemp("bilingual"))
    (project / "meetings" / "005-20201009.md").write_text(ZH_NOTE, "utf-8")
    result = build(project)
    assert result.ok, result.result.stderr
    return result


def test_every_hand_written_page_has_a_chinese_version():
    for source in HAND_WRITTEN:
        assert (PROJECT / "docs" / source).with_suffix(".zh.md").is_file(), source


@pytest.mark.parametrize("source", HAND_WRITTEN, ids=str)
def test_both_trees_have_the_page_and_the_switcher_joins_them(site_build, source):
    english, chinese = page_of(source), "zh/" + page_of(source)
    for path, lang, other, other_path in ((english, "en", "zh", chinese), (chinese, "zh", "en", english)):
        page = site_build.html(path)
        assert page.html["lang"] == lang
        switch = page.select_one(f'a.md-select__link[hreflang="{other}"]')["href"]
        assert resolve(path, switch) == other_path.removesuffix("index.html")


def test_generated_blocks_are_localized(site_build):
    archive = site_build.article("zh/meetings/index.html")
    assert "2020年6月4日 星期四 15:00 GMT+8" in archive.get_text(" ", strip=True)
    assert "第 001 次例会" in archive.get_text()
    roster = site_build.article("zh/members/index.html")
    assert [r.get_text() for r in roster.select(".sig-role")] == ["维护者"] * 3
    assert roster.select_one(".sig-roster__summary").get_text() == "SIG 共有 3 人：维护者 3 人。"
    summary = site_build.article("members/index.html").select_one(".sig-roster__summary")
    assert summary.get_text() == "3 people in the SIG: 3 maintainers."
    home = site_build.article("zh/index.html")
    assert home.select_one(".sig-next__heading").get_text() == "下次会议"
    english = site_build.article("meetings/index.html").get_text(" ", strip=True)
    assert "Thursday, June 4, 2020, 15:00 GMT+8" in english


def test_site_wide_files_exist_once(site_build):
    for name in ("feed.xml", "meetings.ics", "members.json", "meetings.json", "schemas", "sitemap.xml"):
        assert (site_build.site / name).exists()
        assert not (site_build.site / "zh" / name).exists()
    assert not (site_build.site / "zh" / "meetings" / "001-20200604").exists()


def test_the_feed_is_the_only_alternate_of_a_page(site_build):
    """Material fetches and parses the sitemap.xml beside every <link rel="alternate"> on every page
    load: a page names no language root there (its switcher links to its counterpart already)."""
    pages = sorted(site_build.site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        head = site_build.html(str(path.relative_to(site_build.site))).head
        alternates = [link.get("type") for link in head.select("link[rel=alternate]")]
        assert alternates == ["application/atom+xml"], (path, alternates)


def test_chinese_note_lives_once_in_the_chinese_tree(bilingual):
    site = bilingual.site
    assert (site / "zh/meetings/005-20201009/index.html").is_file()
    assert not (site / "meetings/005-20201009").exists()
    for archive, expected in (
        ("meetings/index.html", "../zh/meetings/005-20201009/"),
        ("zh/meetings/index.html", "005-20201009/"),
    ):
        links = {a["href"]: a for a in bilingual.article(archive).select("a.sig-meeting__title")}
        assert expected in links
    link = bilingual.article("meetings/index.html").select_one('a[href="../zh/meetings/005-20201009/"]')
    mark = link.find_next_sibling("span")
    assert link["hreflang"] == "zh" and mark["class"] == ["sig-lang"] and mark.get_text() == "中文"
    page = bilingual.html("zh/meetings/005-20201009/index.html")
    assert page.html["lang"] == "zh"
    assert "2020年10月9日 星期五 15:00 GMT+8" in page.select_one(".sig-meeting-meta").get_text(
        " ", strip=True
    )


def test_switcher_on_meeting_pages_never_leads_to_a_404(bilingual):
    site = bilingual.site
    pages = [*site.glob("meetings/*/index.html"), *site.glob("zh/meetings/*/index.html")]
    assert len([p for p in pages if re.fullmatch(r"\d{3,}-\d{8}", p.parent.name)]) == 5
    assert len(pages) == 5 + 2 * 2  # and the pages of 2020 and 2022 in both languages
    for page in pages:
        relative = str(page.relative_to(site))
        for link in bilingual.html(relative).select("a.md-select__link"):
            target = resolve(relative, link["href"])
            assert (site / target / "index.html").is_file() or (site / target).is_file(), (relative, target)


def search_docs(site: Path, root: str = "") -> list[dict]:
    """The search index of a language root ("" or "zh/"): its locations are relative to that root."""
    return json.loads((site / root / "search" / "search_index.full.json").read_text("utf-8"))["docs"]


def tokens(text: str) -> set[str]:
    separator = re.compile(r"[\s\u200b\u3000\-、。，．？！；]+")
    return {token for token in separator.split(text) if token}


def test_chinese_search_index_finds_the_home_page_and_a_chinese_note(bilingual):
    docs = search_docs(bilingual.site, "zh/")
    home = [d for d in docs if "隐私" in tokens(d["text"])]
    assert any(d["location"] == "" or d["location"].startswith("#") for d in home)
    note = [d for d in docs if d["location"].startswith("meetings/005-20201009/")]
    assert note and any("联邦" in tokens(d["text"]) or "路线图" in tokens(d["text"]) for d in note)


def test_each_language_searches_only_its_own_pages(bilingual):
    """mkdocs-static-i18n writes one index for both languages; each root gets its own, and its
    pages read it (Material fetches the index from the base of the page's __config)."""
    english, chinese = search_docs(bilingual.site), search_docs(bilingual.site, "zh/")
    assert english and chinese
    assert not [d for d in english if d["location"].startswith("zh/")]
    assert {d["location"].split("#")[0] for d in chinese} >= {"", "meetings/005-20201009/"}
    page = bilingual.html("zh/meetings/index.html")
    settings = json.loads(page.select_one("script#__config").string)
    assert settings["base"] == "../../zh/"  # the Chinese root, from zh/meetings/
    home = json.loads(bilingual.html("index.html").select_one("script#__config").string)
    assert home["base"] == "."


def test_configured_separator_is_the_one_the_tests_use():
    config = (PROJECT / "mkdocs.yml").read_text("utf-8")
    assert "separator: '[\\s\\u200b\\u3000\\-、。，．？！；]+'" in config


def test_search_index_has_no_duplicates(bilingual):
    for root in ("", "zh/"):
        locations = [d["location"] for d in search_docs(bilingual.site, root)]
        assert len(locations) == len(set(locations))


def test_sitemap_lists_every_page(bilingual):
    site = bilingual.site
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    locs = {
        loc.removeprefix("https://mindspore-ai-security-sig.github.io" + SITE_PATH)
        for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)
    }
    pages = {str(p.parent.relative_to(site)) + "/" for p in site.rglob("index.html")}
    pages = {"" if p == "./" else p for p in pages}
    assert locs == pages


def test_year_pages_switch_to_the_same_year(bilingual):
    page = bilingual.html("meetings/2020/index.html")
    assert resolve(
        "meetings/2020/index.html", page.select_one('a.md-select__link[hreflang="zh"]')["href"]
    ) == ("zh/meetings/2020/")
    assert page.select_one("h1").get_text() == "Meetings of 2020"
    assert bilingual.html("zh/meetings/2020/index.html").select_one("h1").get_text() == "2020 年的会议"


def test_chinese_sections_are_read_like_english_ones(bilingual):
    """议程 is the agenda and 会议链接 the conference links: summaries, JSON, calendar, search."""
    meetings = json.loads((bilingual.site / "meetings.json").read_text("utf-8"))["meetings"]
    note = next(m for m in meetings if m["id"] == "005-20201009")
    assert note["agenda"] == ["联邦学习路线图讨论", "差分隐私训练的图模式适配"]
    assert note["conference_links"] == ["https://meeting.example.org/j/5"]
    summary = bilingual.article("meetings/index.html").select_one('.sig-meeting__summary[lang="zh"]')
    assert summary.get_text() == "联邦学习路线图讨论; 差分隐私训练的图模式适配"
    assert "LOCATION:https://meeting.example.org/j/5" in (bilingual.site / "meetings.ics").read_text("utf-8")
    docs = search_docs(bilingual.site, "zh/")
    text = " ".join(d["text"] for d in docs if d["location"].startswith("meetings/005-20201009/"))
    assert "隐私预算" in text.replace("\u200b", "") and "华为" not in text
