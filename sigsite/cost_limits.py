"""Limits that keep the cost of publishing a note or README proportional to its size.

The renderer (markdown-it-py) is linear, but two later stages are not, so two shapes are refused:
- containers nested deeper than the renderer goes: lists and quotes past `MAX_BLOCK_NESTING`
  levels (the parser stops at commonmark.MAX_BLOCK_NESTING and would drop what lies deeper);
- HTML elements nested deeper than `MAX_HTML_NESTING`: the sanitizer's HTML parser (html5ever)
  walks its stack of open elements for each tag, so 200 KB of `<div>` takes seconds.
Real files stay far below both; the scan here is linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sigsite.problems import FILE_LEFT_OUT, Problems

# Lists and quotes inside each other (each level at most two of the parser's, so well inside
# commonmark.MAX_BLOCK_NESTING), counting two columns of indentation as a level, as CommonMark nests.
MAX_BLOCK_NESTING = 32
MAX_HTML_NESTING = 64  # HTML elements inside each other

_FENCE = re.compile(r"^[ \t]*(```|~~~)")
_CONTAINER = re.compile(r"[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]{0,40})([^<>]{0,4000})>")
_STRUCTURE_STARTS = frozenset(" \t>-*+0123456789")  # what an indented line or a container starts with
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


def _block_nesting(line: str) -> int:
    """Lists and quotes this line may sit in: its container marks plus a level per two columns of indent."""
    depth, position, columns = 0, 0, 0
    while match := _CONTAINER.match(line, position):
        columns += _indent_columns(match.group())
        depth += 1
        position = match.end()
    return depth + (columns + _indent_columns(line[position:])) // 2


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
    open_tags: list[str] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
        if in_fence or not line.strip():
            continue
        # Most lines start with text: no container and no indentation (a fast path).
        depth = _block_nesting(line) if line[0] in _STRUCTURE_STARTS else 0
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
        problems.error(display, excess.line + first_line - 1, excess.message, excess.fix, topic=FILE_LEFT_OUT)
    return not seen
