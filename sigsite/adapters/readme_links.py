"""Rewrite a README's relative links while Markdown renders it on the hub (hub/links.py decides),
and move its headings one level down: the page's title is the SIG's name, the README's `#` a section.

This relies on MkDocs' own link treeprocessor (`relpath`, priority 0, mkdocs/structure/pages.py),
which checks every relative link of a page against the docs files and warns about the rest. A
README links to files that are no pages (`./sig_members.yaml`) and to pages of another language's
build: so before it (priority 1) each link of an `<a>` or `<img>` is resolved and the final
address parked in an attribute of ours, leaving MkDocs an empty one, which it skips; after it
(priority -1) the address is put back. Links in raw HTML, which MkDocs never reads, are rewritten
before Python-Markdown puts the raw HTML back (priority 31, above its `raw_html` at 30).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from html import escape, unescape

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

PARKED = "data-sigsite-link"
ADDRESS_OF = {"a": "href", "img": "src"}
HEADINGS = frozenset(f"h{level}" for level in range(1, 6))
_RAW_ADDRESS = re.compile(r"""(\b(?:href|src)\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)

Resolve = Callable[[str], str | None]  # a link as written -> the hub's address, None to leave it


class ReadmeLinksExtension(Extension):
    """Resolves links with `resolve`, and demotes headings, on the pages `is_readme` says are READMEs."""

    def __init__(self, resolve: Resolve, is_readme: Callable[[], bool]) -> None:
        super().__init__()
        self.resolve = resolve
        self.is_readme = is_readme

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the three steps around MkDocs' `relpath`, and the headings' demotion."""
        md.treeprocessors.register(_Demote(md, self.is_readme), "sigsite_demote_headings", 2)
        md.treeprocessors.register(_Park(md, self.resolve), "sigsite_park_links", 1)
        md.treeprocessors.register(_Restore(md), "sigsite_restore_links", -1)
        md.postprocessors.register(_RawHtmlLinks(md, self.resolve), "sigsite_raw_html_links", 31)


class _Demote(Treeprocessor):
    """h1 becomes h2, ..., h5 becomes h6 (h6 stays): Material then shows the page's title as its h1."""

    def __init__(self, md: Markdown, is_readme: Callable[[], bool]) -> None:
        super().__init__(md)
        self.is_readme = is_readme

    def run(self, root: etree.Element) -> None:
        if not self.is_readme():
            return
        for element in root.iter():
            if element.tag in HEADINGS:
                element.tag = f"h{min(int(str(element.tag)[1]) + 1, 6)}"


class _Park(Treeprocessor):
    def __init__(self, md: Markdown, resolve: Resolve) -> None:
        super().__init__(md)
        self.resolve = resolve

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            element.attrib.pop(PARKED, None)  # an author's own (attr_list) never becomes an address
            attribute = ADDRESS_OF.get(str(element.tag))
            value = element.get(attribute) if attribute else None
            if attribute is None or value is None:
                continue
            resolved = self.resolve(value)
            if resolved is not None:
                element.set(PARKED, resolved)
                element.set(attribute, "")


class _Restore(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            parked = element.attrib.pop(PARKED, None)
            attribute = ADDRESS_OF.get(str(element.tag))
            if parked is not None and attribute is not None:
                element.set(attribute, parked)


class _RawHtmlLinks(Postprocessor):
    def __init__(self, md: Markdown, resolve: Resolve) -> None:
        super().__init__(md)
        self.resolve = resolve

    def run(self, text: str) -> str:
        stash = self.md.htmlStash
        stash.rawHtmlBlocks = [
            _RAW_ADDRESS.sub(self._rewrite, block) if isinstance(block, str) else block
            for block in stash.rawHtmlBlocks
        ]
        return text

    def _rewrite(self, match: re.Match[str]) -> str:
        value = unescape(next(v for v in match.groups()[1:] if v is not None))
        resolved = self.resolve(value)
        return match[0] if resolved is None else f'{match[1]}"{escape(resolved, quote=True)}"'
