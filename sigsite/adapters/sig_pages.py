"""The pages and files of one SIG, wherever the site puts them: at the root of a SIG's own site, or
under `sigs/<id>/` of the community hub. Both plugins add a SIG's meetings through this module."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from sigsite.adapters.build_state import GeneratedPage, LanguageBuild
from sigsite.adapters.emit import add_file
from sigsite.adapters.generating import rendering
from sigsite.adapters.theme_hooks import Languages
from sigsite.addresses import ARCHIVE_PAGE, PageContext, attachment_file, meeting_page, year_page
from sigsite.model import Meeting, SigData
from sigsite.render.blocks import by_year, meeting_frame, render_year
from sigsite.render.pages import meeting_markdown, year_page_markdown


class _Target(NamedTuple):
    """Where a language's pages go: its files, config, languages, build state and addresses."""

    files: Files
    config: MkDocsConfig
    languages: Languages
    build: LanguageBuild
    site: PageContext


@dataclass(frozen=True)
class SigSection:
    """One SIG's part of a site: its data, where its files are, and where its pages go."""

    data: SigData
    meetings_folder: Path  # on disk
    display: str  # how messages name the meetings folder: "meetings", "sigs/dx/meetings"
    prefix: str = ""  # the site-relative folder of its pages: "" or "sigs/<id>/"
    archive_page: str = ARCHIVE_PAGE  # below the prefix
    calendar_file: str = ""  # below the prefix; empty when the site has none per SIG
    feed_file: str = ""

    @cached_property
    def notes(self) -> list[Meeting]:
        """The meetings that have a page of their own, oldest first."""
        return [m for m in self.data.meetings if not m.is_external]

    @cached_property
    def years(self) -> dict[int, list[Meeting]]:
        """Every dated meeting by year, newest first."""
        return by_year(list(reversed(self.data.meetings)))

    def context(self, config: MkDocsConfig, languages: Languages) -> PageContext:
        """The section's addresses in the language being built, from the site's root."""
        base = config.site_url or "/"
        return PageContext(
            page_url="",
            locale=languages.current,
            meeting_urls={
                m.slug: languages.url(
                    config, languages.home_of(m.language), self.prefix + meeting_page(m.slug)
                )
                for m in self.notes
            },
            attachment_urls={
                a.source: languages.url(config, languages.default, self.prefix + attachment_file(a.source))
                for a in self.data.attachments
            },
            archive_url=languages.url(config, languages.current, self.prefix + self.archive_page),
            year_urls={
                year: languages.url(config, languages.current, self.prefix + year_page(year))
                for year in sorted({m.date.year for m in self.data.meetings if m.date})
            },
            calendar_url=base + self.prefix + self.calendar_file if self.calendar_file else "",
            feed_url=base + self.prefix + self.feed_file if self.feed_file else "",
        )

    def add_pages(
        self,
        files: Files,
        config: MkDocsConfig,
        languages: Languages,
        build: LanguageBuild,
        site: PageContext,
    ) -> None:
        """Add this language's meeting pages and year pages, each with its frame or list."""
        target = _Target(files, config, languages, build, site)
        self._add_meeting_pages(target)
        self._add_year_pages(target)

    def _add_meeting_pages(self, target: _Target) -> None:
        files, config, languages, build, site = target
        archives = {
            locale: languages.url(config, locale, self.prefix + self.archive_page)
            for locale in languages.built
        }
        notes = self.notes
        for index, meeting in enumerate(notes):
            if languages.home_of(meeting.language) != languages.current:
                continue  # published once, by the build of its own language
            src_uri = languages.prefixes.get(languages.current, "") + self.prefix + meeting_page(meeting.slug)
            page = File.generated(
                config,
                src_uri,
                content=meeting_markdown(meeting, languages.current),
                inclusion=InclusionLevel.NOT_IN_NAV,
            )
            add_file(files, page)
            # Rendered here, in one go, rather than page by page amid the theme's work: faster.
            here = build.context_for(page.url, site)
            with rendering(f"{self.display}/{meeting.source}"):
                frame = meeting_frame(
                    meeting,
                    notes[index - 1] if index else None,
                    notes[index + 1] if index + 1 < len(notes) else None,
                    here,
                )
            # The switcher leads to the other languages' archives: a note exists in one language.
            build.add(
                GeneratedPage(
                    page,
                    {**archives, languages.current: page.url},
                    content=meeting.rendered,
                    address=here.address_of,
                    frame=frame,
                )
            )

    def _add_year_pages(self, target: _Target) -> None:
        """One page per year listing its meetings, in this language, so the archive stays short."""
        files, config, languages, build, site = target
        prefix = languages.prefixes.get(languages.current, "")
        for year in site.year_urls:
            source = self.prefix + year_page(year)
            content = year_page_markdown(year, languages.current)
            page = File.generated(
                config, prefix + source, content=content, inclusion=InclusionLevel.NOT_IN_NAV
            )
            add_file(files, page)
            switcher = {locale: languages.url(config, locale, source) for locale in languages.built}
            year_list = render_year(self.years.get(year, []), year, build.context_for(page.url, site))
            build.add(GeneratedPage(page, switcher, after=year_list))

    def add_attachments(self, files: Files, config: MkDocsConfig) -> None:
        """Slides and other files of the meetings folder: one copy per site, not per language."""
        for attachment in self.data.attachments:
            src_uri = self.prefix + attachment_file(attachment.source)
            add_file(
                files,
                File.generated(config, src_uri, abs_src_path=str(self.meetings_folder / attachment.source)),
            )
