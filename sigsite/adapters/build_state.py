"""What the plugin generates in one language's build: each planned page with the MkDocs file it is.

`on_files` emits the plan (emit.py) into a `LanguageBuild`: a `GeneratedPage` for each page, by
its source path. The later events read them: `on_page_content` puts in the committed content the
core rendered (a note, framed; a README) and the blocks around a page, and gives search the text
it is to read; `on_page_context` puts the whole page back once search has read it and points the
language switcher at the page's targets. `leftovers` names what an event never consumed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from mkdocs.structure.files import File

from sigsite.addresses import PageContext
from sigsite.plan.pages import PlannedPage


@dataclass
class GeneratedPage:
    """A page of one language's build: the MkDocs file, what the plan says of it, what is held."""

    file: File
    plan: PlannedPage
    held_html: str | None = None  # the whole page, held while search reads its text alone


@dataclass
class LanguageBuild:
    """Everything sigsite generates for the build of one language."""

    language: str
    site: PageContext  # addresses of meetings, years, files and feeds, from the site's root
    pages: dict[str, GeneratedPage] = field(default_factory=dict)  # by source path
    # The pages stamped on each shell (plan/stamps.py), by the shell's source path.
    stamped: dict[str, list[GeneratedPage]] = field(default_factory=dict)

    def add(self, page: GeneratedPage) -> None:
        """Record a generated page."""
        self.pages[page.file.src_uri] = page
        if page.plan.stamp is not None:
            self.stamped.setdefault(page.plan.stamp.shell, []).append(page)

    def page(self, src_uri: str) -> GeneratedPage | None:
        """The generated page of this source path; None for the site's own pages."""
        return self.pages.get(src_uri)

    def context_for(self, page_url: str, site: PageContext | None = None) -> PageContext:
        """The site's addresses (or those of one group of the hub) as seen from one page, in this language."""
        return replace(site or self.site, page_url=page_url)

    def generated_files(self) -> list[File]:
        """The files of the pages sigsite made (not the pages of docs/ it added to), stamped pages
        in their shells' place: a shell is no page of the site."""
        return [
            page.file
            for page in self.pages.values()
            if page.file.generated_by and page.file.src_uri not in self.stamped
        ]

    def stamped_files(self) -> list[File]:
        """The files of the pages written from a shell's HTML, which MkDocs never sees."""
        return [page.file for pages in self.stamped.values() for page in pages]

    def leftovers(self) -> list[str]:
        """Pages whose whole HTML was never put back: their visitors would see what search read."""
        return [src_uri for src_uri, page in self.pages.items() if page.held_html is not None]
