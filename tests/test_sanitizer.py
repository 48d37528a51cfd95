"""Property test of what a note can put on a page, through the site's own renderer and sanitizer.

Hypothesis writes notes from fragments an attacker would try (markup, attribute lists, encoded
schemes, theme ids) mixed with Markdown structure; none may yield a script, an event handler, an
unsafe address, a foreign id or a theme class, in the body or in the table of contents. A real
build of a batch of such notes then checks every built file.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from html import escape
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from conftest import build, make_project
from hostile import assert_harmless, safe_address
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sigsite.loader import Sources, load_sig
from sigsite.markup.document import render_markdown
from sigsite.markup.references import Target, resolve_references
from sigsite.model import Heading
from sigsite.notes.note import parse_meeting
from sigsite.problems import Problems
from sigsite.sanitize import ID_PREFIX

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">j</a>',
    '<a href="jav&#x61;script:alert(1)">e</a>',
    '<a href=" JaVaScRiPt:alert(1)">c</a>',
    '<a href="java\tscript:alert(1)">t</a>',
    "<svg onload=alert(1)><circle/></svg>",
    "<math><mi xlink:href=javascript:alert(1)>m</mi></math>",
    "<iframe src=javascript:alert(1)></iframe>",
    '<object data="javascript:alert(1)"></object>',
    "<embed src=x.swf>",
    '<form action="javascript:alert(1)"><button>b</button></form>',
    '<base href="//evil.example/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<style>body{display:none}</style>",
    '<details open ontoggle="alert(1)"><summary>s</summary>d</details>',
    '<div id="__config">{"base": "//evil.example"}</div>',
    '<p class="md-header md-dialog sig-roster" id="__search">x</p>',
    "[x](javascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](javascript:alert(1))",
    "![t](https://tracker.example/p.gif)",
    "[ref]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "{: #__config }",
    '{: #x"><script>alert(1)</script> }',
    '{: .md-header onclick="alert(1)" }',
    "{: #__drawer .md-overlay }",
    "<!-- <script>alert(1)</script> -->",
    "<![CDATA[<script>alert(1)</script>]]>",
    '<div markdown="1">',
    "</div>",
    "`<script>alert(1)</script>`",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
]
STRUCTURE = [
    "\n",
    "\n\n",
    "- ",
    "1. ",
    "> ",
    "    ",
    "## ",
    "### ",
    "!!! note\n    ",
    "??? tip\n    ",
    "| a | b |\n|---|---|\n| ",
]
WORDS = ["privacy", "差分隐私", "model", "[", "]", "(", ")", "{", "}", "<", ">", '"', "'", "#", ":", "*"]

fragment = (
    st.sampled_from(HOSTILE) | st.sampled_from(STRUCTURE) | st.sampled_from(WORDS) | st.text(max_size=12)
)
notes = st.lists(fragment, min_size=1, max_size=25).map("".join)
SCHEME_FREE_TAGS = {
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "form",
    "base",
    "meta",
    "svg",
    "math",
    "link",
}


def render_note(text: str) -> tuple[str, list[Heading]]:
    """The note as a page shows it: rendered and sanitized, its links resolved; and its headings."""
    rendered = render_markdown(text, lambda path, fragment, line: Target("file", value=path))
    return resolve_references(rendered.html, lambda target: "../file/"), list(_entries(rendered.headings))


def _entries(headings: tuple[Heading, ...]) -> Iterator[Heading]:
    for heading in headings:
        yield heading
        yield from _entries(heading.children)


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(notes)
def test_no_note_yields_script_handlers_unsafe_addresses_or_theme_ids(note):
    html, toc = render_note(note)
    soup = BeautifulSoup(html, "lxml")
    assert not soup.find_all(SCHEME_FREE_TAGS), html
    for tag in soup.find_all(True):
        assert not [name for name in tag.attrs if name.lower().startswith("on")], html
        for attribute in ("href", "src"):
            assert safe_address(tag.get(attribute, "")), html
        if tag.has_attr("id"):
            assert tag["id"].startswith(ID_PREFIX), html
        classes = tag.get("class") or []
        assert not [c for c in classes if c.startswith(("md-", "sig-")) and c != "sig-external-image"], html
        if tag.name == "img":
            assert not urlsplit(tag.get("src", "")).netloc, html  # no request to another site
    for entry in toc:  # the theme prints the table of contents as it is: the adapter escapes the text
        assert entry.id.startswith(ID_PREFIX) and '"' not in entry.id and "<" not in entry.id
        assert "<" not in escape(entry.text) and '"' not in escape(entry.text)


def _accepted(folder: Path, piece: str) -> bool:
    """True when `sigsite check` accepts a note holding `piece` (a `javascript:` link is an error)."""
    folder.mkdir(exist_ok=True)
    note = folder / "001-20201001.md"
    note.write_text(f"# Thursday October 1, 2020\n\n## Notes\n{piece}\n", "utf-8")
    problems = Problems()
    parse_meeting(note, "note", ZoneInfo("Asia/Shanghai"), problems)
    return not problems.errors


@pytest.mark.build
def test_a_real_build_of_generated_notes_is_harmless(tmp_path):
    """Notes the checks accept (those they refuse say why) build into harmless files."""
    rng = random.Random(13)
    project = make_project(tmp_path / "project")
    pieces = [piece for piece in HOSTILE + STRUCTURE + WORDS if _accepted(tmp_path / "pieces", piece)]
    assert len(pieces) > 40
    for number in range(40):
        body = "".join(rng.choice(pieces) for _ in range(30))
        note = f"# Thursday October 1, 2020 at 15:00 GMT+8\n\n## Agenda\n* x\n\n## Notes\n{body}\n"
        (project / "meetings" / f"{100 + number:03d}-20201001.md").write_text(note, "utf-8")
    _, problems = load_sig(Sources(project))
    for problem in problems.errors:
        (project / problem.file).unlink(missing_ok=True)
    kept = len(list((project / "meetings").glob("1*.md")))
    assert kept >= 30, "too few generated notes pass the checks to test the build"
    result = build(project)
    assert result.ok, result.result.stderr
    assert_harmless(result.site)
