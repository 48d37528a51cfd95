"""The `sigsite` MkDocs plugin: a SIG's own site, the plan for its one group at the site's root."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from sigsite.adapters.build_state import GeneratedPage
from sigsite.adapters.config import SigsiteConfig
from sigsite.adapters.site_plugin import Fingerprint, SitePlugin, stat_fingerprint
from sigsite.addresses import CALENDAR_FILE, FEED_FILE, PageContext
from sigsite.load import load_group
from sigsite.loader import Sources
from sigsite.meetings import NoteCache
from sigsite.model import Group
from sigsite.plan.files import sig_site_files
from sigsite.plan.pages import PlannedFile, PlannedPage
from sigsite.plan.section import GroupMeetings
from sigsite.problems import Problems
from sigsite.render.blocks import render_roster
from sigsite.render.not_found import SIG_SITE_PAGES


class SigsitePlugin(SitePlugin[SigsiteConfig]):
    """Reads sig_members.yaml, sig-info.yaml and meetings/; a page per meeting and per year."""

    not_found_pages = SIG_SITE_PAGES

    def __init__(self) -> None:
        super().__init__()
        self.group = Group()
        self.sources: Sources | None = None
        self._notes = NoteCache()  # under `mkdocs serve`, a save reads that note alone again
        self._section = GroupMeetings(Group(), Path("."), "meetings")

    def locate(self, config: MkDocsConfig) -> None:
        """The SIG's files, relative to mkdocs.yml."""
        self.sources = Sources(
            root=Path(config.config_file_path or ".").resolve().parent,
            members_file=self.config.members_file,
            sig_info_file=self.config.sig_info_file,
            meetings_dir=self.config.meetings_dir,
            timezone=self.config.timezone,
            public_emails=frozenset(address.lower() for address in self.config.public_emails),
            channels=tuple(self.config.channels),
        )

    def fingerprint(self) -> Fingerprint:
        assert self.sources is not None
        return stat_fingerprint(self.sources.data_files())

    def load(self) -> Problems:
        assert self.sources is not None
        loaded = load_group(self.sources, self._notes)
        (group,) = loaded.community.sigs
        self.group, problems = group, loaded.problems
        self._section = GroupMeetings(
            self.group,
            self.sources.path(self.config.meetings_dir),
            self.config.meetings_dir,
            archive_page=self.config.archive_page,
            calendar_file=CALENDAR_FILE,
            feed_file=FEED_FILE,
        )
        return problems

    def site_context(self, site_url: str) -> PageContext:
        """The SIG's meetings, years and files from the site's root, for the pages of docs/."""
        return self._section.context(self.languages, site_url)

    def plan_pages(self, site_url: str) -> list[PlannedPage]:
        return self._section.pages(self.languages, self.build.site)

    def plan_files(self, base: str, site_name: str) -> list[PlannedFile]:
        return sig_site_files(self._section, self.build.site, base, site_name, self.today())

    def slot_content(self, generated: GeneratedPage | None) -> str:
        """The members page's roster (a docs page that asked for it with the `roster()` macro)."""
        return render_roster(self.group, self.languages.current)

    def watched(self) -> list[Path]:
        """The members files and the meetings folder."""
        return self.sources.watched() if self.sources is not None else []
