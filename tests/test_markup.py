"""Committed Markdown renders as the forge shows it (CommonMark + GFM), its links and ids kept safe.

Core tier: the renderer is called directly, no MkDocs build.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import CORPUS, PROJECT
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.common.normalize_url import normalizeLink, normalizeLinkText

from sigsite.emails import REDACTED, redact
from sigsite.markup.commonmark import _AS_WRITTEN, forge_slug, parser
from sigsite.markup.document import render_markdown
from sigsite.markup.references import Target, parse_reference, resolve_references
from sigsite.notes.checks import check_link_schemes
from sigsite.problems import Problems

COMMUNITY = PROJECT.parent / "shared" / "community"
BLOCKS = "p ul ol li h1 h2 h3 h4 h5 h6 table thead tbody tr th td blockquote pre hr s del".split()
# The reference: markdown-it-py's CommonMark renderer with the GFM tables and strikethrough.
REFERENCE = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _nowhere(path: str, fragment: str, line: int | None) -> None:
    return None


def render(text: str) -> BeautifulSoup:
    return BeautifulSoup(render_markdown(text, _nowhere).html, "lxml")


def structure(html: str) -> list[str]:
    """The block elements in document order, and the text, as a visitor reads them."""
    soup = BeautifulSoup(html, "lxml")
    for image in soup.select('img[src^="data:"]'):  # an address the site never writes: its description
        image.replace_with(image.get("alt", ""))
    # Permanent links are the site's; an image hosted elsewhere is a link to it (no request off-site).
    for element in soup.select("a.headerlink, img, a.sig-external-image"):
        element.decompose()
    tags = [element.name for element in soup.find_all(BLOCKS)]
    return [*tags, "".join(soup.get_text().split())]


def test_lists_nest_at_two_and_three_spaces_as_on_the_forge():
    html = render("- a\n  - b\n    - c\n\n1. one\n   1. one.one\n")
    assert [len(li.find_parents("ul")) for li in html.select("ul li")] == [1, 2, 3]
    assert html.select_one("ol ol li").get_text() == "one.one"


def test_a_list_right_after_a_paragraph_is_a_list():
    html = render("分享范围：\n- 易用性\n- 体验\n")
    assert html.select_one("p").get_text() == "分享范围："
    assert [li.get_text() for li in html.select("ul li")] == ["易用性", "体验"]


def test_heading_ids_follow_the_forges_rule_and_in_page_links_follow_them():
    html = render(
        "## 概述\n\n## 1. Overview & Goals\n\n## 概述\n\n[概述](#概述) [goals](#1-overview--goals)\n"
    )
    assert [h["id"] for h in html.select("h2")] == [
        "user-content-概述",
        "user-content-1-overview--goals",
        "user-content-概述-1",
    ]
    assert [a["href"] for a in html.select("p a")] == [
        "#user-content-概述",
        "#user-content-1-overview--goals",
    ]
    assert forge_slug("MindSpore Data SIG (数据)") == "mindspore-data-sig-数据"


def test_tables_strikethrough_task_lists_and_autolinks_as_gfm():
    html = render(
        "| a | b |\n|--:|---|\n| 1 | 2 |\n\n~~old~~\n\n- [x] done\n- [ ] open\n\n"
        "www.mindspore.cn and https://gitee.com/mindspore, not mindspore.cn\n"
    )
    assert html.select_one("td")["align"] == "right" and html.select_one("td").get_text() == "1"
    assert html.select_one("s").get_text() == "old"
    boxes = html.select("li.task-list-item input")
    assert [box.has_attr("checked") for box in boxes] == [True, False]
    assert all(box.has_attr("disabled") and box["type"] == "checkbox" for box in boxes)
    assert [a["href"] for a in html.select("p a")] == [
        "http://www.mindspore.cn",
        "https://gitee.com/mindspore",
    ]


def test_the_table_of_contents_is_the_headings_as_text():
    rendered = render_markdown("# Top <b>x</b>\n## A\n### A.1\n## B\n", _nowhere, top=2)
    (top,) = rendered.headings
    assert (top.level, top.text, top.id) == (2, "Top x", "user-content-top-x")
    assert [(h.level, h.text) for h in top.children] == [(3, "A"), (3, "B")]
    assert [h.text for h in top.children[0].children] == ["A.1"]


def test_headings_below_the_page_title_skip_no_level():
    """A note that starts at ### or jumps from # to #### still reads as an outline below the
    page's own title: the first heading is at `top`, each one at most one level below the last."""
    rendered = render_markdown("### Agenda\n##### Item\n# Decisions\n###### Detail\n", _nowhere, top=2)
    html = BeautifulSoup(rendered.html, "lxml")
    assert [h.name for h in html.select("h1, h2, h3, h4, h5, h6")] == ["h2", "h3", "h2", "h3"]
    assert [h.level for h in rendered.headings] == [2, 2]


