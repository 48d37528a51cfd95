"""One group's meetings, wherever the site puts them: at the root of a SIG's own site, or below
`sigs/<id>/` on the hub. A page per note (framed: date, recording, neighbours), a page per year,
and the files of its meetings folder; both sites plan a group's meetings through this module."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from sigsite.addresses import (
    ARCHIVE_PAGE,
    PageContext,
    SiteAddresses,
    attachment_file,
    meeting_page,
    year_page,
)
from sigsite.markup.references import AddressOf
from sigsite.model import Group, Meeting
from sigsite.plan.languages import BuildLanguages
from sigsite.plan.pages import PlannedFile, PlannedPage, planning
from sigsite.render.blocks import by_year, meeting_frame, render_year
from sigsite.render.pages import meeting_markdown, year_page_markdown

AddressFrom = Callable[[str], AddressOf]  # a page's URL -> where references lead from it


@dataclass(frozen=True)
class GroupMeetings:
    """One group's part of a site: the group, where its files are, and where its pages go."""

    group: Group
    meetings_folder: Path  # on disk
    display: str  # how messages name the meetings folder: "meetings", "sigs/dx/meetings"
    prefix: str = ""  # the site-relative folder of its pages: "" or "sigs/<id>/"
    archive_page: str = ARCHIVE_PAGE  # below the prefix
    calendar_file: str = ""  # below the prefix; empty when the group has none of its own
    feed_file: str = ""
    files: tuple[str, ...] = ()  # other files of the group the site publishes, below the prefix
    group_name: str = ""  # on a site of several groups, what a meeting's title names it by

    @cached_property
    def notes(self) -> list[Meeting]:
        """The meetings that have a page of their own, oldest first."""
        return [m for m in self.group.meetings if not m.is_external]

    @cached_property
    def years(self) -> dict[int, list[Meeting]]:
        """Every dated meeting by year, newest first."""
        return by_year(list(reversed(self.group.meetings)))

    def context(self, languages: BuildLanguages, site_url: str) -> PageContext:
        """The group's addresses in the language being built, from the site's root."""
        base = site_url or "/"
        return PageContext(
            page_url="",
            locale=languages.current,
            meeting_urls={
                m.slug: languages.url(languages.home_of(m.language), self.prefix + meeting_page(m.slug))
                for m in self.notes
            },
            attachment_urls={
                **{path: languages.url(languages.default, self.prefix + path) for path in self.files},
                **{
                    a.source: languages.url(languages.default, self.prefix + attachment_file(a.source))
                    for a in self.group.attachments
                },
            },
            archive_url=languages.url(languages.current, self.prefix + self.archive_page),
            year_urls={
                year: languages.url(languages.current, self.prefix + year_page(year))
                for year in sorted({m.date.year for m in self.group.meetings if m.date})
            },
            calendar_url=base + self.prefix + self.calendar_file if self.calendar_file else "",
            feed_url=base + self.prefix + self.feed_file if self.feed_file else "",
        )

    def addresses(self, context: PageContext, base: str, name: str, event_prefix: str = "") -> SiteAddresses:
        """The group's absolute addresses (`base` is the site's), for its calendar, feed and JSON."""
        return SiteAddresses(
            site_url=base + self.prefix,
            site_name=name,
            meeting_urls={slug: base + url for slug, url in context.meeting_urls.items()},
            attachment_urls={source: base + url for source, url in context.attachment_urls.items()},
            event_prefix=event_prefix,
        )

    def pages(
        self,
        languages: BuildLanguages,
        site: PageContext,
        addresses: AddressFrom | None = None,
        navigation: Callable[[str], str] | None = None,
    ) -> list[PlannedPage]:
        """This language's meeting pages and year pages, each with its frame or list; `addresses`
        gives where a page's references lead from its URL (the hub's lead to other groups too),
        else a note's own links lead to its group's pages and files; `navigation` is the HTML
        above a meeting's page that names its group (the hub's), from the page's URL."""
        return [
            *self._meeting_pages(languages, site, addresses, navigation),
            *self._year_pages(languages, site),
        ]

    def _meeting_pages(
        self,
        languages: BuildLanguages,
        site: PageContext,
        addresses: AddressFrom | None,
        navigation: Callable[[str], str] | None,
    ) -> list[PlannedPage]:
        archives = {code: languages.url(code, self.prefix + self.archive_page) for code in languages.built}
        notes, pages = self.notes, []
        for index, meeting in enumerate(notes):
            if languages.home_of(meeting.language) != languages.current:
                continue  # published once, by the build of its own language
            source = self.prefix + meeting_page(meeting.slug)
            here = replace(site, page_url=languages.url(languages.current, source))
            with planning(f"{self.display}/{meeting.source}"):
                frame = meeting_frame(
                    meeting,
                    notes[index - 1] if index else None,
                    notes[index + 1] if index + 1 < len(notes) else None,
                    here,
                )
            pages.append(
                PlannedPage(
                    # The switcher leads to the other languages' archives: a note exists in one language.
                    {**archives, languages.current: here.page_url},
                    src_uri=languages.prefix + source,
                    markdown=meeting_markdown(meeting, languages.current, self.group_name),
                    content=meeting.rendered,
                    address=addresses(here.page_url) if addresses else here.address_of,
                    frame=frame,
                    before=navigation(here.page_url) if navigation else "",
                )
            )
        return pages

    def _year_pages(self, languages: BuildLanguages, site: PageContext) -> list[PlannedPage]:
        """One page per year listing its meetings, in this language, so the archive stays short."""
        pages = []
        for year in site.year_urls:
            source = self.prefix + year_page(year)
            here = replace(site, page_url=languages.url(languages.current, source))
            pages.append(
                PlannedPage(
                    languages.switcher(source),
                    src_uri=languages.prefix + source,
                    markdown=year_page_markdown(year, languages.current),
                    after=render_year(self.years.get(year, []), year, here),
                )
            )
        return pages

    def attachments(self) -> list[PlannedFile]:
        """Slides and other files of the meetings folder: one copy per site, not per language."""
        return [
            PlannedFile(self.prefix + attachment_file(a.source), source=self.meetings_folder / a.source)
            for a in self.group.attachments
        ]
