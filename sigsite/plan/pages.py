"""What the plan is made of: a page of one language's build, and a file published once per site."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sigsite.markup.references import AddressOf
from sigsite.model import Heading, Rendered
from sigsite.render.blocks import MeetingFrame

# Where a page's late HTML goes (a roster, the people directory): the adapters fill the slot once
# Markdown and search have read the page, which would otherwise parse half a megabyte of finished HTML
# for a SIG of a thousand people. Committed content can never write it: the sanitizer drops the
# attribute.
LATE_SLOT = "<div data-sigsite-late></div>"


@dataclass(frozen=True)
class SearchSection:
    """A section of a stamped page as search finds it: the id of its heading, its title and text (HTML)."""

    anchor: str
    title: str
    text: str


@dataclass(frozen=True)
class Stamp:
    """How a page is made from a shell the theme rendered (plan/stamps.py): the shell's source path,
    each marker with this page's value, and the title and text search finds the page by (HTML); a
    page with headings, its table of contents and a search entry for each of its sections."""

    shell: str
    values: dict[str, str]
    title: str
    search_text: str
    markdown: str  # the page's own Markdown (its front matter), should MkDocs render it after all
    toc: tuple[Heading, ...] = ()
    sections: tuple[SearchSection, ...] = ()


@dataclass(frozen=True)
class PlannedPage:
    """A page the build publishes: one we generate (`src_uri`, `markdown`), or one of docs/ that the
    plan adds to (`docs_url`); the content and blocks it gets, and where its switcher leads."""

    switcher: dict[str, str]  # language -> the site-relative address of this page in it
    src_uri: str = ""  # a generated page's source path, the language's folder included
    markdown: str = ""  # its Markdown: our front matter, and what little else it says
    docs_url: str | None = None  # instead: the URL of the docs/ page this one adds to
    content: Rendered | None = None  # committed Markdown the core rendered: a note, a README
    address: AddressOf | None = None  # where the content's references lead, from this page
    frame: MeetingFrame | None = None  # a meeting note's frame
    before: str = ""  # our HTML above the content (after its first heading, if it has one)
    after: str = ""  # our HTML below the content: a year's list, an archive, a directory
    after_search: str | None = None  # what fills the page's LATE_SLOT once search has read it
    # A page outside the navigation that belongs to one of its tabs (a group's pages on the hub: the
    # directory's): the site-relative URL of that tab's page, shown as the page's tab.
    tab: str | None = None
    # A page not rendered by MkDocs: its `after` is put in the finished HTML of a shell (plan/stamps.py).
    stamp: Stamp | None = None


@dataclass(frozen=True)
class PlannedFile:
    """A file the site publishes once, whatever the language: made (`content`) or copied (`source`)."""

    path: str
    content: bytes | str | None = None
    source: Path | None = None


class PlanError(Exception):
    """Planning the pages of one file failed: a bug that odd input met. The build names the file."""

    def __init__(self, what: str, cause: Exception) -> None:
        super().__init__(f"{what} ({type(cause).__name__}: {cause})")
        self.what = what


@contextmanager
def planning(what: str) -> Iterator[None]:
    """Name `what` (a file) in any failure while its pages are planned."""
    try:
        yield
    except PlanError:
        raise
    except Exception as exc:
        raise PlanError(what, exc) from exc