def test_links_to_the_site_are_references_resolved_per_page():
    def resolve(path: str, fragment: str, line: int | None) -> Target | str | None:
        anchor = f"#user-content-{fragment}" if fragment else ""
        return Target("meeting", value=path.removeprefix("./").removesuffix(".md"), fragment=anchor)

    rendered = render_markdown("[next](002-20200611.md#agenda) <a href='./003.md'>raw</a>", resolve)
    assert 'href="sigsite:meeting//002-20200611#user-content-agenda"' in rendered.html
    page = resolve_references(rendered.html, lambda target: f"../{target.value}/")
    soup = BeautifulSoup(page, "lxml")
    assert [a["href"] for a in soup.select("a")] == ["../002-20200611/#user-content-agenda", "../003/"]
    assert parse_reference("meeting//x") == Target("meeting", "", "x")


def test_an_author_cannot_write_a_reference_or_an_unsafe_address():
    problems = Problems()
    check_link_schemes("[a](sigsite:file//x) <a href='sigsite:meeting//y'>b</a>", "n.md", problems)
    assert len(problems.errors) == 2
    unknown = resolve_references('<a href="sigsite:nothing//x">a</a>', lambda target: None)
    assert unknown == "<a>a</a>"
    html = render("[u](https://git@gitee.com/a/b) [v](http://[oops/) [w](javascript:alert(1))").select("a")
    assert [a.get("href") for a in html] == ["https://gitee.com/a/b", None]


def _committed_markdown() -> list[Path]:
    roots = [root for root in (COMMUNITY, CORPUS) if root.is_dir()]
    return sorted(path for root in roots for path in root.rglob("*.md"))


@pytest.mark.skipif(not _committed_markdown(), reason="../shared is absent")
def test_every_real_readme_and_note_renders_as_the_commonmark_reference():
    differing = []
    for path in _committed_markdown():
        text = path.read_text("utf-8", errors="replace").replace("\r\n", "\n")
        text, _ = redact(text)  # as the loaders withhold personal addresses before rendering
        ours = structure(render_markdown(text, lambda path, *_: Target("file", value=path)).html)
        reference = structure(REFERENCE.render(text))
        # The reference shows raw HTML as written; ours is sanitized: compare where neither has any.
        if "<" not in re.sub(r"`[^`]*`", "", text) and ours != reference:
            differing.append(str(path))
    assert not differing


@pytest.mark.parametrize(
    "html_text",
    [
        "x alice<br>@qq.com y",
        "<div>alice</div><div>@qq.com</div>",
        "<table><tr><td>alice</td><td>@qq.com</td></tr></table>",
        "<p>alice</p><p>@qq.com</p>",
    ],
)
def test_search_withholds_an_address_its_text_joins_though_the_page_keeps_it_apart(html_text):
    """Search reads a block's text without its tags: `alice<br>@qq.com` is `alice@qq.com` there,
    though the page shows two lines; the whole hub's build stopped at the last wall on it."""
    rendered = render_markdown(f"# T\n\n{html_text}\n", lambda target, kind, line: None)
    assert "qq.com" in rendered.html  # the page shows what was written, apart
    assert "qq.com" not in rendered.search_html and REDACTED in rendered.search_html


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.from_regex(_AS_WRITTEN, fullmatch=True) | st.text(alphabet="hHtps:/.xn-Aé%20@#?~_", max_size=40))
@example("https://" + ".".join(["a" * 60] * 5) + "/x")  # a host over 255 characters: mdurl empties it
@example("https://" + "a" * 253 + "/x")
def test_a_link_given_back_as_written_is_what_markdown_its_normalizers_give(url: str) -> None:
    """The parser gives the addresses `_AS_WRITTEN` matches back without markdown-it's normalizers
    (a fifth of a README's parse): they must be exactly those the normalizers give back unchanged."""
    forge = parser()
    assert forge.normalizeLink(url) == normalizeLink(url)
    assert forge.normalizeLinkText(url) == normalizeLinkText(url)
