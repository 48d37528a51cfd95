"""The parts of committed Markdown a health measure reads: a section found by its heading, at any
level (`## Attendees`, `### Attendance:`), and its top-level list items as plain text.

Parsed by the forge's own parser (markup.commonmark), so code blocks and HTML never count as a
section; its cost is linear in the text, as rendering is, and a fraction of it: the blocks are
parsed once (`outline`), and the inline markup only of what a reader reads (`inline`): a
section's heading and items, a paragraph that names a rhythm, each at most MAX_INLINE characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from sigsite.accounts import gitee_account
from sigsite.emails import REDACTED
from sigsite.markup.commonmark import MAX_BLOCK_NESTING, heading_text, inline_text, parser

_NUMBERING = re.compile(r"^(?:\d+|[一二三四五六七八九十]+)\s*[.、)）]\s*")
_AT_ACCOUNT = re.compile(r"@([A-Za-z0-9][A-Za-z0-9_.-]{0,99})")  # anywhere, even after a name's letter
# After a name in any script but not after an address's letters: `张双民@tsingzsm` names tsingzsm.
_MENTION = re.compile(r"(?<![A-Za-z0-9_.@+-])@([A-Za-z0-9][A-Za-z0-9_.-]{0,99})")
# What a mention reads as when it is an address's domain (`张三@qq.com`), not an account.
_DOMAIN = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,63}")
# What is read of one heading or paragraph: a name, an action, a schedule is said in its first
# words; the rest of a longer one is left unread, and the text it gives ends in "…".
MAX_INLINE = 2000
_TASK = re.compile(r"\[[ xX]\][ \t\n\v\f\r]")  # as mdit_py_plugins.tasklists finds one


def heading_key(text: str) -> str:
    """A heading as a section name: `Attendance:` -> `attendance`, `2、参会人员：` -> `参会人员`."""
    return _NUMBERING.sub("", text.strip()).rstrip(":：").strip().lower()


@dataclass(frozen=True)
class Item:
    """A top-level list item of a section: its plain text, the Gitee accounts it links or mentions,
    and its line in the text (0-based)."""

    text: str
    accounts: tuple[str, ...]  # each once (whatever its case), those it links first
    line: int
    linked: tuple[str, ...] = ()  # the accounts its links lead to, each once
    # The accounts it mentions outside the text of a link to an account, each once.
    mentioned: tuple[str, ...] = ()

    @property
    def account(self) -> str | None:
        """The one account the item names: where its links lead and whom it mentions outside their
        text (`Nan Zhang[@gaoruoshu](…/znzjugod)` is znzjugod, where the link leads; `张双民@tsingzsm`
        is tsingzsm); None for none or several (`Ann[@ann](…), Bob @bob`)."""
        named = _each_once([*self.linked, *self.mentioned])
        return named[0] if len(named) == 1 else None

    @property
    def name(self) -> str:
        """The item's text without the `@account`s it names (`Donghui Chen[@chendh6](…)`)."""
        named = {a.casefold() for a in self.accounts}
        text = _AT_ACCOUNT.sub(lambda m: "" if m[1].casefold() in named else m[0], self.text)
        return " ".join(text.replace(REDACTED, " ").split())


@dataclass(frozen=True)
class Part:
    """A section: its heading's text and line (0-based), its list items and its other paragraphs."""

    title: str
    line: int
    items: tuple[Item, ...]
    prose: tuple[str, ...]


def _accounts(inline: Token) -> tuple[list[str], list[str], list[str]]:
    """The accounts an item's paragraph links to, those it mentions (`@account`), and those it
    mentions outside the text of a link to an account (`[@gaoruoshu](…/znzjugod)` is the link's)."""
    links, mentions, outside = [], [], []
    in_account_link = False
    for child in inline.children or []:
        if child.type == "link_open":
            try:
                account = gitee_account(str(child.attrs.get("href", "")))
            except ValueError:
                account = None
            if account:
                links.append(account)
            in_account_link = bool(account)
        elif child.type == "link_close":
            in_account_link = False
        elif child.type == "text":
            found = [m for m in _MENTION.findall(child.content) if not _DOMAIN.fullmatch(m)]
            mentions += found
            outside += [] if in_account_link else found
    return links, mentions, outside


