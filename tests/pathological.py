"""Shapes of committed Markdown that make parsers slow: CommonMark's pathological tests (cmark's
test/pathological_tests.py), the shapes that stalled Python-Markdown here, and the shapes that
stall later stages (the sanitizer's HTML parser, Material's search indexer).

Each shape is a function of a size in bytes that returns about that much text.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice, permutations


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit.encode("utf-8")))


def _nested(opening: str, middle: str, closing: str, size: int) -> str:
    count = max(1, size // (len(opening) + len(closing)))
    return opening * count + middle + closing * count


SHAPES: dict[str, Callable[[int], str]] = {
    # cmark's pathological tests
    "nested strong emphasis": lambda n: _nested("*a **a ", "b", " a** a*", n),
    "many emphasis closers with no openers": lambda n: _repeat("a_ ", n),
    "many emphasis openers with no closers": lambda n: _repeat("_a ", n),
    "many link closers with no openers": lambda n: _repeat("a]", n),
    "many link openers with no closers": lambda n: _repeat("[a", n),
    "mismatched openers and closers": lambda n: _repeat("*a_ ", n),
    "openers and closers multiple of 3": lambda n: "a**b" + _repeat("c* ", n),
    "link openers and emphasis closers": lambda n: _repeat("[ a_", n),
    "hard link and emphasis case": lambda n: "**x [a*b**c*](d)" + _repeat("*", n // 2),
    "nested brackets": lambda n: _nested("[", "a", "]", n),
    "nested block quotes": lambda n: _repeat("> ", n) + "a",
    "deeply nested lists": lambda n: "".join("  " * i + "* a\n" for i in range(int(n**0.5) // 2)),
    "U+0000 in input": lambda n: _repeat("abc\x00de\x00", n),
    "backticks": lambda n: "".join("e" + "`" * i for i in range(1, int((2 * n) ** 0.5))),
    "unclosed links A": lambda n: _repeat("[a](<b", n),
    "unclosed links B": lambda n: _repeat("[a](b", n),
    "unclosed <!--": lambda n: "</" + _repeat("<!--", n),
    "unclosed <?": lambda n: _repeat("<?", n),
    "unclosed <!X": lambda n: _repeat("<!A ", n),
    "unclosed <![CDATA[": lambda n: _repeat("<![CDATA[", n),
    "tables": lambda n: "| a |\n| --- |\n" + _repeat("|a|\n", n),
    "wide table": lambda n: "|" + _repeat("a|", n // 2) + "\n|" + _repeat("-|", n // 2) + "\n",
    "many references": lambda n: "".join(f"[{i}]: u\n" for i in range(n // 8)) + _repeat("[0] ", n // 4),
    "reference collisions": lambda n: "".join(f"[{'a' * (i % 50)}]: u\n" for i in range(n // 30)),
    # what stalled Python-Markdown on main
    "unclosed link destinations": lambda n: _repeat("[a](", n),
    "thematic breaks of dashes": lambda n: _repeat("- - -\n", n),
    "unclosed tags with attributes": lambda n: _repeat("<a b", n),
    "unclosed brackets": lambda n: _repeat("[", n),
    "list indented step by step": lambda n: "".join(" " * i + "- x\n" for i in range(int((2 * n) ** 0.5))),
    # what stalls later stages: the sanitizer and the search indexer
    "code spans then list items": lambda n: _repeat("`a` ", n // 2) + "\n\n" + _repeat("- b\n", n // 2),
    "inline html elements": lambda n: _repeat("<b>a</b><i>b</i>", n),
    "deep html": lambda n: _repeat("<div>", n),
    "entities": lambda n: _repeat("&#64;&amp;&commat;", n),
    "e-mail like": lambda n: _repeat("a@b.c ", n),
    "an address with its domain written on and on": lambda n: "a@x.cn" + _repeat("@x.cn", n),
    "at signs": lambda n: _repeat("@", n),
    "percent runs": lambda n: _repeat("%40%2", n),
    "autolink candidates": lambda n: _repeat("www.a", n),
    # what the health measures read: an Attendees section, an Action items section, a schedule
    "attendees with long items": lambda n: "## Attendees\n" + _repeat("* " + "a " * 150 + "(b\n", n),
    "attendees as one comma list": lambda n: "## Attendees\n* Org Team, " + _repeat("a b, ", n) + "etc.\n",
    "attendees of spaces and digits": lambda n: "## Attendees\n" + _repeat("* 1 " + " " * 60 + "1\n", n),
    "action items": lambda n: "## Action items\n" + _repeat("* do a thing\n", n),
    "schedule sentences": lambda n: _repeat("weekly " + "1" * 40 + " - " + " " * 40 + "\n\n", n),
    "headings that name sections": lambda n: _repeat("### Attendance:\n* a (b)\n", n),
    # what finding a fragment's heading reads: headings alike, raw ids, links in one long paragraph
    "in-page links to headings alike": lambda n: _repeat("## a b\n[x](#A%20B) [y](<#a b-1>)\n", n),
    "raw ids": lambda n: _repeat('<b id="x">a</b>', n),
    # what stalls Material's search: a section per heading looked up in the whole table of contents,
    # and jieba's cut of one run of Chinese
    "many headings": lambda n: _repeat("# a\n", n),
    "one long run of one Chinese character": lambda n: _repeat("鑫", n),
    "links in one paragraph of lines": lambda n: _repeat("[x](#nothing%20here) [y](002.md#z)\n", n),
}


# Shapes that bite the hub's own readers (issue 28), each a function of a size in bytes that returns
# the files (paths from the community's root) to write into a copy of the fixture community.
ALPHA = "sigs/alpha"
NOTE = f"{ALPHA}/meetings/004-20210506.md"  # a held session of alpha's
README = f"{ALPHA}/README_en.md"
RECORD = f"{ALPHA}/docs/meeting-20210506/README.md"  # a dated record
DOCUMENT = f"{ALPHA}/guides/shape.md"
NOTE_HEADING = "# Thursday May 6, 2021 at 15:00 GMT+8\n\n"


def _numbered(line: str, size: int) -> str:
    """`line` with `{}` as 0, 1, 2, ... until about `size` bytes."""
    count = max(1, size // len(line.format(10**5).encode("utf-8")))
    return "".join(line.format(index) for index in range(count))


def _uncertain(size: int) -> dict[str, str]:
    """Many people of one name in alpha's members file, and a note naming that name in many word
    orders: every attendee may be any of them."""
    words = "ab cd ef gh ij kl mn op qr".split()
    members = "Members:\n" + "".join(
        f"- name: {' '.join(words).title()}\n  gitee_home: https://gitee.com/p{i}\n"
        for i in range(size // 2 // 60)
    )
    orders = islice(permutations(words), size // 2 // 29)
    attendees = "".join(f"* {'.'.join(order)}\n" for order in orders)
    return {f"{ALPHA}/sig_members.yaml": members, NOTE: NOTE_HEADING + "## Attendees\n" + attendees}


HUB_SHAPES: dict[str, Callable[[int], dict[str, str]]] = {
    # what the review reproduced
    "an attendee ending in ellipses": lambda n: {
        NOTE: NOTE_HEADING + "## Attendees\n" + _repeat("* Alice" + "…" * 26 + "x\n", n)
    },
    "minutes links": lambda n: {README: _numbered("minutes https://a.example/{}\n", n)},
    "blank lines": lambda n: {README: "\n" * n},
    "members and attendees": lambda n: {
        f"{ALPHA}/sig_members.yaml": "Members:\n" + _numbered("- name: Person Number{}\n", n // 2),
        NOTE: NOTE_HEADING + "## Attendees\n" + _numbered("* Attendee Other{}\n", n // 2),
    },
    "a maintainer and a run of spaces": lambda n: {README: "## Maintainers\n\n* @bob" + " " * n + "x\n"},
    "many small documents": lambda n: {
        f"{ALPHA}/guides/d{i}.md": f"# Guide {i:05d}\n\nWhat the group does, how, and who to ask: a page.\n"
        for i in range(n // 70)
    },
    "lines of brackets": lambda n: {README: "[\n" * (n // 2)},
    # what the audit found beside them
    "unclosed autolinks": lambda n: {DOCUMENT: _repeat("<a:", n)},
    "records of one day": lambda n: {
        f"{ALPHA}/docs/meeting-20210506/r{i:05d}.md": "# Meeting\n\n" + "What it decided and why. " * 3 + "\n"
        for i in range(n // 90)
    },
    "one name many ways": _uncertain,
    "leaders named in many sections": lambda n: {README: _numbered("## Maintainers\n\n* @lead{}\n\n", n)},
    "a schedule in every paragraph": lambda n: {
        README: _numbered("We meet weekly on Thursday at {}:00 UTC+99.\n\n", n)
    },
    "a title and a run of blanks": lambda n: {RECORD: "# Meeting x" + " " * n + "y\n\ntext\n"},
    "a heading and a run of blanks": lambda n: {README: "#" + " " * n + "Maintainers\n\n* Ada\n"},
    "an attendee of many paragraphs": lambda n: {
        NOTE: NOTE_HEADING + "## Attendees\n\n* Ada\n\n" + _repeat("  Bob\n\n", n)
    },
    "the community's table": lambda n: {
        "sigs/README_en.md": "| SIG | Maintainers |\n| --- | --- |\n"
        + _numbered("| [alpha](alpha/README.md) | https://gitee.com/m{} |\n", n)
    },
    "a web list of blank items": lambda n: {README: _repeat("* \n", n)},
    # people as identities (issue 30): one name bound to many accounts, written many invisible ways
    "one name bound to many accounts": lambda n: {
        f"{ALPHA}/sig_members.yaml": "Maintainers:\n"
        + _numbered("- name: Li Wei\n  gitee_home: https://gitee.com/p{}\n", n // 3)
        + "Members:\n"
        + _repeat("- name: Wei Li\n", n // 3),
        NOTE: NOTE_HEADING
        + "## Attendees\n"
        + "".join(f"* Li{chr(0x200B) * (i % 40)} Wei{chr(0xAD) * (i // 40)}\n" for i in range(n // 3 // 60)),
    },
    "a name of many words": lambda n: {
        f"{ALPHA}/sig_members.yaml": "Maintainers:\n- name: " + _repeat("Ab ", n // 2) + "\n",
        README: "## Maintainers\n\n* " + _repeat("Ab ", n // 2) + "\n",
    },
    "chairs marked in a README": lambda n: {README: _numbered("* Chair Person{} (Org) **Chair**\n", n)},
    "a long name and title": lambda n: {
        f"{ALPHA}/sig-info.yaml": "name: " + "Alpha " * (n // 12) + "\n",
        RECORD: "# " + "Meeting " * (n // 16) + "\n\ntext\n",
    },
    # what a session's summary and its own time read (issue 31): the sentences of many records of
    # one template, counted in one index; a record's first lines, labelled as its time
    "records of one template": lambda n: {
        f"{ALPHA}/docs/session-20210506/r{i:05d}.md": "# Session\n\n2021年05月06日\n\n"
        f"感谢开发者们的热情参与！\n\nThe session was number {i}.\n"
        for i in range(n // 120)
    },
    "time lines and runs in a record": lambda n: {
        RECORD: "# Meeting\n\n"
        + _repeat("Duration: 2021/May/06 16:00 ~ 17:00 (UTC +08:00) " + "1:0" * 30 + "\n", n // 2)
        + "a"
        + "_" * (n // 2)
        + "b\n"
    },
}


def in_every_reader(shape: Callable[[int], str]) -> Callable[[int], dict[str, str]]:
    """A shape of committed Markdown in alpha's README, a record and a document, a third in each."""
    return lambda n: {README: shape(n // 3), RECORD: shape(n // 3), DOCUMENT: shape(n // 3)}
