"""What the plugin generates in one language's build, as one typed record per page.

`on_files` creates a `LanguageBuild` and a `GeneratedPage` for each page it adds; the later
events read them by the page's source path: `on_page_content` puts in the committed content the
core rendered (a note, framed; a README) and our blocks around a page, and gives search the text
it is to read; `on_page_context` puts the whole page back once search has read it and points the
language switcher at the page's targets. `leftovers` names what an event never consumed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from mkdocs.structure.files import File

from sigsite.addresses import PageContext
from sigsite.markup.references import Address
from sigsite.model import Rendered
from sigsite.render.blocks import MeetingFrame


@dataclass
class GeneratedPage:
    """A page sigsite adds to one language's build, and what the later events do with it."""

    file: File
    switcher: dict[str, str]  # locale -> the site-relative address the language switcher leads to
    content: Rendered | None = None  # committed Markdown the core rendered: a note, a README
    address: Address | None = None  # where the content's references lead, from this page
    frame: MeetingFrame | None = None  # a meeting note's frame around its content
    before: str = ""  # our HTML above the content (after its first heading, if it has one)
    after: str = ""  # our HTML below the content: a year's list, an archive, a directory
    after_search: str | None = None  # fills the roster slot once search has read the page
    held_html: str | None = None  # the whole page, held while search reads its text alone


@dataclass
class LanguageBuild:
    """Everything sigsite generates for the build of one language."""

    language: str
    site: PageContext  # addresses of meetings, years, files and feeds, from the site's root
    language_roots: list[dict[str, str]]  # the head's hreflang links
    pages: dict[str, GeneratedPage] = field(default_factory=dict)  # by source path

    def add(self, page: GeneratedPage) -> None:
        """Record a generated page."""
        self.pages[page.file.src_uri] = page

    def page(self, src_uri: str) -> GeneratedPage | None:
        """The generated page of this source path; None for the site's own pages."""
        return self.pages.get(src_uri)

    def context_for(self, page_url: str, site: PageContext | None = None) -> PageContext:
        """The site's addresses (or those of one SIG of the hub) as seen from one page, in this language."""
        return replace(site or self.site, page_url=page_url)

    def files(self) -> list[File]:
        """The files of the generated pages."""
        return [page.file for page in self.pages.values()]

    def leftovers(self) -> list[str]:
        """Pages whose whole HTML was never put back: their visitors would see what search read."""
        return [src_uri for src_uri, page in self.pages.items() if page.held_html is not None]
