"""In-page links and links to another file's heading lead where their authors meant, however the
fragment is written (the forge's id, Typora's and VS Code's heading text); a fragment that names
no heading is a warning with its file and line, and never a dead anchor.

Core tier: the renderer and the loaders are called directly, no MkDocs build.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from costs import seconds_of
from hub_support import COMMUNITY, make_community

from sigsite.hub.loader import load_community
from sigsite.markup.anchors import MAX_REPORTED, UnknownFragments, text_key
from sigsite.markup.document import render_markdown
from sigsite.markup.references import Target
from sigsite.meetings import NoteCache, load_meetings
from sigsite.problems import Problems

GUIDE = """# The user guide

## Table of contents

- [1. The logic](#1.%20The%20logic%20architecture%20of%20dataset%20reviewer)
- [2. The entrance](<#2. The entrance of dataset reviewer>)
- [4. 上传](#4.%20数据集单点/批量审核上传)
- [case](#2-THE-ENTRANCE-OF-DATASET-REVIEWER)
- [no space](#1.The%20Logic%20Architecture%20of%20dataset%20reviewer)
- [full-width](#４．数据集单点／批量审核上传) [forge id](#1-the-logic-architecture-of-dataset-reviewer)
- [copied](#user-content-目录) [目录](#目录) [method](#Method:) [raw](#here)

## 1. The logic architecture of dataset reviewer

## 2. The entrance of dataset reviewer

## 4. 数据集单点/批量审核上传

## 目录

## Method:

<a id="here"></a>
"""


def _links(rendered_html: str) -> dict[str, str | None]:
    soup = BeautifulSoup(rendered_html, "lxml")
    return {a.get_text(): a.get("href") for a in soup.select("a:not(.headerlink)") if a.get_text()}


def _ids(rendered_html: str) -> set[str]:
    return {str(e["id"]) for e in BeautifulSoup(rendered_html, "lxml").select("[id]")}


def test_fragments_as_typora_vs_code_and_the_forge_write_them_lead_to_their_heading():
    unknown: list[tuple[str, int | None]] = []
    rendered = render_markdown(GUIDE, lambda *_: None, unknown_fragment=lambda f, n: unknown.append((f, n)))
    links = _links(rendered.html)
    logic, entrance = (
        "#user-content-1-the-logic-architecture-of-dataset-reviewer",
        "#user-content-2-the-entrance-of-dataset-reviewer",
    )
    assert links == {
        "1. The logic": logic,  # Typora: the heading's text, %20 for spaces
        "2. The entrance": entrance,  # spaces inside <...>
        "4. 上传": "#user-content-4-数据集单点批量审核上传",  # Chinese, a slash the id drops
        "case": entrance,
        "no space": logic,  # `1.The`: no slug of it is the id, its text is the heading's
        "full-width": "#user-content-4-数据集单点批量审核上传",  # ４．and ／ as Chinese keyboards write
        "forge id": logic,
        "copied": "#user-content-目录",  # copied from a rendered page: its namespace is not doubled
        "目录": "#user-content-目录",
        "method": "#user-content-method",  # punctuation the id drops
        "raw": "#user-content-here",  # an id set in raw HTML
    }
    assert unknown == []
    assert {href[1:] for href in links.values() if href} <= _ids(rendered.html)  # no dead anchor


def test_of_headings_that_match_alike_the_first_wins_and_an_id_names_its_own():
    """Two `## Notes` get `notes` and `notes-1`, as on the forge; a fragment by text takes the
    first, as a browser takes the first element with an id; `#notes-1` names the second."""
    text = "## Notes\n\n## Notes\n\n## notes!\n\n[text](#Notes) [second](#notes-1) [third](#notes-2)\n"
    rendered = render_markdown(text, lambda *_: None)
    assert [h["id"] for h in BeautifulSoup(rendered.html, "lxml").select("h2")] == [
        "user-content-notes",
        "user-content-notes-1",
        "user-content-notes-2",
    ]
    assert _links(rendered.html) == {
        "text": "#user-content-notes",
        "second": "#user-content-notes-1",
        "third": "#user-content-notes-2",
    }


def test_a_fragment_that_names_no_heading_is_reported_with_its_line_and_shown_as_text():
    unknown: list[tuple[str, int | None]] = []
    text = "Intro\nsee [gone](#Gone%20Away) and\n\n<p>\n<a href='#nowhere'>raw</a></p>\n\n[top](#)\n"
    rendered = render_markdown(
        text, lambda *_: None, first_line=4, unknown_fragment=lambda f, n: unknown.append((f, n))
    )
    assert unknown == [("Gone Away", 5), ("nowhere", 8)]  # lines of the file: the text starts at line 4
    assert _links(rendered.html) == {"gone": None, "raw": None, "top": None}  # text alone: no dead anchor
    # An id of an element the sanitizer drops is not there to lead to.
    render_markdown(
        "<script id='x'></script>\n\n[x](#x)\n",
        lambda *_: None,
        unknown_fragment=lambda f, n: unknown.append((f, n)),
    )
    assert unknown[-1] == ("x", 3)


def test_unknown_fragments_are_reported_up_to_a_bound_per_file():
    problems = Problems()
    report = UnknownFragments("docs/guide.md", problems)
    for line in range(1, 100):
        report.report("x" * 500, line)
    assert len(problems.warnings) == MAX_REPORTED + 1
    assert problems.warnings[0].format().startswith("docs/guide.md:1: warning: the link to '#xxx")
    assert len(problems.warnings[0].message) < 300  # the fragment is shortened
    assert "more links name no heading" in problems.warnings[-1].message


def test_the_text_key_ignores_case_spaces_punctuation_and_width():
    assert (
        text_key("1. The Logic")
        == text_key("1.the-logic")
        == text_key("１．ＴＨＥ　ＬＯＧＩＣ")
        == "1thelogic"
    )
    assert text_key("4. 数据集单点/批量审核上传") == "4数据集单点批量审核上传"
    assert text_key("!!! ") == ""


def _note(folder: Path, name: str, body: str) -> None:
    (folder / name).write_text(f"---\nsummary: x\n---\n# Thursday {name}\n\n{body}", "utf-8")


def test_a_note_links_to_its_headings_and_another_notes_as_typora_writes_them(tmp_path):
    """In the note itself, and to another note settled once every note is read: the heading named
    by its text, else its text alone or the top of that note's page, with a warning on the line of
    the file (front matter and title counted)."""
    _note(
        tmp_path,
        "001-20200604.md",
        "## Agenda\n\n- [decisions](002-20200611.md#Action%20Items)\n- [gone](002-20200611.md#Nothing)\n"
        "- [this agenda](#AGENDA) [missing](#Minutes)\n",
    )
    _note(tmp_path, "002-20200611.md", "## Agenda\n\n## Action items\n")
    problems = Problems()
    meetings, _ = load_meetings(tmp_path, "meetings", ZoneInfo("Asia/Shanghai"), problems)
    first = next(m for m in meetings if m.slug == "001-20200604")
    assert _links(first.rendered.html) == {
        "decisions": "sigsite:meeting//002-20200611#user-content-action-items",
        "gone": "sigsite:meeting//002-20200611",  # the top of that note's page
        "this agenda": "#user-content-agenda",
        "missing": None,  # its text alone
    }
    assert first.rendered.outbound == ()
    found = sorted(
        (p.line, p.message.split(" names")[0]) for p in problems.warnings if "names no heading" in p.message
    )
    assert found == [  # below front matter (3 lines), title and agenda
        (9, "the link to '002-20200611.md#Nothing'"),
        (10, "the link to '#Minutes'"),
    ]
    assert all(
        p.file == "meetings/001-20200604.md" for p in problems.warnings if "names no heading" in p.message
    )


def test_a_cached_note_follows_the_headings_another_note_has_now(tmp_path):
    """`mkdocs serve` reads only the notes that changed: a link to another note's heading is settled
    at every load, so it follows that note's headings as they are now."""
    _note(tmp_path, "001-20200604.md", "## Agenda\n\n- [later](002-20200611.md#Decisions)\n")
    _note(tmp_path, "002-20200611.md", "## Agenda\n")
    cache = NoteCache()
    before, _ = load_meetings(tmp_path, "meetings", ZoneInfo("Asia/Shanghai"), Problems(), cache=cache)
    _note(tmp_path, "002-20200611.md", "## Agenda\n\n## Decisions\n")
    problems = Problems()
    after, _ = load_meetings(tmp_path, "meetings", ZoneInfo("Asia/Shanghai"), problems, cache=cache)
    assert _links(before[0].rendered.html) == {"later": "sigsite:meeting//002-20200611"}
    assert _links(after[0].rendered.html) == {"later": "sigsite:meeting//002-20200611#user-content-decisions"}
    assert not [p for p in problems.warnings if "names no heading" in p.message]


def test_a_fragment_to_another_readme_stays_only_where_every_language_shows_the_heading(tmp_path):
    """alpha's home shows README.md in Chinese and README_en.md in English: a link to a heading of
    one README keeps its fragment only when the other has that heading too."""
    community = make_community(tmp_path / "community")
    document = community / "sigs/alpha/docs/guide.md"
    document.write_text(
        "# Guide\n\n[both](../README_en.md#Alpha%20SIG) [english](../README_en.md#nothing) "
        "[up](../../README.md#Some%20Section) [pdf](guide.pdf#page=2)\n",
        "utf-8",
    )
    loaded, problems = load_community(community)
    guide = next(d for d in loaded.sig("alpha").documents if d.path == "docs/guide.md")
    assert _links(guide.rendered.html) == {
        "both": "sigsite:home/alpha/#user-content-alpha-sig",  # `# Alpha SIG` opens both READMEs
        "english": "sigsite:home/alpha/",
        "up": "sigsite:hub//",  # the hub shows the community README's introduction alone
        "pdf": "sigsite:file/alpha/docs%2Fguide.pdf",
    }
    warnings = [p for p in problems.warnings if p.file == "sigs/alpha/docs/guide.md"]
    assert [(p.line, p.message) for p in warnings] == [
        (
            3,
            "the link to '../README_en.md#nothing' names no heading that the page it leads to shows; "
            "it leads to the top of that page",
        )
    ]


def test_the_hub_shows_the_community_readme_up_to_its_first_section_and_the_forge_shows_the_rest(tmp_path):
    """The hub's home shows sigs/README_en.md up to its first `##`: a link to a later heading leads
    to the file on the forge, which shows it all; a link to no heading of alpha's README is
    reported on its line of the file, the title the hub cut counted."""
    community = make_community(tmp_path / "community")
    readme = community / "sigs/README_en.md"
    links = "See [the list](#Current%20SIGs), [gone](alpha/README_en.md#Nothing), [Alpha]"
    readme.write_text(readme.read_text("utf-8").replace("See [Alpha]", links), "utf-8")
    loaded, problems = load_community(community)
    introduction = next(r for r in loaded.introduction if r.path == "sigs/README_en.md")
    forge = "https://gitee.com/mindspore/community/blob/master/sigs/README_en.md#Current%20SIGs"
    assert _links(introduction.rendered.html)["the list"] == forge
    assert _links(introduction.rendered.html)["gone"] == "sigsite:home/alpha/"
    reported = [(p.line, p.message) for p in problems.items if p.file == "sigs/README_en.md"]
    assert reported == [
        (
            3,
            "the link to 'alpha/README_en.md#Nothing' names no heading that the page it leads to shows; "
            "it leads to the top of that page",
        )
    ]


def test_finding_fragments_costs_the_size_of_the_file_not_its_square():
    def seconds(count: int) -> float:
        text = "".join(
            f"## Heading {i}\n[to {i}](#Heading%20{i}) [back](#heading-{count - i})\n" for i in range(count)
        )
        return seconds_of(lambda: render_markdown(text, lambda *_: None))

    small, large = seconds(2_000), seconds(8_000)
    assert large < 8 * max(small, 0.05)  # four times the links and headings: about four times the time


@pytest.mark.skipif(not COMMUNITY.is_dir(), reason="../shared/community is absent")
def test_the_datacompliance_guides_twelve_links_lead_to_their_headings(tmp_path):
    """The dataset reviewer's guides (Typora's `#1.%20The%20logic…`): every in-page link of the real
    community leads to a heading but the quantum working group's, whose fragment names none."""
    copy = tmp_path / "community"
    shutil.copytree(COMMUNITY, copy, symlinks=True)
    loaded, problems = load_community(copy)
    guides = [
        d for d in loaded.sig("datacompliance").documents if "user-guide-for-dataset-reviewer" in d.path
    ]
    assert len(guides) == 2
    resolved = 0
    for guide in guides:
        ids = _ids(guide.rendered.html)
        in_page = [href for href in _links(guide.rendered.html).values() if href and href.startswith("#")]
        assert len(in_page) == 6 and all(href[1:] in ids for href in in_page)
        resolved += len(in_page)
    assert resolved == 12
    # The quantum group's table of contents names `-quantum-working-group-`, its heading says
    # `-quantum-machine-learning-working-group-`: a fragment that names no heading.
    unknown = [(p.file, p.line, p.message) for p in problems.warnings if "names no heading" in p.message]
    quantum = "the link to '#mindspore-ai-for-quantum-working-group-wg' names no heading that the page shows"
    assert unknown == [
        ("working-groups/quantum/README.md", 5, quantum + " of this file; it is shown as text")
    ]


def test_a_reference_keeps_a_fragment_only_until_it_is_settled():
    rendered = render_markdown(
        "[a](x.md#Some%20Heading)",
        lambda path, fragment, line: Target("document", "g", "x", "#Some%20Heading"),
    )
    assert [link.fragment for link in rendered.outbound] == ["Some Heading"]
    assert [link.line for link in rendered.outbound] == [1]