def _each_once(accounts: list[str]) -> tuple[str, ...]:
    """`accounts` without repeats, whatever their case, in order."""
    seen: dict[str, str] = {}
    for account in accounts:
        seen.setdefault(account.casefold(), account)
    return tuple(seen.values())


@lru_cache(maxsize=8)
def _heading_line(names: frozenset[str]) -> re.Pattern[str]:
    """An ATX heading line naming one of `names`: what makes a text worth parsing for them."""
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    # One blank after the marks, then the line: `[ \t]+[^\n]*?` would try every split of a run of blanks.
    return re.compile(rf"^ {{0,3}}#{{1,6}}[ \t][^\n]*?(?:{alternatives})", re.IGNORECASE | re.MULTILINE)


@lru_cache(maxsize=1)
def _block_parser() -> MarkdownIt:
    """The forge's parser for blocks alone: what `parser()` makes of them, inline markup unread."""
    md = MarkdownIt("gfm-like", {"maxNesting": MAX_BLOCK_NESTING})
    md.core.ruler.enableOnly(["normalize", "block"])
    return md


# A note's attendees and action items, a README's schedules (read twice: its health, its meeting
# times) and leaders: one parse each, for a community's READMEs.
@lru_cache(maxsize=256)
def outline(text: str) -> list[Token]:
    """The blocks of a Markdown text as the forge parses them; each `inline` token holds its
    source, unparsed (read it with `inline`)."""
    return _block_parser().parse(text)


def inline(token: Token, *, task: bool = False) -> Token:
    """An inline token of `outline`, its markup parsed as the forge does: at most its first
    MAX_INLINE characters, and then a last text child "…". With `task` (the first paragraph of a
    list item), a task list's box (`[ ] `, `[x] `) is no text, as the forge shows a checkbox."""
    source = token.content
    if task and _TASK.match(source):
        source = source[3:]
    (parsed,) = parser().parseInline(source[:MAX_INLINE], {})
    if len(source) > MAX_INLINE:
        parsed.children = [*(parsed.children or []), Token("text", "", 0, content="…")]
    return parsed


def sections_named(text: str, names: frozenset[str]) -> list[Part]:
    """Every section of `text` whose heading's key (heading_key) is one of `names`; a section ends
    at the next heading of any level. A text with no heading line naming one is not parsed."""
    if not _heading_line(names).search(text):
        return []
    return sections_where(text, names.__contains__)


def sections_where(text: str, wanted: Callable[[str], bool]) -> list[Part]:
    """Every section of `text` whose heading's key (heading_key) is `wanted`."""
    parts: list[Part] = []
    tokens = outline(text)
    current: _Section | None = None
    depth = 0
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            if current is not None:
                parts.append(current.part())
            title = heading_text(inline(tokens[index + 1]))
            line = token.map[0] if token.map else 0
            current = _Section(title, line) if wanted(heading_key(title)) else None
            depth = 0
        elif current is None:
            continue
        elif token.type in {"bullet_list_open", "ordered_list_open"}:
            depth += 1
        elif token.type in {"bullet_list_close", "ordered_list_close"}:
            depth -= 1
        elif token.type == "list_item_open" and depth == 1:
            current.items.append(([], [], [], [], token.map[0] if token.map else 0))
        elif token.type == "inline" and tokens[index - 1].type == "paragraph_open":
            if depth == 0:
                current.prose.append(inline_text(inline(token)).strip())
            elif depth == 1 and current.items:
                parsed = inline(token, task=tokens[index - 2].type == "list_item_open")
                texts, links, mentions, outside, _ = current.items[-1]
                texts.append(inline_text(parsed).strip())
                linked, mentioned, mentioned_outside = _accounts(parsed)
                links += linked
                mentions += mentioned
                outside += mentioned_outside
    if current is not None:
        parts.append(current.part())
    return parts


@dataclass
class _Section:
    """A section being read: its items' paragraphs and accounts are gathered, then joined once
    (joining as each paragraph comes would copy a long item's text again for every paragraph)."""

    title: str
    line: int
    items: list[tuple[list[str], list[str], list[str], list[str], int]] = field(default_factory=list)
    prose: list[str] = field(default_factory=list)

    def part(self) -> Part:
        items = tuple(
            Item(
                " ".join(t for t in texts if t),
                _each_once(links + mentions),
                line,
                _each_once(links),
                _each_once(outside),
            )
            for texts, links, mentions, outside, line in self.items
        )
        return Part(self.title, self.line, items, tuple(self.prose))
