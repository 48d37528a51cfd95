"""The `sigsite` MkDocs plugin: loads the SIG once per build and publishes its meetings."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, cast
from urllib.parse import urljoin
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from sigsite.adapters.build_state import GeneratedPage, LanguageBuild
from sigsite.adapters.config import SigsiteConfig
from sigsite.adapters.csp import ContentSecurityPolicy
from sigsite.adapters.theme_hooks import (
    AFTER_SEARCH,
    CompiledTemplates,
    Languages,
    alternate_links,
    compact_templates,
    copy_sitemap_to_language_root,
    languages_of,
    list_in_sitemap,
    point_switcher,
)
from sigsite.addresses import (
    CALENDAR_FILE,
    FEED_FILE,
    MEETINGS_JSON,
    MEMBERS_JSON,
    PageContext,
    SiteAddresses,
    attachment_file,
    meeting_page,
    schema_file,
    year_page,
)
from sigsite.build_date import build_date
from sigsite.loader import Sources, load_sig
from sigsite.meetings import NoteCache
from sigsite.model import Meeting, SigData
from sigsite.outputs.api import meetings_json, members_json
from sigsite.outputs.atom import meetings_feed
from sigsite.outputs.calendar import meetings_calendar
from sigsite.problems import Problems, Severity
from sigsite.render.blocks import ROSTER_SLOT, by_year, meeting_frame, render_roster, render_year
from sigsite.render.pages import meeting_markdown, year_page_markdown
from sigsite.sanitize import sanitize_html, sanitize_toc
from sigsite.schema_check import SCHEMA_FILES, schema_text
from sigsite.search_scope import searched_sections

log = logging.getLogger("mkdocs.plugins.sigsite")

Fingerprint = tuple[tuple[str, int, int], ...]
# What other tools print on every build, and the level from which it is shown without `-v`: the
# normal output is MkDocs' own lines, our data warnings and the summary. jieba (Material's Chinese
# search) logs its start-up at DEBUG to a handler of its own.
CHATTY_LOGGERS = {
    "mkdocs.plugins.mkdocs_macros": logging.WARNING,
    "mkdocs.plugins.mkdocs_static_i18n": logging.WARNING,
    "jieba": logging.INFO,
}


class SigsitePlugin(BasePlugin[SigsiteConfig]):
    """Reads sig_members.yaml, sig-info.yaml and meetings/; adds one page per meeting."""

    def __init__(self) -> None:
        self.data = SigData()
        self.sources: Sources | None = None
        self.zone = ZoneInfo("UTC")
        self.languages = Languages(current="en", default="en", built=("en",), prefixes={"en": ""})
        self._fingerprint: Fingerprint = ()
        self._notes = NoteCache()  # under `mkdocs serve`, a save reads that note alone again
        self._by_year: dict[int, list[Meeting]] = {}  # every dated meeting, newest first
        self.build = LanguageBuild("en", PageContext(page_url=""), [])  # this language's pages
        self._compiled_templates = CompiledTemplates()  # the theme's, shared by the language builds
        self._serving = False  # `mkdocs serve` injects an inline script of its own
        self._csp: ContentSecurityPolicy | None = None  # from the theme's templates, per build

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this is `mkdocs serve`, whose live-reload script the policy must allow;
        keep other plugins' progress messages for `-v`."""
        self._serving = command == "serve"
        verbosity = logging.getLogger("mkdocs").getEffectiveLevel()
        for name, quiet_level in CHATTY_LOGGERS.items():
            logging.getLogger(name).setLevel(
                min(verbosity, logging.DEBUG) if verbosity < logging.INFO else quiet_level
            )

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
            self._by_year = by_year(list(reversed(self.data.meetings)))
            _report(problems)
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
        self.build = LanguageBuild(self.languages.current, self._site_context(config), language_roots)
        self._add_meeting_pages(files, config)
        self._add_year_pages(files, config)
        list_in_sitemap(config, self.languages.current, self.build.files())
        if self.languages.is_default_build:
            self._add_site_files(files, config)
        _refuse_shared_addresses(files)
        return files

    def _site_context(self, config: MkDocsConfig) -> PageContext:
        languages = self.languages
        notes = [m for m in self.data.meetings if not m.is_external]
        base = config.site_url or "/"
        archive = self.config.archive_page
        return PageContext(
            page_url="",
            locale=languages.current,
            meeting_urls={
                m.slug: languages.url(config, languages.home_of(m.language), meeting_page(m.slug))
                for m in notes
            },
            attachment_urls={
                a.source: languages.url(config, languages.default, attachment_file(a.source))
                for a in self.data.attachments
            },
            archive_url=languages.url(config, languages.current, archive),
            year_urls={
                year: languages.url(config, languages.current, year_page(year))
                for year in sorted({m.date.year for m in self.data.meetings if m.date})
            },
            calendar_url=base + CALENDAR_FILE,
            feed_url=base + FEED_FILE,
        )

    def _add_meeting_pages(self, files: Files, config: MkDocsConfig) -> None:
        languages = self.languages
        archives = {
            locale: languages.url(config, locale, self.config.archive_page) for locale in languages.built
        }
        notes = [m for m in self.data.meetings if not m.is_external]
        for index, meeting in enumerate(notes):
            if languages.home_of(meeting.language) != languages.current:
                continue  # published once, by the build of its own language
            src_uri = languages.prefixes.get(languages.current, "") + meeting_page(meeting.slug)
            page = File.generated(
                config,
                src_uri,
                content=meeting_markdown(meeting, languages.current),
                inclusion=InclusionLevel.NOT_IN_NAV,
            )
            _add(files, page)
            # Rendered here, in one go, rather than page by page amid the theme's work: faster.
            with _rendering(f"{self.config.meetings_dir}/{meeting.source}"):
                frame = meeting_frame(
                    meeting,
                    notes[index - 1] if index else None,
                    notes[index + 1] if index + 1 < len(notes) else None,
                    self.build.context_for(page.url),
                )
            # The switcher leads to the other languages' archives: a note exists in one language.
            self.build.add(GeneratedPage(page, {**archives, languages.current: page.url}, frame=frame))

    def _add_year_pages(self, files: Files, config: MkDocsConfig) -> None:
        """One page per year listing its meetings, in this language, so the archive stays short."""
        prefix = self.languages.prefixes.get(self.languages.current, "")
        for year in self.build.site.year_urls:
            src_uri = prefix + year_page(year)
            content = year_page_markdown(year, self.languages.current)
            page = File.generated(config, src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
            _add(files, page)
            switcher = {
                locale: self.languages.url(config, locale, year_page(year)) for locale in self.languages.built
            }
            year_list = render_year(self._by_year.get(year, []), year, self.build.context_for(page.url))
            self.build.add(GeneratedPage(page, switcher, year_list=year_list))

    def _add_site_files(self, files: Files, config: MkDocsConfig) -> None:
        """Slides, schemas, calendar, feed and JSON: one copy per site, not per language."""
        assert self.sources is not None
        folder = self.sources.path(self.config.meetings_dir)
        for attachment in self.data.attachments:
            src_uri = attachment_file(attachment.source)
            _add(files, File.generated(config, src_uri, abs_src_path=str(folder / attachment.source)))
        for name, file_name in SCHEMA_FILES.items():
            _add(files, File.generated(config, schema_file(file_name), content=schema_text(name)))
        base = config.site_url or "/"
        site = SiteAddresses(
            site_url=base,
            site_name=config.site_name,
            meeting_urls={slug: base + url for slug, url in self.build.site.meeting_urls.items()},
            attachment_urls={name: base + url for name, url in self.build.site.attachment_urls.items()},
        )
        with _rendering(f"{CALENDAR_FILE}, {FEED_FILE} or the JSON files"):
            outputs = {
                CALENDAR_FILE: meetings_calendar(self.data, site, self.today()),
                FEED_FILE: meetings_feed(self.data, site, base + self.build.site.archive_url),
                MEMBERS_JSON: members_json(self.data),
                MEETINGS_JSON: meetings_json(self.data, site),
            }
        for name, content in outputs.items():
            _add(files, File.generated(config, name, content=content))

    def today(self) -> date:
        """The build's idea of today, in the SIG's zone."""
        return build_date(self.zone)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
        """Compact the theme's templates, compiled once for all languages (theme_hooks); and
        work out each page's security policy from the theme's inline scripts (csp)."""
        if self.config.enabled:
            compact_templates(env, self._compiled_templates)
            self._csp = ContentSecurityPolicy(env, serving=self._serving)
        return env

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Frame a meeting note's sanitized HTML with its date and neighbours; list a year's meetings.

        Both are added after Markdown has run: the generated HTML needs no Markdown pass.
        Search reads a meeting page as its searched sections alone; `on_page_context` puts the
        framed page in once search has read it.
        """
        if not self.config.enabled:
            return None
        generated = self.build.page(page.file.src_uri)
        if generated is None:
            return None
        if generated.frame is not None:  # a note: untrusted, so sanitized, and never given the roster
            note = sanitize_html(html)
            sanitize_toc(page.toc)
            generated.framed_html = generated.frame.around(note)
            return searched_sections(note)
        return html + (generated.year_list or "")

    # After Material's search (0) has indexed the page, and after mkdocs-static-i18n (50).
    @event_priority(AFTER_SEARCH)
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Put in what search was not to read; give the head the language roots, and the
        switcher of generated pages its targets.

        A meeting page gets its framed note back. The roster fills its slot: the index keeps the
        members page's text but not a thousand people (the roster has its own search box), and
        search does not parse half a megabyte of HTML per language.
        """
        if not self.config.enabled:
            return None
        content = page.content or ""
        generated = self.build.page(page.file.src_uri)
        if generated is not None and generated.framed_html is not None:  # a note: never given the roster
            page.content, generated.framed_html = generated.framed_html, None
        elif ROSTER_SLOT in content:
            page.content = content.replace(ROSTER_SLOT, render_roster(self.data, self.languages.current), 1)
        ours = _our_keys(context)
        ours["sigsite_language_roots"] = self.build.language_roots
        if self._csp is not None:
            ours["sigsite_csp"] = self._csp.for_context(ours)
        if generated is not None:
            point_switcher(config, generated.switcher)
        return context

    def on_template_context(
        self, context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext | None:
        """Give the pages that are not Markdown pages (404.html) their security policy too."""
        if self.config.enabled and self._csp is not None:
            ours = _our_keys(context)
            ours["sigsite_csp"] = self._csp.for_context(ours)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Report an inline script the page's policy would block: a theme change, or markup that
        got past the sanitizer. Either way `--strict` stops the build."""
        self._report_blocked_scripts(output, page.file.src_uri)
        return None

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        """Check the pages that are not Markdown pages (404.html) as `on_post_page` checks the others."""
        if template_name.endswith(".html"):
            self._report_blocked_scripts(output_content, template_name)
        return None

    def _report_blocked_scripts(self, html: str, name: str) -> None:
        if self.config.enabled and self._csp is not None:
            for code in self._csp.blocked_scripts(html):
                log.warning(
                    "sigsite: %s has an inline script its Content-Security-Policy blocks: %s…", name, code
                )

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Give each language root its own sitemap.xml: Material's language switcher asks for it.

        mkdocs-static-i18n writes one sitemap, for every language, at the site root. A note
        whose framed page was never put back is reported: its page would show the bare note.
        """
        if not self.config.enabled:
            return
        for src_uri in self.build.leftovers():
            log.warning("sigsite: %s was published without its frame (date, recording, neighbours)", src_uri)
        if not self.languages.is_default_build:
            copy_sitemap_to_language_root(config, self.languages)

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


def _our_keys(context: TemplateContext) -> dict[str, Any]:
    """The template context as the plain dict it is, for the keys our templates read (sigsite_*)."""
    return cast("dict[str, Any]", context)


@contextmanager
def _rendering(what: str) -> Iterator[None]:
    """Turn a failure while rendering `what` into a build error that names it, not a traceback."""
    try:
        yield
    except PluginError:
        raise
    except Exception as exc:
        raise PluginError(
            f"sigsite: {what} could not be rendered ({type(exc).__name__}: {exc}); "
            "run `sigsite check`, and report it to sigsite's maintainers if it finds nothing"
        ) from exc


def _add(files: Files, file: File) -> None:
    """Add a generated file; MkDocs would silently replace a docs page of the same name."""
    if file.src_uri in files.src_uris:
        raise PluginError(
            f"sigsite: docs/{file.src_uri} has the address of a file that sigsite generates "
            f"({file.dest_uri}); rename or remove the file in docs/"
        )
    files.append(file)


def _refuse_shared_addresses(files: Files) -> None:
    """Stop the build when two files would be published at one address: one would silently win."""
    first: dict[str, File] = {}
    for file in files:
        other = first.setdefault(file.dest_uri, file)
        if other is file:
            continue
        ours = [f for f in (other, file) if f.generated_by]
        theirs = [f for f in (other, file) if not f.generated_by]
        if len(ours) == 1:
            raise PluginError(
                f"sigsite: docs/{theirs[0].src_uri} has the address of a file that sigsite generates "
                f"({file.dest_uri}); rename or remove the file in docs/"
            )
        names = " and ".join(f"{f.src_uri} ({f.generated_by or 'docs/'})" for f in (other, file))
        raise PluginError(f"sigsite: {names} would both be published as {file.dest_uri}; rename one")


def _report(problems: Problems) -> None:
    for problem in problems.sorted():
        if problem.severity is Severity.WARNING:
            # Real SIG data has harmless quirks: show them without failing --strict.
            log.info("data warning: %s", problem.format())
    errors = [p.format() for p in problems.sorted() if p.severity is Severity.ERROR]
    if errors:
        raise PluginError(
            f"sigsite: {len(errors)} problem(s) in the SIG's files must be fixed:\n  " + "\n  ".join(errors)
        )
