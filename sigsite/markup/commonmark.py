"""The Markdown dialect of the forge: CommonMark plus tables, strikethrough, autolinks and task lists.

markdown-it-py is linear in its input (it ships CommonMark's pathological-input tests). Two things
differ from its `gfm-like` preset, to match what Gitee and GitHub show:
- autolinks are made only from `http://`, `https://` and `www.` (and e-mail addresses), never from
  a bare `example.com`;
- every heading gets an id by the forge's rule (`forge_slug`), so a README's own table of contents
  (`[概述](#概述)`) leads to its headings. The sanitizer puts the ids in the content's namespace.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.tasklists import tasklists_plugin

# markdown-it-py has one nesting limit for blocks and inline markup. Blocks: deep enough for any
# real file; the block parser drops what lies deeper, so files nested that far are refused before
# they are rendered (cost_limits.MAX_BLOCK_NESTING keeps well below). Inline markup: what lies
# deeper stays text, and the link parser's lookahead costs this many steps per character.
MAX_BLOCK_NESTING = 100
MAX_INLINE_NESTING = 10
_AUTOLINK_STARTS = ("http://", "https://", "www.", "mailto:")
_KEPT_PUNCTUATION = frozenset("-_ ")


def forge_slug(text: str) -> str:
    """A heading's id as GitHub and Gitee make it: lower case, letters, digits, `-` and `_`, spaces
    as `-`. `概述` stays `概述`, `1. Overview & Goals` becomes `1-overview--goals`."""
    kept = (
        char
        for char in text.strip().lower()
        if char in _KEPT_PUNCTUATION or unicodedata.category(char)[0] in "LMN"
    )
    return "".join(kept).replace(" ", "-")


def inline_text(inline: Token, *, with_images: bool = False) -> str:
    """The text of a block's inline markup as a browser shows it; images' descriptions too if asked."""
    parts = []
    for child in inline.children or []:
        if child.type in {"text", "code_inline"} or (with_images and child.type == "image"):
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append(" ")
    return "".join(parts)


def heading_text(inline: Token) -> str:
    """The text of a heading (what its id and the table of contents use)."""
    return inline_text(inline).strip()


def _heading_ids(state: StateCore) -> None:
    """Give each heading the forge's id; a repeated one gets `-1`, `-2`, ... as on the forge."""
    seen: dict[str, int] = {}
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        slug = forge_slug(heading_text(tokens[index + 1])) or "section"
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        token.attrSet("id", slug if count == 0 else f"{slug}-{count}")


def _strict_autolinks(state: StateCore) -> None:
    """Undo the autolinks the forge would not make (`example.com`, `ftp://x`): keep their text."""
    for block in state.tokens:
        children = block.children
        if block.type != "inline" or not children:
            continue
        kept: list[Token] = []
        dropping = False
        for index, child in enumerate(children):
            if child.type == "link_open" and child.markup == "linkify":
                label = children[index + 1].content.lower() if index + 1 < len(children) else ""
                is_email = str(child.attrs.get("href", "")).startswith("mailto:")
                dropping = not (label.startswith(_AUTOLINK_STARTS) or is_email)
                if dropping:
                    continue
            elif child.type == "link_close" and child.markup == "linkify" and dropping:
                dropping = False
                continue
            kept.append(child)
        block.children = kept


def _table_alignment(state: StateCore) -> None:
    """Table cells aligned with `align`, as the forge writes them: style attributes are not kept."""
    for token in state.tokens:
        if token.type in {"th_open", "td_open"}:
            style = str(token.attrs.pop("style", ""))
            if style.startswith("text-align:"):
                token.attrSet("align", style.removeprefix("text-align:"))


def _nesting_limit(limit: int) -> Callable[[StateCore], None]:
    def set_limit(state: StateCore) -> None:
        state.md.options["maxNesting"] = limit

    return set_limit


# An address markdown-it's normalizeLink and normalizeLinkText give back as written: http(s) with a
# lower-case host of ASCII labels, at most 253 characters (mdurl empties a longer one; no punycode
# label, which normalizeLinkText decodes), or a relative
# path; then a path of unreserved characters, nothing to encode or decode. A README lists hundreds
# of them, and the two cost a fifth of its parse.
_AS_WRITTEN = re.compile(
    r"(?:https?://(?![^/]*xn--)(?=[a-z0-9.-]{1,253}/)[a-z0-9.-]+/|[A-Za-z0-9._~-])[A-Za-z0-9._~/-]*"
)


class _Forge(MarkdownIt):
    """markdown-it, giving the addresses `_AS_WRITTEN` back at once from its link normalizers."""

    def normalizeLink(self, url: str) -> str:
        return url if _AS_WRITTEN.fullmatch(url) else super().normalizeLink(url)

    def normalizeLinkText(self, link: str) -> str:
        return link if _AS_WRITTEN.fullmatch(link) else super().normalizeLinkText(link)


@cache
def parser() -> MarkdownIt:
    """The one configured parser (building it costs more than rendering a note)."""
    md = _Forge("gfm-like", {"linkify": True, "maxNesting": MAX_BLOCK_NESTING})
    md.core.ruler.before("block", "sigsite_block_nesting", _nesting_limit(MAX_BLOCK_NESTING))
    md.core.ruler.after("block", "sigsite_inline_nesting", _nesting_limit(MAX_INLINE_NESTING))
    md.use(tasklists_plugin)
    linkify = md.linkify
    assert linkify is not None  # the `linkify` option set it up
    linkify.add("ftp:", None).add("//", None)
    md.core.ruler.after("linkify", "sigsite_strict_autolinks", _strict_autolinks)
    md.core.ruler.push("sigsite_heading_ids", _heading_ids)
    md.core.ruler.push("sigsite_table_alignment", _table_alignment)
    return md
