"""Limits that keep the cost of publishing a note proportional to its size.

Python-Markdown recurses once per nested list, quote, admonition or `markdown`-attributed HTML
block (about 400 levels exhaust Python's stack); html5ever slows down with deep nesting; and a
few constructs make the parsers rescan the text: every `[` is matched against the rest of its
block, every `<tag` against the rest of the file, every repeated heading id against the ids
before it. Real notes stay far below each limit; the scans here are linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from sigsite.problems import Problems

MAX_BLOCK_NESTING = 20  # lists, quotes and admonitions inside each other, or 80 columns of indent
MAX_HTML_NESTING = 64  # HTML elements inside each other
MAX_HEADINGS = 500
SCAN_FACTOR = 4  # a parser may read each character this many times over...
SCAN_ALLOWANCE = 4096  # ...plus this much per block

_FENCE = re.compile(r"^[ \t]*(```|~~~)")
_CONTAINER = re.compile(r"[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)|[!?]{3}\+?(?=[ \t]))")
_ATX_HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
_SETEXT_RULE = re.compile(r"[ \t]{0,3}(?:=+|-+)[ \t]*$")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]{0,40})([^<>]{0,4000})>")
_STRUCTURE_STARTS = frozenset(" \t>-*+=!?#0123456789")  # what a container, heading or rule starts with
_TAG_START = re.compile(r"<[A-Za-z/!?]")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Elements whose end tag may be left out: an unclosed one does not nest what follows.
_OPTIONAL_END = frozenset("p li dt dd tr td th thead tbody tfoot option optgroup colgroup rp rt".split())


@dataclass(frozen=True)
class _Excess:
    kind: str  # one report per kind and note
    line: int
    message: str
    fix: str


def _indent_columns(text: str) -> int:
    columns = 0
    for char in text:
        if char == " ":
            columns += 1
        elif char == "\t":
            columns += 4 - columns % 4
        else:
            break
    return columns


def _block_nesting(line: str) -> tuple[int, str]:
    """Lists, quotes and admonitions this line sits in, counting 4 columns of indent as one;
    and the line's text after them."""
    depth, position, spaces = 0, 0, 0
    while match := _CONTAINER.match(line, position):
        spaces += _indent_columns(match.group())
        depth += 1
        position = match.end()
    rest = line[position:]
    return depth + (spaces + _indent_columns(rest)) // 4, rest.lstrip()


def _bracket_scan(block: str) -> int:
    """How far the link parser reads: from each `[` to its `]`, or to the block's end."""
    cost, opened = 0, []
    for match in re.finditer(r"[\[\]]", block):
        if match.group() == "[":
            opened.append(match.start())
        elif opened:
            cost += match.start() - opened.pop()
    return cost + sum(len(block) - start for start in opened)


def _tag_scan(text: str) -> int:
    """How far the HTML parser reads: from each `<tag` to the next `>`, or to the end."""
    closers = [match.start() for match in re.finditer(">", text)]
    cost = 0
    for match in _TAG_START.finditer(text):
        index = bisect_left(closers, match.start())
        cost += (closers[index] if index < len(closers) else len(text)) - match.start()
    return cost


def _html_nesting(line: str, open_tags: list[str]) -> int:
    """Update the stack of open elements with one line's tags; return the deepest it got."""
    deepest = len(open_tags)
    for match in _TAG.finditer(line):
        closing, name, rest = match.group(1), match.group(2).lower(), match.group(3)
        if name in _VOID or name in _OPTIONAL_END or rest.rstrip().endswith("/"):
            continue
        if not closing:
            open_tags.append(name)
            deepest = max(deepest, len(open_tags))
        elif name in open_tags:
            while open_tags.pop() != name:
                pass
    return deepest


def _excesses(text: str) -> list[_Excess]:
    found: list[_Excess] = []
    in_fence = False
    headings = 0
    open_tags: list[str] = []
    block_start, block_lines = 1, list[str]()
    previous_blank = True
    lines = text.split("\n")

    def close_block() -> None:
        block = "\n".join(block_lines)
        if _bracket_scan(block) > SCAN_FACTOR * len(block) + SCAN_ALLOWANCE:
            found.append(
                _Excess(
                    "brackets",
                    block_start,
                    "this paragraph has so many unclosed or nested '[' that rendering it would take "
                    "far longer than its size",
                    "close each '[' with ']', or write \\[ for a literal bracket",
                )
            )

    for number, line in enumerate(lines, start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
        blank = not line.strip()
        if blank and block_lines:
            close_block()
            block_lines = []
        elif not blank:
            if not block_lines:
                block_start = number
            block_lines.append(line)
        if in_fence or blank:
            previous_blank = blank
            continue
        # Most lines start with text: no container, no heading, no rule (a fast path).
        depth, text = _block_nesting(line) if line[0] in _STRUCTURE_STARTS else (0, line)
        if depth > MAX_BLOCK_NESTING:
            found.append(
                _Excess(
                    "blocks",
                    number,
                    f"lists, quotes or indentation are nested {depth} levels deep here "
                    f"(at most {MAX_BLOCK_NESTING})",
                    "flatten the nesting",
                )
            )
        if _ATX_HEADING.match(text) or (not previous_blank and _SETEXT_RULE.match(line)):
            headings += 1
            if headings == MAX_HEADINGS + 1:
                found.append(
                    _Excess(
                        "headings",
                        number,
                        f"the note has more than {MAX_HEADINGS} headings",
                        "use lists instead",
                    )
                )
        html_depth = _html_nesting(line, open_tags) if "<" in line else len(open_tags)
        if html_depth > MAX_HTML_NESTING:
            found.append(
                _Excess(
                    "html",
                    number,
                    f"HTML elements are nested {html_depth} deep here (at most {MAX_HTML_NESTING})",
                    "close the elements you open",
                )
            )
            open_tags.clear()
        previous_blank = blank
    if block_lines:
        close_block()
    if _tag_scan(text) > SCAN_FACTOR * len(text) + SCAN_ALLOWANCE:
        found.append(
            _Excess(
                "tags",
                1,
                "the note opens so many HTML tags without closing them with '>' that rendering it "
                "would take far longer than its size",
                "write &lt; for a literal '<'",
            )
        )
    return found


def check_cost(text: str, display: str, problems: Problems, first_line: int = 1) -> bool:
    """Report each place where `text` (Markdown starting at `first_line`) exceeds a limit.

    Only the first excess of each kind is reported; True when there is none.
    """
    seen: set[str] = set()
    for excess in _excesses(text):
        if excess.kind in seen:
            continue
        seen.add(excess.kind)
        problems.error(display, excess.line + first_line - 1, excess.message, excess.fix)
    return not seen
