"""A withheld address's placeholder as a link to the line of its file on the forge, where its author
put it: the site never copies the address, and a visitor still finds it.

A file's text has each personal address replaced by `emails.REDACTED` before anything reads it.
While a file is rendered, each placeholder of its text (outside code) becomes a slot that remembers
its line (`mark_slot`); once the HTML is sanitized, each slot becomes a link to `#L<line>`
(`link_withheld`), or the placeholder's text again inside another link, which cannot hold one.
Slots are noncharacters that the file's own text is cleared of first, so a file cannot write
one; the link carries an attribute the sanitizer drops from committed HTML, so a file cannot
write one either. Once the file's address on the forge is known, each link leads to its line there
(`settled`: the hub, at the commit it shows); once the page's language is known, its text is that
language's (`localized`), and the attribute is dropped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import replace
from html import escape

from sigsite.emails import REDACTED
from sigsite.model import Rendered

# Around a slot's number: noncharacters, which Unicode keeps for a program's internal use and no
# text interchanges, so clearing them from a file's text loses nothing it says.
_OPEN, _CLOSE = "\ufdd0", "\ufdd1"
_ATTRIBUTE = "data-sigsite-withheld"  # dropped by the sanitizer from committed HTML
_LINK = '<a class="sig-withheld" ' + _ATTRIBUTE + ' href="{url}" rel="noopener">' + escape(REDACTED) + "</a>"
_OURS = re.compile(
    '<a class="sig-withheld" '
    + _ATTRIBUTE
    + ' href="([^"<>]*)" rel="noopener">'
    + re.escape(escape(REDACTED))
    + "</a>"
)
_LINE = re.compile(r"#L([0-9]{1,9})")
_ANCHOR = re.compile(r"<(/?)a(?=[\s>/])", re.IGNORECASE)
_QUOTE_OR_END = re.compile('[">]')


def cleared(text: str) -> str:
    """A file's text without the characters slots are made of (U+FFFD in their place)."""
    return text.replace(_OPEN, "\ufffd").replace(_CLOSE, "\ufffd")


def mark_slot(text: str, first: int) -> str:
    """`text` (a text token's content) with each placeholder a slot numbered from `first`; a
    placeholder between `<` and `>` (an address written as an autolink) takes them along."""
    parts = text.split(REDACTED)
    out = [parts[0]]
    for offset, part in enumerate(parts[1:]):
        if out[-1].endswith("<") and part.startswith(">"):
            out[-1], part = out[-1][:-1], part[1:]
        out += [f"{_OPEN}{first + offset}{_CLOSE}", part]
    return "".join(out)


def link_withheld(body: str, lines: list[int | None]) -> str:
    """Sanitized HTML with each slot a link to `#L<line>` (`lines[its number]`; `#` when its line is
    unknown), or the placeholder inside a link. One pass: tags are skipped whole (their quoted
    values too), anchors counted, slots replaced."""
    urls = [f"#L{line}" if line is not None else "#" for line in lines]
    if _OPEN not in body:
        return body
    parts: list[str] = []
    position = depth = 0
    next_slot = body.find(_OPEN)
    while next_slot >= 0:
        tag = body.find("<", position, next_slot)
        if tag >= 0:
            end = _tag_end(body, tag)
            anchor = _ANCHOR.match(body, tag)
            if anchor:
                depth = max(0, depth + (-1 if anchor[1] else 1))
            parts.append(body[position:end])
            position = end
            if next_slot < position:  # inside the tag (never, for sanitized HTML): leave it there
                next_slot = body.find(_OPEN, position)
            continue
        close = body.find(_CLOSE, next_slot)
        if close < 0:
            break
        number = body[next_slot + 1 : close]
        index = int(number) if number.isdigit() and len(number) < 10 else -1
        url = urls[index] if 0 <= index < len(urls) else None
        parts.append(body[position:next_slot])
        parts.append(escape(REDACTED) if depth or url is None else _LINK.format(url=escape(url, quote=True)))
        position = close + 1
        next_slot = body.find(_OPEN, position)
    parts.append(body[position:])
    return "".join(parts)


def _tag_end(body: str, start: int) -> int:
    """Where the tag that starts at `start` ends (after its `>`), its quoted values skipped."""
    position = start + 1
    while (found := _QUOTE_OR_END.search(body, position)) is not None:
        if found[0] == ">":
            return found.end()
        closing = body.find('"', found.end())
        if closing < 0:
            break
        position = closing + 1
    return len(body)


def settled(rendered: Rendered, at: Callable[[int | None], str]) -> Rendered:
    """`rendered` with each link to a withheld address leading to `at(its line)`: the line of the
    file on the forge."""
    if _ATTRIBUTE not in rendered.html:
        return rendered

    def link(match: re.Match[str]) -> str:
        line = _LINE.fullmatch(html.unescape(match[1]))
        url = html.escape(at(int(line[1]) if line else None), quote=True)
        return _LINK.format(url=url)

    return replace(rendered, html=_OURS.sub(link, rendered.html))


def localized(rendered: Rendered, text: str) -> Rendered:
    """`rendered` with the text of each link to a withheld address `text` (the page's language's
    "e-mail on Gitee"), and without the attribute that marks the link as ours."""
    if _ATTRIBUTE not in rendered.html:
        return rendered
    shown = escape(text)

    def link(match: re.Match[str]) -> str:
        return f'<a class="sig-withheld" href="{match[1]}" rel="noopener">{shown}</a>'

    return replace(rendered, html=_OURS.sub(link, rendered.html))
