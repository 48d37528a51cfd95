"""The hub's heuristic readers are linear and their reports bounded (issue 28), in the core: each at
a size where a reader that backtracks, rescans or compares all pairs takes seconds, with what it
must still read. The whole hub meets the same shapes in test_cost.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from costs import seconds_of
from hub_support import make_community

from sigsite.addresses import UniqueSegments
from sigsite.formatting import MAX_TITLE
from sigsite.headings import parse_heading
from sigsite.health.sections import MAX_INLINE, sections_where
from sigsite.hub.documents import title_and_body
from sigsite.hub.links import relative_targets
from sigsite.hub.loader import load_community
from sigsite.hub.readmes import first_prose
from sigsite.hub.records import readme_sessions
from sigsite.markup.document import render_markdown
from sigsite.model import Readme
from sigsite.notes.checks import check_link_schemes
from sigsite.privacy import MAX_REPORTED, withhold_in_text
from sigsite.problems import Problems

QUICK = 1.0  # process seconds; the readers here took from 5 s to hours at these sizes, now a few ms


def test_a_readmes_sessions_are_read_whatever_blank_lines_it_holds():
    readme = Readme("en", "sigs/x/README.md", "\n" * 40_000 + "* [2022-3-15 forecast](https://a.example/1)\n")
    assert seconds_of(lambda: readme_sessions((readme,), set(), "UTC")) < QUICK  # `^\s*` ran over every line
    (session,) = readme_sessions((readme,), set(), "UTC")
    assert (session.title, session.external_url) == ("2022-3-15 forecast", "https://a.example/1")


@pytest.mark.parametrize(
    "markdown",
    ["[\n" * 100_000, "[a](" + " " * 100_000 + ")", "x](" + " " * 50_000 + "\n" + " " * 50_000 + ")"],
)
def test_the_links_of_a_readme_are_found_in_one_pass(markdown):
    text = markdown + "\n\n[ref]: docs/a.pdf\n\n[b](docs/b.pdf) <img src=docs/c.png>\n"
    assert seconds_of(lambda: list(relative_targets(text))) < QUICK
    assert sorted(relative_targets(text)) == ["docs/a.pdf", "docs/b.pdf", "docs/c.png"]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("# Title ##", "Title"),
        ("## Title #   ", "Title"),
        ("# C# #", "C#"),
        ("#  Meeting  x" + " " * 100_000 + "y", "Meeting  x…"),  # the start of a long one
        ("#hashtag", ""),
    ],
)
def test_a_documents_title_is_its_heading_read_in_one_pass(line, title):
    assert seconds_of(lambda: title_and_body(line + "\n\ntext\n")) < QUICK  # the closing marks backtracked
    assert title_and_body(line + "\n\ntext\n")[0] == title


def test_a_title_or_a_summary_is_read_from_the_start_of_a_long_one():
    text = "# " + "Meeting " * 50_000 + "\n\n" + "A summary, " + "[a](b " * 50_000 + "\n"
    assert seconds_of(lambda: (title_and_body(text), first_prose(text))) < QUICK
    title, _ = title_and_body(text)
    assert len(title) == MAX_TITLE and title.startswith("Meeting Meeting") and title.endswith("…")
    assert (first_prose(text) or "").startswith("A summary, [a](b")


def test_a_sections_items_are_joined_once_and_read_to_a_length():
    text = "## Attendees\n\n* Ada\n\n" + "  Bob\n\n" * 5_000 + "* [ ] Cai\n* " + "Dan " * MAX_INLINE + "\n"
    assert seconds_of(lambda: sections_where(text, lambda key: key == "attendees")) < QUICK
    ((first, second, third),) = [part.items for part in sections_where(text, lambda key: key == "attendees")]
    assert first.text.startswith("Ada Bob Bob") and len(first.text.split()) == 5_001
    assert second.text == "Cai"  # a task list's box is a checkbox, no text
    assert third.text.endswith("…") and len(third.text) <= MAX_INLINE + 1


def test_an_autolink_left_open_is_checked_in_one_pass():
    problems = Problems()
    assert seconds_of(lambda: check_link_schemes("<a:" * 60_000, "README.md", problems)) < QUICK
    check_link_schemes("see <javascript:alert(1)>\n", "README.md", problems)
    assert [(p.line, "'javascript:'" in p.message) for p in problems.errors] == [(1, True)]


def test_a_file_of_many_addresses_says_a_few_and_counts_the_rest():
    problems = Problems()
    text = "".join(f"mail person{i}@example.org\n" for i in range(1_000))
    redacted = withhold_in_text(text, frozenset(), "README.md", problems)
    assert "@example.org" not in redacted
    assert [p.line for p in problems.warnings] == [*range(1, MAX_REPORTED + 1), MAX_REPORTED + 1]
    assert problems.warnings[-1].message.startswith("990 more personal e-mail addresses are withheld")


def test_names_made_unique_cost_their_number_not_its_square():
    segments = UniqueSegments()
    assert [segments.unique(name) for name in ("a", "a", "a-2", "a", "b")] == [
        "a",
        "a-2",
        "a-2-2",
        "a-3",
        "b",
    ]
    many = UniqueSegments()
    assert seconds_of(lambda: [many.unique("2024-11-30") for _ in range(20_000)]) < QUICK


def test_each_link_of_a_paragraph_is_given_its_line_in_one_pass():
    lines: list[tuple[str, int | None]] = []

    def resolve(path: str, _fragment: str, line: int | None) -> str:
        lines.append((path, line))
        return path

    text = "A list:\nsee [a](a.pdf) and\n`code\nspan` then ![b](b.png)\n<a href='c.pdf'>c</a> [a](a.pdf)\n"
    render_markdown(text, resolve)
    assert lines == [("a.pdf", 2), ("b.png", 4), ("c.pdf", 5), ("a.pdf", 5)]
    many = "".join(f"see [x](d{i}.pdf) and\n" for i in range(16_000))
    assert (
        seconds_of(lambda: render_markdown(many, lambda path, _f, _l: path)) < 2.5
    )  # 5.5 s before, 0.8 s now


@pytest.mark.parametrize(
    ("heading", "hours"), [("GMT+8", 8), ("GMT-12", -12), ("GMT+99", None), ("UTC+8:75", None)]
)
def test_a_notes_offset_is_one_a_clock_keeps(heading, hours):
    offset = parse_heading(f"Thursday June 04, 2020 at 15:00 {heading}").utc_offset
    assert (offset.total_seconds() / 3600 if offset is not None else None) == hours


def test_a_groups_name_is_shown_at_most_a_titles_length(tmp_path: Path):
    community = make_community(tmp_path / "community")
    (community / "sigs/alpha/sig-info.yaml").write_text("name: " + "Alpha " * 10_000 + "\n", "utf-8")
    (community / "sigs/sig_info.yaml").unlink()  # else the listing names it
    loaded, _ = load_community(community)
    name = loaded.sig("alpha").name
    assert len(name) == MAX_TITLE and name.startswith("Alpha Alpha") and name.endswith("…")
