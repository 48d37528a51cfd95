"""The `sigsite-hub` MkDocs plugin: one site for every SIG folder of a community repository.

`hub/mkdocs.yml` names the checkout with SIGSITE_COMMUNITY. Each folder becomes a group below
`sigs/<id>/`: its README as its home page (rendered and sanitized by the core like a note, every
relative link resolved by hub/links.py), its roster, its meeting archive and one page per note,
exactly as the SIG's own site has them (plan/section.py). The hub's own pages (docs/index.md,
docs/people.md) get the community's introduction, the directory and the people of every group.
The core plans all of it (plan/hub.py, plan/outputs.py); this module loads and configures.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.config.base import ConfigErrors, ConfigWarnings
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from sigsite.adapters.config import COMMUNITY_VARIABLE, HubConfig
from sigsite.adapters.site_plugin import Fingerprint, SitePlugin
from sigsite.adapters.theme_hooks import languages_of, name_other_languages
from sigsite.health.community import CommunityHealth
from sigsite.hub.images import ImageSizeCache
from sigsite.hub.model import Community
from sigsite.hub.people import CommunityPerson
from sigsite.hub.source import source_of
from sigsite.layout import (
    LAYOUT_VARIABLE,
    LAYOUTS,
    MINDSPORE,
    Layout,
    UnknownLayout,
    detect_layout,
    layout_named,
)
from sigsite.load import LoadSettings, load
from sigsite.meetings import NoteCache
from sigsite.plan.files import hub_files
from sigsite.plan.hub import HubPlan, hub_groups
from sigsite.plan.pages import PlannedFile, PlannedPage
from sigsite.problems import Problems, printable
from sigsite.project import relative_path
from sigsite.render.hub_blocks import render_source
from sigsite.render.not_found import HUB_PAGES
from sigsite.settings import bulk_change_groups


class HubPlugin(SitePlugin[HubConfig]):
    """Reads every `sigs/<folder>/` of a community checkout; a section per group and the directory."""

    label = "sigsite-hub"
    loaded_what = "the community's group folders"
    # The community's files are merged by people who never run our check: one group's fault stays
    # with that group (hub.loader leaves it out, Community.faults names it); check --community fails.
    publishes_around_faults = True
    not_found_pages = HUB_PAGES

    def __init__(self) -> None:
        super().__init__()
        self.community = Community()
        self.people: tuple[CommunityPerson, ...] = ()
        self.health = CommunityHealth()
        self._root = Path()
        self._caches: dict[str, NoteCache] = {}  # by folder: a save re-reads that note alone
        self._image_sizes = ImageSizeCache()  # a saved image is measured again, the others are not
        self._plan: HubPlan | None = None  # the pages of the language being built
        self.layout: Layout = MINDSPORE  # the community's, once located
        # The config the layout's defaults were given to: mkdocs-static-i18n builds each language
        # with that one again (once is enough); `mkdocs serve` loads a new one for each rebuild.
        self._defaults_for: weakref.ref[MkDocsConfig] | None = None
        self._public_emails_given = False  # `public_emails: []` says no address is public
        # The footer's line by language and day: the same on every page of a build, made once.
        self._source_lines: dict[tuple[str, date], str] = {}

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[ConfigErrors, ConfigWarnings]:
        """The settings, noting whether hub/mkdocs.yml gives `public_emails` at all (an empty list
        too wins over the layout's addresses)."""
        self._public_emails_given = options.get("public_emails") is not None
        return super().load_config(options, config_file_path)

    def locate(self, config: MkDocsConfig) -> None:
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
        try:
            bulk_change_groups(self.config.bulk_change_groups)
        except ValueError as exc:
            raise PluginError(f"sigsite-hub: {exc} (in {config.config_file_path or 'mkdocs.yml'})") from exc
        root = (base / Path(named).expanduser()).resolve()
        if not root.is_dir():
            where = "the community setting of hub/mkdocs.yml" if self.config.community else COMMUNITY_VARIABLE
            raise PluginError(
                printable(
                    f"sigsite-hub: {where} names {named}, but there is no folder {root}; "
                    "give the checkout of the community repository (the folder that holds sigs/)"
                )
            )
        self.layout = self._layout_of(root, config)
        self._root = root
        self._people_file = Path(config.config_file_path or ".").resolve().parent / self.config.people_file
        self._apply_layout_defaults(config)

    def _layout_of(self, root: Path, config: MkDocsConfig) -> Layout:
        """The layout the `layout` setting or SIGSITE_LAYOUT names, else the one the checkout fits."""
        named = self.config.layout or os.environ.get(LAYOUT_VARIABLE, "")
        if named:
            try:
                layout = layout_named(named)
            except UnknownLayout as exc:
                where = (config.config_file_path or "mkdocs.yml") if self.config.layout else LAYOUT_VARIABLE
                raise PluginError(printable(f"sigsite-hub: {exc} (in {where})")) from exc
            if layout.fits(root):
                return layout
            folder = layout.listed_kind.folder
            raise PluginError(
                printable(
                    f"sigsite-hub: {root} holds no {folder}/ folder, which the {layout.key} layout reads"
                )
            )
        found = detect_layout(root)
        if found is None:
            folders = " or ".join(f"{layout.listed_kind.folder}/" for layout in LAYOUTS.values())
            raise PluginError(
                printable(
                    f"sigsite-hub: {root} holds no {folders} folder; give the checkout of the community "
                    f"repository (the folder that holds {folders})"
                )
            )
        return found

    def _apply_layout_defaults(self, config: MkDocsConfig) -> None:
        """The layout's name, description, copyright, repository and public addresses, where
        mkdocs.yml gives none (its own values win); once, before mkdocs-static-i18n keeps the
        settings it restores for each language's build."""
        if self._defaults_for is not None and self._defaults_for() is config:
            return
        self._defaults_for = weakref.ref(config)
        layout, default = self.layout, languages_of(config).default
        texts = {
            "site_name": layout.site_name,
            "site_description": layout.site_description,
            "copyright": layout.copyright,
        }
        unset = {key: by_locale for key, by_locale in texts.items() if not config[key]}
        for key, by_locale in unset.items():
            config[key] = by_locale.get(default)
        name_other_languages(config, unset)
        if not config.repo_url:
            config.repo_url, config.repo_name = layout.repo_url, layout.repo_name
        if not self._public_emails_given:
            self.config.public_emails = list(layout.public_emails)
        if not self.config.forge_url:
            self.config.forge_url = layout.forge.source

    def fingerprint(self) -> Fingerprint:
        return tuple((str(p), s.st_size, s.st_mtime_ns) for top in self.watched() for p, s in _stats(top))

    def load(self) -> Problems:
        loaded = load(
            self._root,
            LoadSettings(
                timezone=self.config.timezone,
                public_emails=frozenset(a.lower() for a in self.config.public_emails),
                forge_url=self.config.forge_url,
                bulk_change_groups=self.config.bulk_change_groups,
                people_file=self._people_file,
                people_file_display=relative_path(self._people_file),
            ),
            self.today(),
            self._caches,
            self.layout,
            self._image_sizes,
        )
        self.community, self.people, self.health = loaded.community, loaded.people, loaded.health
        self._source_lines = {}
        return loaded.problems

    def plan_pages(self, site_url: str) -> list[PlannedPage]:
        self._plan = HubPlan(
            self.community,
            self.people,
            self.health,
            self.languages,
            hub_groups(self.community, self._root, self.languages, site_url, self.health),
            self.config.forge_url,
            self.today(),
            self.config.person_pages,
        )
        return self._plan.pages()

    def plan_files(self, base: str, site_name: str) -> list[PlannedFile]:
        assert self._plan is not None
        return hub_files(self._plan, self._root, base, site_name)

    def public_emails(self) -> frozenset[str]:
        """The setting's, and the groups' own addresses that a field of theirs declares public
        (the layout's `public_fields`)."""
        return super().public_emails() | self.community.public_emails

    def source_line(self) -> str:
        """Where the data is from, in the language being built: the commit, or the build's day."""
        key = (self.languages.current, self.today())
        if key not in self._source_lines:
            source = source_of(self.community.history, self.config.forge_url, key[1])
            self._source_lines[key] = render_source(source, key[0])
        return self._source_lines[key]

    def watched(self) -> list[Path]:
        """The folders of every kind of group (sigs/, working-groups/, tsc/): notes, READMEs,
        members, listings."""
        return [self._root / kind.folder for kind in self.layout.kinds]


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
