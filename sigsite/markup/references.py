"""Links from committed Markdown to the site's own pages and files, written before their address is known.

A note or README is rendered once, but shown on pages at different depths (a README on the hub's
English and Chinese pages). Where it links to a page or file the site publishes, the rendered
HTML holds a reference, `sigsite:<kind>/<group>/<value>#fragment`, and `resolve_references`
turns each into an address relative to the page that shows it. A reference that names nothing
the site publishes loses its address. Authors cannot write the scheme themselves: the link
checks refuse every scheme but http, https and mailto.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, unquote

SCHEME = "sigsite"
_REFERENCE = re.compile(r'\s(href|src)="' + SCHEME + r':([^"#]*)(#[^"]*)?"')
_SRCSET = re.compile(r'\ssrcset="(' + SCHEME + r':[^"]*)"')  # copies of an image (markup/document.py)


@dataclass(frozen=True)
class Target:
    """What a link of committed content leads to on the site."""

    kind: str  # "meeting", "file", "home", "members", "archive", "hub"
    group: str = ""  # the SIG's id on the hub; "" on a SIG's own site
    value: str = ""  # a meeting's slug, or a file's path below the group's folder
    fragment: str = ""  # "#user-content-..." (already in the content's namespace)

    def reference(self) -> str:
        """The reference written into the rendered HTML."""
        parts = "/".join(quote(part, safe="") for part in (self.kind, self.group, self.value))
        return f"{SCHEME}:{parts}{self.fragment}"


def parse_reference(body: str, fragment: str = "") -> Target | None:
    """The target of a reference's body (`kind/group/value`); None when it is not one of ours."""
    parts = body.split("/")
    if len(parts) != 3 or not parts[0]:
        return None
    kind, group, value = (unquote(part) for part in parts)
    return Target(kind, group, value, fragment)


AddressOf = Callable[[Target], str | None]  # a target -> its address relative to the page, or None


def resolve_references(markup: str, address: AddressOf) -> str:
    """`markup` with every reference replaced by its address; an unknown one loses the attribute,
    or its place in a `srcset`."""
    if f'="{SCHEME}:' not in markup:
        return markup

    def replace(match: re.Match[str]) -> str:
        fragment = html.unescape(match[3] or "")
        target = parse_reference(html.unescape(match[2]), fragment)
        url = address(target) if target is not None else None
        if url is None:
            return ""
        return f' {match[1]}="{html.escape(url + fragment, quote=True)}"'

    def each_candidate(match: re.Match[str]) -> str:
        candidates = []
        for candidate in html.unescape(match[1]).split(","):
            reference, _, descriptor = candidate.strip().partition(" ")
            body = reference.removeprefix(f"{SCHEME}:")
            target = parse_reference(body) if body != reference else None
            url = address(target) if target is not None else None
            if url is not None:
                candidates.append(f"{url} {descriptor.strip()}".strip())
        return f' srcset="{html.escape(", ".join(candidates), quote=True)}"' if candidates else ""

    return _REFERENCE.sub(replace, _SRCSET.sub(each_candidate, markup))


def replace_fragments(markup: str, fragment: Callable[[Target], str]) -> str:
    """`markup` with the fragment of every reference that has one replaced by `fragment(target)`
    ("" leads to the page itself)."""
    if f'="{SCHEME}:' not in markup:
        return markup

    def replace(match: re.Match[str]) -> str:
        target = parse_reference(html.unescape(match[2]), html.unescape(match[3] or ""))
        if target is None or not target.fragment:
            return match[0]
        settled = html.escape(fragment(target), quote=True)
        return f' {match[1]}="{SCHEME}:{match[2]}{settled}"'

    return _REFERENCE.sub(replace, markup)
