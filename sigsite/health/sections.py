"""The parts of committed Markdown a health measure reads: a section found by its heading, at any
level (`## Attendees`, `### Attendance:`), and its top-level list items as plain text.

Parsed by the forge's own parser (markup.commonmark), so code blocks and HTML never count as a
section; its cost is linear in the text, as rendering is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from markdown_it.token import Token

from sigsite.accounts import gitee_account
from sigsite.markup.commonmark import heading_text, inline_text, parser

_NUMBERING = re.compile(r"^(?:\d+|[一二三四五六七八九十]+)\s*[.、)）]\s*")
_MENTION = re.compile(r"(?<![\w@])@([A-Za-z0-9][A-Za-z0-9_.-]{0,99})")


def heading_key(text: str) -> str:
    """A heading as a section name: `Attendance:` -> `attendance`, `2、参会人员：` -> `参会人员`."""
    return _NUMBERING.sub("", text.strip()).rstrip(":：").strip().lower()


@dataclass(frozen=True)
class Item:
    """A top-level list item of a section: its plain text, the Gitee accounts it links or mentions,
    and its line in the text (0-based)."""

    text: str
    accounts: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Part:
    """A section: its heading's text and line (0-based), its list items and its other paragraphs."""

    title: str
    line: int
    items: tuple[Item, ...]
    prose: tuple[str, ...]


def _accounts(inline: Token) -> list[str]:
    found = []
    for child in inline.children or []:
        if child.type == "link_open":
            try:
                account = gitee_account(str(child.attrs.get("href", "")))
            except ValueError:
                account = None
            if account:
                found.append(account)
        elif child.type == "text":
            found += _MENTION.findall(child.content)
    return found


@lru_cache(maxsize=8)
def _heading_line(names: frozenset[str]) -> re.Pattern[str]:
    """An ATX heading line naming one of `names`: what makes a text worth parsing for them."""
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"^ {{0,3}}#{{1,6}}[ \t]+[^\n]*?(?:{alternatives})", re.IGNORECASE | re.MULTILINE)


@lru_cache(maxsize=4)  # a note's attendees and its action items are read from one parse
def _tokens(text: str) -> list[Token]:
    return parser().parse(text)


def sections_named(text: str, names: frozenset[str]) -> list[Part]:
    """Every section of `text` whose heading's key (heading_key) is one of `names`; a section ends
    at the next heading of any level. A text with no heading line naming one is not parsed."""
    if not _heading_line(names).search(text):
        return []
    return sections_where(text, names.__contains__)


def sections_where(text: str, wanted: Callable[[str], bool]) -> list[Part]:
    """Every section of `text` whose heading's key (heading_key) is `wanted`."""
    parts: list[Part] = []
    tokens = _tokens(text)
    current: tuple[str, int] | None = None
    items: list[Item] = []
    prose: list[str] = []
    depth = 0
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            if current is not None:
                parts.append(Part(current[0], current[1], tuple(items), tuple(prose)))
            title = heading_text(tokens[index + 1])
            current = (title, token.map[0] if token.map else 0) if wanted(heading_key(title)) else None
            items, prose, depth = [], [], 0
        elif current is None:
            continue
        elif token.type in {"bullet_list_open", "ordered_list_open"}:
            depth += 1
        elif token.type in {"bullet_list_close", "ordered_list_close"}:
            depth -= 1
        elif token.type == "list_item_open" and depth == 1:
            items.append(Item("", (), token.map[0] if token.map else 0))
        elif token.type == "inline" and tokens[index - 1].type == "paragraph_open":
            words = inline_text(token).strip()
            if depth == 0:
                prose.append(words)
            elif depth == 1 and items:
                last = items[-1]
                joined = f"{last.text} {words}".strip()
                items[-1] = Item(joined, (*last.accounts, *_accounts(token)), last.line)
    if current is not None:
        parts.append(Part(current[0], current[1], tuple(items), tuple(prose)))
    return parts
