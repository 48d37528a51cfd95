"""One line of committed Markdown (a group's description in sig-info.yaml or the community's
listing) as the forge renders inline text: `**ops**` in bold, code, strikethrough, links to the
web, cleaned as every committed text is (sanitize.py), and kept inline: no block or heading of its
own, no image (its description stays), no link that leads nowhere the page can reach."""

from __future__ import annotations

import html

from markdown_it.token import Token

from sigsite.links import is_web_url
from sigsite.markup.commonmark import parser
from sigsite.sanitize import sanitize_inline, text_only


def inline_html(markdown: str) -> str:
    """The sanitized HTML of `markdown` read as one paragraph's inline text."""
    md = parser()
    tokens = md.parseInline(markdown, {})
    for block in tokens:
        block.children = _kept(block.children or [])
    return sanitize_inline(md.renderer.render(tokens, md.options, {}))


def plain_text(fragment: str) -> str:
    """The text an inline HTML fragment shows, on one line (search, a page's description)."""
    return " ".join(html.unescape(text_only(fragment)).split())


def _kept(children: list[Token]) -> list[Token]:
    """The inline tokens with links that do not lead to the web turned into their text (a relative
    link means a file of the group, which a card or another page cannot reach as written) and
    images into their description."""
    kept: list[Token] = []
    unlinked: list[bool] = []  # for each open link: True when it was dropped
    for child in children:
        if child.type == "link_open":
            dropped = not is_web_url(str(child.attrs.get("href", "")))
            unlinked.append(dropped)
            if dropped:
                continue
        elif child.type == "link_close":
            if unlinked and unlinked.pop():
                continue
        elif child.type == "image":
            child = Token("text", "", 0, content=child.content)
        kept.append(child)
    return kept
