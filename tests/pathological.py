"""Shapes of committed Markdown that make parsers slow: CommonMark's pathological tests (cmark's
test/pathological_tests.py), the shapes that stalled Python-Markdown here, and the shapes that
stall later stages (the sanitizer's HTML parser, Material's search indexer).

Each shape is a function of a size in bytes that returns about that much text.
"""

from __future__ import annotations

from collections.abc import Callable


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
    "links in one paragraph of lines": lambda n: _repeat("[x](#nothing%20here) [y](002.md#z)\n", n),
}
