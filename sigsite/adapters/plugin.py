"""The `sigsite` MkDocs plugin: loads the SIG once per build and publishes its meetings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urljoin
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from sigsite.adapters.build_state import GeneratedPage, LanguageBuild
from sigsite.adapters.config import SigsiteConfig
from sigsite.adapters.emit import add_file, add_site_assets, refuse_shared_addresses
from sigsite.adapters.generating import GeneratingPlugin, rendering, report_problems
from sigsite.adapters.sig_pages import SigSection
from sigsite.adapters.theme_hooks import alternate_links, languages_of, list_in_sitemap
from sigsite.addresses import (
    CALENDAR_FILE,
    FEED_FILE,
    MEETINGS_JSON,
    MEMBERS_JSON,
    SiteAddresses,
    schema_file,
)
from sigsite.build_date import build_date
from sigsite.loader import Sources, load_sig
from sigsite.meetings import NoteCache
from sigsite.model import SigData
from sigsite.outputs.api import meetings_json, members_json
from sigsite.outputs.atom import meetings_feed
from sigsite.outputs.calendar import meetings_calendar
from sigsite.render.blocks import render_roster
from sigsite.schema_check import SCHEMA_FILES, schema_text

Fingerprint = tuple[tuple[str, int, int], ...]


class SigsitePlugin(GeneratingPlugin[SigsiteConfig]):
    """Reads sig_members.yaml, sig-info.yaml and meetings/; adds one page per meeting."""

    def __init__(self) -> None:
        super().__init__()
        self.data = SigData()
        self.sources: Sources | None = None
        self.zone = ZoneInfo("UTC")
        self._fingerprint: Fingerprint = ()
        self._notes = NoteCache()  # under `mkdocs serve`, a save reads that note alone again
        self._section = SigSection(SigData(), Path("."), "meetings")

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Load and validate the SIG's files; errors stop the build, warnings are logged.

        mkdocs-static-i18n runs the whole build again for each language: the data is read
        again only when a file changed.
        """
        if not self.config.enabled:
            return None
        try:
            self.zone = ZoneInfo(self.config.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise PluginError(f"sigsite: unknown timezone '{self.config.timezone}' in mkdocs.yml") from exc
        self.sources = Sources(
            root=Path(config.config_file_path or ".").resolve().parent,
            members_file=self.config.members_file,
            sig_info_file=self.config.sig_info_file,
            meetings_dir=self.config.meetings_dir,
            timezone=self.config.timezone,
            public_emails=frozenset(address.lower() for address in self.config.public_emails),
        )
        fingerprint = _fingerprint(self.sources)
        if fingerprint != self._fingerprint or not fingerprint:
            self.data, problems = load_sig(self.sources, self._notes)
            self._section = SigSection(
                self.data,
                self.sources.path(self.config.meetings_dir),
                self.config.meetings_dir,
                archive_page=self.config.archive_page,
                calendar_file=CALENDAR_FILE,
                feed_file=FEED_FILE,
            )
            report_problems(problems)
            self._fingerprint = fingerprint
        return None

    # After mkdocs-static-i18n (-100) has chosen this language's pages: generated pages are ours.
    @event_priority(-110)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Add this language's meeting pages; the default language also gets files and feeds."""
        if not self.config.enabled or self.sources is None:
            return None
        self.languages = languages_of(config)
        # hreflang wants full addresses; the roots are absolute paths on the site's host.
        language_roots = [
            {"lang": entry.get("lang", ""), "href": urljoin(config.site_url or "", entry.get("link", ""))}
            for entry in alternate_links(config)
        ]
        site = self._section.context(config, self.languages)
        self.build = LanguageBuild(self.languages.current, site, language_roots)
        self._section.add_pages(files, config, self.languages, self.build, site)
        list_in_sitemap(config, self.languages.current, self.build.files())
        if self.languages.is_default_build:
            self._section.add_attachments(files, config)
            add_site_assets(files, config)
            self._add_site_files(files, config)
        refuse_shared_addresses(files)
        return files

    def _add_site_files(self, files: Files, config: MkDocsConfig) -> None:
        """Schemas, calendar, feed and JSON: one copy per site, not per language."""
        for name, file_name in SCHEMA_FILES.items():
            add_file(files, File.generated(config, schema_file(file_name), content=schema_text(name)))
        base = config.site_url or "/"
        site = SiteAddresses(
            site_url=base,
            site_name=config.site_name,
            meeting_urls={slug: base + url for slug, url in self.build.site.meeting_urls.items()},
            attachment_urls={name: base + url for name, url in self.build.site.attachment_urls.items()},
        )
        with rendering(f"{CALENDAR_FILE}, {FEED_FILE} or the JSON files"):
            outputs = {
                CALENDAR_FILE: meetings_calendar(self.data, site, self.today()),
                FEED_FILE: meetings_feed(self.data, site, base + self.build.site.archive_url),
                MEMBERS_JSON: members_json(self.data),
                MEETINGS_JSON: meetings_json(self.data, site),
            }
        for name, content in outputs.items():
            add_file(files, File.generated(config, name, content=content))

    def today(self) -> date:
        """The build's idea of today, in the SIG's zone."""
        return build_date(self.zone)

    def slot_content(self, generated: GeneratedPage | None) -> str:
        """The members page's roster (a docs page that asked for it with the `roster()` macro)."""
        return render_roster(self.data, self.languages.current)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer | None:
        """Rebuild when the members files or a meeting note change."""
        if self.config.enabled and self.sources is not None:
            for path in self.sources.watched():
                if path.exists():
                    server.watch(str(path))
        return server


def _fingerprint(sources: Sources) -> Fingerprint:
    """Names, sizes and modification times of the SIG's files: equal means unchanged."""
    stats = []
    for path in sources.data_files():
        stat = path.stat()
        stats.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(stats)
