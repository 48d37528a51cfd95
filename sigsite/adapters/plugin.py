"""The `sigsite` MkDocs plugin: loads the SIG once per build and publishes its meetings."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from sigsite.adapters.config import SigsiteConfig
from sigsite.build_date import build_date
from sigsite.loader import Sources, load_sig
from sigsite.model import Meeting, SigData
from sigsite.outputs import SiteAddresses
from sigsite.outputs.api import MEETINGS_JSON, MEMBERS_JSON, meetings_json, members_json
from sigsite.outputs.atom import FEED_FILE, meetings_feed
from sigsite.outputs.calendar import CALENDAR_FILE, meetings_calendar
from sigsite.problems import Problems
from sigsite.render import PageLinks, meeting_markdown, render_meeting_footer, render_meeting_header
from sigsite.sanitize import sanitize_html
from sigsite.schema_check import SCHEMA_FILES, schema_text

log = logging.getLogger("mkdocs.plugins.sigsite")


class SigsitePlugin(BasePlugin[SigsiteConfig]):
    """Reads sig_members.yaml, sig-info.yaml and meetings/; adds one page per meeting."""

    def __init__(self) -> None:
        self.data = SigData(name="", description="")
        self.sources: Sources | None = None
        self.zone = ZoneInfo("UTC")
        self._meeting_pages: dict[str, Meeting] = {}  # src_uri -> meeting
        self._site_links = PageLinks(page_url="")  # URLs of meetings and files, from the root
        self._neighbours: dict[str, tuple[Meeting | None, Meeting | None]] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Load and validate the SIG's files; errors stop the build, warnings are logged."""
        if not self.config.enabled:
            return None
        try:
            self.zone = ZoneInfo(self.config.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise PluginError(f"sigsite: unknown timezone '{self.config.timezone}' in mkdocs.yml") from exc
        root = Path(config.config_file_path or ".").resolve().parent
        self.sources = Sources(
            root=root,
            members_file=self.config.members_file,
            sig_info_file=self.config.sig_info_file,
            meetings_dir=self.config.meetings_dir,
            timezone=self.config.timezone,
        )
        self.data, problems = load_sig(self.sources)
        _report(problems)
        return None

    # Run after other plugins have listed the docs, so a clash with a hand-written page shows.
    @event_priority(-50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Add a page per meeting note, the files of meetings/, the feeds and the schemas."""
        if not self.config.enabled or self.sources is None:
            return None
        self._add_meeting_pages(files, config)
        folder = self.sources.path(self.config.meetings_dir)
        for attachment in self.data.attachments:
            src_uri = f"meetings/{attachment.source}"
            _refuse_clash(files, src_uri)
            files.append(File.generated(config, src_uri, abs_src_path=str(folder / attachment.source)))
        for name, schema_file in SCHEMA_FILES.items():
            files.append(File.generated(config, f"schemas/{schema_file}", content=schema_text(name)))
        urls = {file.src_uri: file.url for file in files}
        base = config.site_url or "/"
        self._site_links = PageLinks(
            page_url="",
            meeting_urls={m.slug: urls[uri] for uri, m in self._meeting_pages.items()},
            attachment_urls={a.source: urls[f"meetings/{a.source}"] for a in self.data.attachments},
            archive_url=urls.get(self.config.archive_page, "meetings/"),
            calendar_url=base + CALENDAR_FILE,
            feed_url=base + FEED_FILE,
        )
        site = SiteAddresses(
            site_url=base,
            site_name=config.site_name,
            meeting_urls={slug: base + url for slug, url in self._site_links.meeting_urls.items()},
            attachment_urls={name: base + url for name, url in self._site_links.attachment_urls.items()},
        )
        outputs = {
            CALENDAR_FILE: meetings_calendar(self.data, site),
            FEED_FILE: meetings_feed(self.data, site, base + self._site_links.archive_url),
            MEMBERS_JSON: members_json(self.data),
            MEETINGS_JSON: meetings_json(self.data, site),
        }
        for name, content in outputs.items():
            _refuse_clash(files, name)
            files.append(File.generated(config, name, content=content))
        return files

    def _add_meeting_pages(self, files: Files, config: MkDocsConfig) -> None:
        self._meeting_pages, self._neighbours = {}, {}
        notes = [m for m in self.data.meetings if not m.is_external]
        for index, meeting in enumerate(notes):
            src_uri = f"meetings/{meeting.slug}.md"
            _refuse_clash(files, src_uri)
            page = File.generated(
                config, src_uri, content=meeting_markdown(meeting), inclusion=InclusionLevel.NOT_IN_NAV
            )
            files.append(page)
            self._meeting_pages[src_uri] = meeting
            self._neighbours[src_uri] = (
                notes[index - 1] if index else None,
                notes[index + 1] if index + 1 < len(notes) else None,
            )

    def links_for(self, page_url: str) -> PageLinks:
        """Addresses of meetings, files and the archive, relative to one page."""
        return replace(self._site_links, page_url=page_url)

    def today(self) -> date:
        """The build's idea of today, in the SIG's zone."""
        return build_date(self.zone)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Sanitize a meeting note's HTML and frame it with its date and neighbours."""
        if not self.config.enabled:
            return None
        meeting = self._meeting_pages.get(page.file.src_uri)
        if meeting is None:
            return None
        links = self.links_for(page.url)
        previous, following = self._neighbours[page.file.src_uri]
        return (
            render_meeting_header(meeting, links)
            + sanitize_html(html)
            + render_meeting_footer(meeting, previous, following, links)
        )

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer | None:
        """Rebuild when the members files or a meeting note change."""
        if self.config.enabled and self.sources is not None:
            for path in self.sources.watched():
                if path.exists():
                    server.watch(str(path))
        return server


def _refuse_clash(files: Files, src_uri: str) -> None:
    if files.get_file_from_path(src_uri) is not None:
        raise PluginError(
            f"sigsite: docs/{src_uri} has the address of a file that sigsite generates; "
            "rename or remove the file in docs/"
        )


def _report(problems: Problems) -> None:
    for problem in problems.sorted():
        if problem.severity.value == "warning":
            # Real SIG data has harmless quirks: show them without failing --strict.
            log.info("data warning: %s", problem.format())
    errors = [p.format() for p in problems.sorted() if p.severity.value == "error"]
    if errors:
        raise PluginError(
            f"sigsite: {len(errors)} problem(s) in the SIG's files must be fixed:\n  " + "\n  ".join(errors)
        )
