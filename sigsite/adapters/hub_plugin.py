"""The `sigsite-hub` MkDocs plugin: one site for every SIG folder of a community repository.

`hub/mkdocs.yml` names the checkout with SIGSITE_COMMUNITY. Each SIG folder gets a section at
`sigs/<id>/`: its README as its home page (rendered and sanitized by the core like a note, every
relative link resolved by hub/links.py), its roster, its meeting archive and one page per note,
exactly as the SIG's own site has them (SigSection). The hub's own pages (docs/index.md, docs/people.md) get
the community's introduction, the directory of SIGs and the people of every SIG. This module
loads and publishes; hub_pages.py assembles each language's pages.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
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

from sigsite.adapters.build_state import LanguageBuild
from sigsite.adapters.config import COMMUNITY_VARIABLE, HubConfig
from sigsite.adapters.emit import add_file, add_site_assets, refuse_shared_addresses
from sigsite.adapters.generating import GeneratingPlugin, rendering, report_problems
from sigsite.adapters.hub_pages import HubPages
from sigsite.adapters.sig_pages import SigSection
from sigsite.adapters.theme_hooks import alternate_links, languages_of, list_in_sitemap
from sigsite.addresses import PageContext, SiteAddresses, schema_file
from sigsite.build_date import build_date
from sigsite.hub.loader import load_community
from sigsite.hub.model import Community, HubSig
from sigsite.hub.people import CommunityPerson, community_people
from sigsite.meetings import NoteCache
from sigsite.outputs.atom import feed_of
from sigsite.outputs.calendar import calendar_of
from sigsite.outputs.hub_api import hub_meetings_json, people_json, sigs_json
from sigsite.problems import printable
from sigsite.schema_check import HUB_SCHEMA_FILES, SCHEMA_FILES, schema_text
from sigsite.settings import MEETINGS_DIR, SIGS_DIR

CALENDAR = "calendar.ics"
FEED = "feed.xml"
SIGS_JSON = "sigs.json"
PEOPLE_JSON = "people.json"
MEETINGS_JSON = "meetings.json"

Fingerprint = tuple[tuple[str, int, int], ...]


class HubPlugin(GeneratingPlugin[HubConfig]):
    """Reads every `sigs/<folder>/` of a community checkout; adds each SIG's section and the directory."""

    def __init__(self) -> None:
        super().__init__()
        self.community = Community()
        self.people: tuple[CommunityPerson, ...] = ()
        self.zone = ZoneInfo("UTC")
        self._root: Path | None = None
        self._fingerprint: Fingerprint = ()
        self._caches: dict[str, NoteCache] = {}  # by folder: a save re-reads that note alone
        self._sections: dict[str, SigSection] = {}  # by SIG id
        self._pages: HubPages | None = None  # the pages of the language being built

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Find the checkout and load every SIG folder (again only when a file changed)."""
        if not self.config.enabled:
            return None
        try:
            self.zone = ZoneInfo(self.config.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise PluginError(
                f"sigsite-hub: unknown timezone '{self.config.timezone}' in mkdocs.yml"
            ) from exc
        self._root = self._community_root(config)
        fingerprint = _fingerprint(self._root / SIGS_DIR)
        if fingerprint != self._fingerprint or not fingerprint:
            self.community, problems = load_community(
                self._root,
                timezone=self.config.timezone,
                public_emails=frozenset(a.lower() for a in self.config.public_emails),
                caches=self._caches,
                forge_url=self.config.forge_url,
            )
            self.people = community_people(self.community, problems)
            report_problems(problems, "the community's SIG folders")
            self._sections = {sig.id: self._section(sig) for sig in self.community.folders}
            self._fingerprint = fingerprint
        return None

    def _community_root(self, config: MkDocsConfig) -> Path:
        """The community checkout: the `community` setting, relative to hub/mkdocs.yml, else
        SIGSITE_COMMUNITY, relative to the folder the command runs in (as a shell would read it)."""
        if self.config.community:
            named, base = self.config.community, Path(config.config_file_path or ".").resolve().parent
        else:
            named, base = os.environ.get(COMMUNITY_VARIABLE, ""), Path.cwd()
        if not named:
            raise PluginError(
                f"sigsite-hub: set {COMMUNITY_VARIABLE} to the checkout of the community repository, "
                "the folder that holds sigs/ "
                f"(e.g. {COMMUNITY_VARIABLE}=../community mkdocs build -f hub/mkdocs.yml)"
            )
        root = (base / Path(named).expanduser()).resolve()
        if not root.is_dir():
            where = "the community setting of hub/mkdocs.yml" if self.config.community else COMMUNITY_VARIABLE
            raise PluginError(
                printable(
                    f"sigsite-hub: {where} names {named}, but there is no folder {root}; "
                    "give the checkout of the community repository (the folder that holds sigs/)"
                )
            )
        return root

    def _section(self, sig: HubSig) -> SigSection:
        assert self._root is not None and sig.folder is not None
        return SigSection(
            sig.data,
            self._root / SIGS_DIR / sig.folder / MEETINGS_DIR,
            f"{SIGS_DIR}/{sig.folder}/{MEETINGS_DIR}",
            prefix=f"{SIGS_DIR}/{sig.id}/",
            calendar_file=CALENDAR,
            feed_file=FEED,
        )

    def today(self) -> date:
        """The build's idea of today, in the hub's zone."""
        return build_date(self.zone)

    # After mkdocs-static-i18n (-100) has chosen this language's pages: generated pages are ours.
    @event_priority(-110)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Add every SIG's pages in this language and fill the hub's own pages; the default
        language also publishes the files, calendars, feeds and JSON."""
        if not self.config.enabled or self._root is None:
            return None
        self.languages = languages_of(config)
        language_roots = [
            {"lang": entry.get("lang", ""), "href": urljoin(config.site_url or "", entry.get("link", ""))}
            for entry in alternate_links(config)
        ]
        self.build = LanguageBuild(self.languages.current, PageContext(page_url=""), language_roots)
        contexts = {
            sig.id: self._sections[sig.id].context(config, self.languages) for sig in self.community.folders
        }
        pages = self._pages = HubPages(
            self.community,
            self.people,
            config,
            self.languages,
            self.build,
            contexts,
            self.config.forge_url,
            self.today(),
        )
        for sig in self.community.folders:
            with rendering(f"the pages of {SIGS_DIR}/{sig.folder}"):
                self._sections[sig.id].add_pages(files, config, self.languages, self.build, contexts[sig.id])
                pages.add_sig_pages(sig, files)
        pages.fill_hub_pages(files)
        list_in_sitemap(config, self.languages.current, [f for f in self.build.files() if f.generated_by])
        if self.languages.is_default_build:
            add_site_assets(files, config)
            self._add_site_files(files, config)
        refuse_shared_addresses(files)
        return files

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer | None:
        """Rebuild when anything in the community's sigs/ changes (notes, READMEs, members)."""
        if self.config.enabled and self._root is not None and (self._root / SIGS_DIR).is_dir():
            server.watch(str(self._root / SIGS_DIR))
        return server

    def _add_site_files(self, files: Files, config: MkDocsConfig) -> None:
        """Published files, schemas, calendars, feeds and JSON: one copy per site."""
        assert self._root is not None and self._pages is not None
        pages = self._pages
        base = config.site_url or "/"
        sites: dict[str, SiteAddresses] = {}
        for sig in self.community.sigs:
            if sig.is_external:
                sites[sig.id] = SiteAddresses(site_url=sig.external_url or base, site_name=sig.name)
                continue
            section, context = self._sections[sig.id], pages.contexts[sig.id]
            section.add_attachments(files, config)
            for path in sig.published_files:
                source = self._root / SIGS_DIR / str(sig.folder) / path
                add_file(
                    files, File.generated(config, f"{SIGS_DIR}/{sig.id}/{path}", abs_src_path=str(source))
                )
            sites[sig.id] = SiteAddresses(
                site_url=base + section.prefix,
                site_name=sig.name,
                meeting_urls={slug: base + url for slug, url in context.meeting_urls.items()},
                attachment_urls={name: base + url for name, url in context.attachment_urls.items()},
                event_prefix=f"{sig.id}.",
            )
        for name, file_name in {**SCHEMA_FILES, **HUB_SCHEMA_FILES}.items():
            add_file(files, File.generated(config, schema_file(file_name), content=schema_text(name)))
        hub = SiteAddresses(site_url=base, site_name=config.site_name)
        folders = [(sig.data, sites[sig.id]) for sig in self.community.folders]
        today = self.today()
        with rendering("the hub's calendars, feeds or JSON files"):
            outputs = {
                CALENDAR: calendar_of(folders, hub, today),
                FEED: feed_of(folders, hub, base),
                SIGS_JSON: sigs_json(self.community, sites, today),
                PEOPLE_JSON: people_json(self.people),
                MEETINGS_JSON: hub_meetings_json(self.community, sites),
            }
            for sig in self.community.folders:
                site = sites[sig.id]
                outputs[f"{SIGS_DIR}/{sig.id}/{CALENDAR}"] = calendar_of([(sig.data, site)], site, today)
                archive = base + pages.sig_urls[sig.id]["archive"]
                outputs[f"{SIGS_DIR}/{sig.id}/{FEED}"] = feed_of([(sig.data, site)], site, archive)
        for name, content in outputs.items():
            add_file(files, File.generated(config, name, content=content))


def _fingerprint(sigs: Path) -> Fingerprint:
    """Names, sizes and times of the files the hub reads: equal means unchanged."""
    return tuple((str(p), s.st_size, s.st_mtime_ns) for p, s in _stats(sigs))


def _stats(top: Path) -> Iterator[tuple[Path, os.stat_result]]:
    """Every file below `top`, in order, however deep (a stack, not recursion); links not followed."""
    folders = [top]
    while folders:
        folder = folders.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:  # not a folder, gone, or too deep a path: nothing the hub reads
            continue
        below = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                below.append(Path(entry.path))
            else:
                yield Path(entry.path), entry.stat(follow_symlinks=False)
        folders.extend(reversed(below))
