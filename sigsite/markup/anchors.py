"""Which heading a link's fragment names, found the way authors write fragments.

The forge gives each heading an id (commonmark.forge_slug: `1. Overview` -> `1-overview`, a
second `Overview` -> `overview-1`) and its tables of contents link to it. Typora and VS Code
write the heading's text instead: `#1.%20Overview`, or `<#1. Overview>`. A fragment, decoded,
names the first element of the file that matches it, tried in this order:
1. its id as written (`#overview-1`; `#user-content-overview`, copied from a rendered page);
2. the id the forge gives a heading of that text (`#1.%20Overview`, `#Overview`);
3. a heading's text without case, spaces or punctuation (`#1.Overview`, `#１．OVERVIEW`).
Where several headings match, the first in the file wins, as a browser takes the first element
with an id. Each file's index is built once from its tokens: finding a fragment costs its length.

A link to a heading of another file is written as a reference with the fragment as the author
wrote it (`pending_fragment`) and kept as an `Outbound` link of the file, settled once every
file is rendered (markup/outbound.py).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import quote, unquote

from markdown_it.token import Token

from sigsite.markup.commonmark import forge_slug, heading_text
from sigsite.markup.references import Target
from sigsite.problems import Problems
from sigsite.sanitize import content_id, sanitize_html

MAX_REPORTED = 20  # unknown fragments reported one by one per file; one line says there are more
_SHOWN_LENGTH = 80  # of a fragment in a warning
_SANITIZED_ID = re.compile(r'\sid="([^"]*)"')  # as the sanitizer writes every kept id


def text_key(text: str) -> str:
    """A heading's text or a fragment as a key: compatibility forms folded (full-width letters and
    punctuation), no case, only letters, marks and digits (`1. The Logic` -> `1thelogic`)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(char for char in folded if unicodedata.category(char)[0] in "LMN")


@dataclass(frozen=True)
class Anchors:
    """The elements of a rendered file that a fragment can name, in document order: each id (in
    the content's namespace, `user-content-…`) with its heading's text ("" for raw HTML's)."""

    places: tuple[tuple[str, str], ...] = ()

    @cached_property
    def _ids(self) -> frozenset[str]:
        return frozenset(ident for ident, _ in self.places)

    @cached_property
    def _by_text(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for ident, text in self.places:
            key = text_key(text)
            if key:
                index.setdefault(key, ident)  # the first heading of that text
        return index

    def find(self, fragment: str) -> str | None:
        """The id (`user-content-…`) a decoded fragment names, or None when it names nothing."""
        fragment = fragment.strip()
        if not fragment:
            return None
        for candidate in (content_id(fragment), content_id(forge_slug(fragment))):
            if candidate in self._ids:
                return candidate
        key = text_key(fragment)
        return self._by_text.get(key) if key else None


def anchors_of(tokens: list[Token]) -> Anchors:
    """The headings of parsed Markdown (their ids set by the parser) and the ids its raw HTML
    keeps once sanitized, in document order."""
    places: list[tuple[str, str]] = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            places.append((content_id(str(token.attrs["id"])), heading_text(tokens[index + 1])))
        elif token.type == "html_block":
            places += ((ident, "") for ident in _raw_ids(token.content))
        for child in token.children or []:
            if child.type == "html_inline":
                places += ((ident, "") for ident in _raw_ids(child.content))
    return Anchors(tuple(places))


def _raw_ids(markup: str) -> list[str]:
    """The ids that raw HTML keeps on the page: those of the elements the sanitizer keeps."""
    if "id" not in markup.lower():
        return []
    return [html.unescape(value) for value in _SANITIZED_ID.findall(sanitize_html(markup))]


def pending_fragment(fragment: str) -> str:
    """A reference's fragment while it names a heading of another file by what its author wrote
    (decoded): percent-encoded, so it is safe in an attribute until it is settled."""
    return "#" + quote(fragment, safe="") if fragment else ""


@dataclass(frozen=True)
class Outbound:
    """A link of a file to a heading of another file, to settle once every file is rendered."""

    target: Target  # its fragment as pending_fragment writes it
    path: str  # the path as written, for a warning
    line: int | None

    @property
    def fragment(self) -> str:
        """The fragment as the author wrote it, decoded."""
        return unquote(self.target.fragment.removeprefix("#"))


def _shown(fragment: str) -> str:
    return fragment if len(fragment) <= _SHOWN_LENGTH else fragment[: _SHOWN_LENGTH - 1] + "…"


@dataclass
class UnknownFragments:
    """Reports a file's links whose fragment names no heading: the first MAX_REPORTED one by one
    with their line, then once that there are more."""

    display: str
    problems: Problems
    count: int = field(default=0)

    def report(self, fragment: str, line: int | None, path: str = "") -> None:
        """One link to `path#fragment` (`#fragment` in the file itself when `path` is "")."""
        self.count += 1
        if self.count > MAX_REPORTED + 1:
            return
        if self.count == MAX_REPORTED + 1:
            self.problems.warning(
                self.display,
                line,
                f"more links name no heading than the {MAX_REPORTED} reported; they are not listed",
                "run the check again once those are fixed",
            )
            return
        outcome = (
            "names no heading that the page shows of this file; it is shown as text"
            if not path
            else "names no heading that the page it leads to shows; it leads to the top of that page"
        )
        self.problems.warning(
            self.display,
            line,
            f"the link to '{_shown(path)}#{_shown(fragment)}' {outcome}",
            "link to a heading by its text or by the id the forge gives it, such as #1-overview; "
            "or remove the fragment",
        )


# An in-page link's fragment (decoded) that names no heading of the text, and its line: where the
# link leads instead (an address), or None to show its text alone. The callback reports it.
Unknown = Callable[[str, int | None], str | None]
_Resolve = Callable[[str, str, int | None], Target | str | None]  # document.Resolve


@dataclass
class FileLinks:
    """The links of one file while it is rendered: in-page ones lead to its headings; those that
    `resolve` leads to a heading of another file are kept as `outbound`, to settle later."""

    anchors: Anchors
    resolver: _Resolve
    unknown: Unknown
    outbound: list[Outbound] = field(default_factory=list)

    def in_page(self, written: str, line: int | None) -> str | None:
        """The address of an in-page link (`#…`, percent-encoded as the parser writes it): the
        heading its fragment names, else what `unknown` gives. A bare `#` stays as written."""
        fragment = unquote(written[1:])
        if not fragment:
            return written
        found = self.anchors.find(fragment)
        return "#" + found if found is not None else self.unknown(fragment, line)

    def resolve(self, path: str, fragment: str, line: int | None) -> Target | str | None:
        """What `resolver` gives for a relative link; a target with a fragment is kept as outbound."""
        found = self.resolver(path, fragment, line)
        if isinstance(found, Target) and found.fragment:
            self.outbound.append(Outbound(found, path, line))
        return found
