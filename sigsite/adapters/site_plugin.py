"""One plugin skeleton for both sites: load the groups (again only when a file changed), plan each
language's pages and the site's files in the core (sigsite.plan), and emit them (emit.py).

`sigsite` (plugin.py, a SIG's own site) and `sigsite-hub` (hub_plugin.py, the community hub) only
say where their files are, how to load them and which plan to make.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from sigsite.adapters.build_state import LanguageBuild
from sigsite.adapters.emit import add_site_assets, emit_files, emit_pages, refuse_shared_addresses
from sigsite.adapters.generating import ConfigT, GeneratingPlugin, rendering, report_problems
from sigsite.adapters.theme_hooks import languages_of, list_in_sitemap
from sigsite.addresses import PageContext
from sigsite.build_date import build_date
from sigsite.plan.pages import PlannedFile, PlannedPage
from sigsite.problems import Problems

Fingerprint = tuple[tuple[str, int, int], ...]  # names, sizes and times of the files read


if TYPE_CHECKING:
    _Base = GeneratingPlugin[ConfigT]
else:  # MkDocs' BasePlugin[...] makes a class of a config class, and a type variable is none
    _Base = GeneratingPlugin


class SitePlugin(_Base, Generic[ConfigT]):
    """Loads, plans and emits; a subclass says what and where (the methods below `today`)."""

    label = "sigsite"  # how the plugin's messages begin
    loaded_what = "the SIG's files"  # how its messages name what it loads
    publishes_around_faults = False  # True: errors in the files leave out what they hold, never stop

    def __init__(self) -> None:
        super().__init__()
        self.zone = ZoneInfo("UTC")
        self._fingerprint: Fingerprint = ()
        self._located = False
        self._loaded = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Find the files and load them; errors stop the build, warnings are logged.

        mkdocs-static-i18n runs the whole build again for each language: the files are read
        again only when one changed.
        """
        if not self.config.enabled:
            return None
        try:
            self.zone = ZoneInfo(self.config.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise PluginError(
                f"{self.label}: unknown timezone '{self.config.timezone}' in mkdocs.yml"
            ) from exc
        gc.freeze()  # what is imported and configured lives as long as the build (see below)
        self.locate(config)
        self._located = True
        # What `mkdocs serve` watches, to read again only what changed; a build reads once.
        fingerprint = self.fingerprint() if self._serving else ()
        if not self._loaded or fingerprint != self._fingerprint or (self._serving and not fingerprint):
            report_problems(self.load(), self.loaded_what, publish_around=self.publishes_around_faults)
            self._fingerprint = fingerprint
            self._loaded = True
        # What is loaded now (the groups, their people, the theme) lives as long as the build: the
        # collector leaves it out of its passes until the build ends (generating.on_post_build, or
        # on_build_error), instead of walking it again at each full pass (half a second on a
        # community of openEuler's size).
        gc.freeze()
        return None

    # After mkdocs-static-i18n (-100) has chosen this language's pages: generated pages are ours.
    @event_priority(-110)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Emit this language's planned pages; the default language also emits the site's files."""
        if not self.config.enabled or not self._located:
            return None
        self.languages = languages_of(config)
        site_url = config.site_url or ""
        self.build = LanguageBuild(self.languages.current, self.site_context(site_url))
        if self.languages.is_default_build:  # a build begins (`mkdocs serve` rebuilds, even after a failure)
            self._stamped_search = []
        with rendering(f"the pages of {self.loaded_what}"):
            planned = self.plan_pages(site_url)
        emit_pages(files, config, self.build, planned)
        list_in_sitemap(config, self.languages.current, self.build.generated_files())
        if self.languages.is_default_build:
            add_site_assets(files, config)
            with rendering("the calendars, feeds or JSON files"):
                published = self.plan_files(site_url or "/", config.site_name)
            emit_files(files, config, published)
        refuse_shared_addresses(files, self.build.stamped_files())
        return files

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer | None:
        """Rebuild when any of the files the plugin reads changes."""
        if self.config.enabled and self._located:
            for path in self.watched():
                if path.exists():
                    server.watch(str(path))
        return server

    def today(self) -> date:
        """The build's idea of today, in the site's zone."""
        return build_date(self.zone)

    def locate(self, config: MkDocsConfig) -> None:
        """Find the files from the settings (called first in every `on_config`)."""
        raise NotImplementedError

    def fingerprint(self) -> Fingerprint:
        """Names, sizes and times of the files read: equal means unchanged."""
        raise NotImplementedError

    def load(self) -> Problems:
        """Read the files into the model; what was wrong with them."""
        raise NotImplementedError

    def site_context(self, site_url: str) -> PageContext:
        """The addresses the site's own pages (the macros) link with, in this language."""
        return PageContext(page_url="", locale=self.languages.current)

    def plan_pages(self, site_url: str) -> list[PlannedPage]:
        """This language's pages."""
        raise NotImplementedError

    def plan_files(self, base: str, site_name: str) -> list[PlannedFile]:
        """The files published once per site; `base` is the site's address, ending in `/`."""
        raise NotImplementedError

    def watched(self) -> list[Path]:
        """What `mkdocs serve` watches."""
        raise NotImplementedError


def stat_fingerprint(paths: list[Path]) -> Fingerprint:
    """Names, sizes and modification times of `paths`, links not followed."""
    stats = []
    for path in paths:
        stat = path.lstat()
        stats.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(stats)
