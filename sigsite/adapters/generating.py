"""What the SIG site's plugin and the hub's plugin share: the events that finish generated pages.

A subclass loads its data in `on_config` and adds pages in `on_files`, recording each in
`self.build` (build_state.py). The events here then sanitize and frame them, put back what search
was not to read, point the language switcher, and give every page its Content-Security-Policy.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Generic, TypeVar, cast
from urllib.parse import urlsplit

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents
from mkdocs.utils.templates import TemplateContext

from sigsite.adapters.build_state import GeneratedPage, LanguageBuild
from sigsite.adapters.config import CommonConfig
from sigsite.adapters.csp import ContentSecurityPolicy
from sigsite.adapters.stamped_pages import (
    SearchEntry,
    ThemeContents,
    search_segmenter,
    toc_links,
    write_stamped,
)
from sigsite.adapters.theme_hooks import (
    AFTER_I18N_INDEX,
    AFTER_SEARCH,
    compact_templates,
    every_language_built,
    leave_tab,
    point_switcher,
    search_base,
    search_worker,
    show_under_tab,
    split_search_index,
)
from sigsite.addresses import PageContext
from sigsite.languages import DEFAULT
from sigsite.markup.references import resolve_references
from sigsite.plan.languages import BuildLanguages
from sigsite.plan.pages import LATE_SLOT, PlanError
from sigsite.plan.stamps import SHELL_MARK
from sigsite.privacy_wall import describe, leaks_in_site
from sigsite.problems import Problems, Severity, printable
from sigsite.render.environment import CompiledTemplates
from sigsite.render.language_marks import mark_other_languages
from sigsite.render.not_found import render_not_found

log = logging.getLogger("mkdocs.plugins.sigsite")


# What other tools print on every build, and the level from which it is shown without `-v`: the
# normal output is MkDocs' own lines, our data warnings and the summary. jieba (Material's Chinese
# search) logs its start-up at DEBUG to a handler of its own.
class _QuietSkips(logging.Filter):
    """MkDocs' note that it wrote no file for an empty page or template: a shell (plan/stamps.py),
    or the 404 page of a language other than the default (one is published): ours, and expected."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (
            (message.startswith("Page skipped: ") and SHELL_MARK in message)
            or message.startswith(f"Template skipped: '{NOT_FOUND_TEMPLATE}'")
        )


CHATTY_LOGGERS = {
    "mkdocs.plugins.mkdocs_macros": logging.WARNING,
    "mkdocs.plugins.mkdocs_static_i18n": logging.WARNING,
    "jieba": logging.INFO,
}


ConfigT = TypeVar("ConfigT", bound=CommonConfig)
NOT_FOUND_TEMPLATE = "404.html"


class GeneratingPlugin(BasePlugin, Generic[ConfigT]):  # see the docstring
    """The events that finish the pages a subclass generated in `on_files`.

    Generic in its config by hand: MkDocs' `BasePlugin[...]` wants a config class, not a type
    variable; a subclass names its own (`GeneratingPlugin[SigsiteConfig]`).
    """

    config: ConfigT
    not_found_pages: tuple[tuple[str, str], ...] = ()  # where the 404 page leads (render/not_found.py)

    def __init__(self) -> None:
        self.languages = BuildLanguages(DEFAULT, DEFAULT, (DEFAULT,), {DEFAULT: ""})
        self.build = LanguageBuild(DEFAULT, PageContext(page_url=""))  # this language's pages
        self._compiled_templates = CompiledTemplates()  # the theme's, shared by the language builds
        self._serving = False  # `mkdocs serve` injects an inline script of its own
        self._csp: ContentSecurityPolicy | None = None  # from the theme's templates, per build
        self._tab: Page | None = None  # the tab shown active for the page being rendered
        self._stamped_search: list[SearchEntry] = []  # the stamped pages' entries, every language's
        self._env: Environment | None = None  # this language's theme templates
        self._shell_context: TemplateContext | None = None  # the context of the shell being rendered

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this is `mkdocs serve`, whose live-reload script the policy must allow;
        keep other plugins' progress messages for `-v`."""
        self._serving = command == "serve"
        builds = logging.getLogger("mkdocs.commands.build")
        if not any(isinstance(f, _QuietSkips) for f in builds.filters):
            builds.addFilter(_QuietSkips())
        verbosity = logging.getLogger("mkdocs").getEffectiveLevel()
        for name, quiet_level in CHATTY_LOGGERS.items():
            logging.getLogger(name).setLevel(
                min(verbosity, logging.DEBUG) if verbosity < logging.INFO else quiet_level
            )

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
        """Compact the theme's templates, compiled once for all languages (theme_hooks); and
        work out each page's security policy from the theme's inline scripts (csp)."""
        if self.config.enabled:
            compact_templates(env, self._compiled_templates)
            self._csp = ContentSecurityPolicy(env, serving=self._serving)
            self._env = env
        return env

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Put in the committed content the core rendered, framed for a note; add our blocks.

        Our blocks are added after Markdown has run: the generated HTML needs no Markdown pass.
        Search reads the page with the content's plain text (markup/document.py) and without the
        roster; `on_page_context` puts the whole page in once search has read it.
        """
        if not self.config.enabled:
            return None
        generated = self.build.page(page.file.src_uri)
        if generated is None:
            return None
        plan = generated.plan
        if plan.content is None:
            return _below_first_heading(html, plan.before) + plan.after
        body = resolve_references(plan.content.html, plan.address or (lambda target: None))
        page.toc = TableOfContents([*page.toc, *toc_links(plan.content.headings)])
        if plan.frame is not None:  # a note: never given the roster
            generated.held_html = plan.before + plan.frame.around(body)
            return plan.content.search_html
        generated.held_html = _below_first_heading(html + body, plan.before) + plan.after
        return _below_first_heading(html + plan.content.search_html, plan.before) + plan.after

    # After Material's search (0) has indexed the page, and after mkdocs-static-i18n (50).
    @event_priority(AFTER_SEARCH)
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Put in what search was not to read; mark links to another language's pages; give the
        head the language roots, and the switcher of generated pages its targets.

        A page with committed content gets its whole HTML back. A roster fills its slot: the
        index keeps the members page's text but not a thousand people (the roster has its own
        search box), and search does not parse half a megabyte of HTML per language.
        """
        if not self.config.enabled:
            return None
        content = page.content or ""
        generated = self.build.page(page.file.src_uri)
        if generated is not None and generated.held_html is not None:  # committed content: never a roster
            page.content, generated.held_html = generated.held_html, None
        elif LATE_SLOT in content:
            page.content = content.replace(LATE_SLOT, self.slot_content(generated), 1)
        # Links to a page in another language say so (after search has read the page: no mark in the index).
        page.content = mark_other_languages(page.content or "", page.url, self.languages)
        ours = our_keys(context)
        ours["sigsite_source"] = Markup(self.source_line())  # the core's, autoescaped
        if self._csp is not None:
            ours["sigsite_csp"] = self._csp.for_context(ours)
        if generated is not None:
            point_switcher(config, generated.plan.switcher)
        if generated is not None and generated.plan.tab is not None:
            self._tab = show_under_tab(page, nav, generated.plan.tab)
        self._shell_context = context if page.file.src_uri in self.build.stamped else None
        return context

    def source_line(self) -> str:
        """What the footer of every page says the data is from (HTML); nothing by default."""
        return ""

    def public_emails(self) -> frozenset[str]:
        """The addresses the site may publish, in lower case: the `public_emails` setting's."""
        return frozenset(a.lower() for a in self.config.public_emails)

    def slot_content(self, generated: GeneratedPage | None) -> str:
        """What fills a page's LATE_SLOT: the generated page's own, else nothing."""
        return generated.plan.after_search or "" if generated is not None else ""

    def on_template_context(
        self, context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext | None:
        """Give the pages that are not Markdown pages (404.html) their security policy too, and
        lead their language switcher to the language roots (not to the last page rendered)."""
        if self.config.enabled:
            point_switcher(config, {})
        if self.config.enabled and template_name == NOT_FOUND_TEMPLATE:
            our_keys(context)["sigsite_not_found"] = Markup(  # our template, autoescaped
                render_not_found(self.not_found_pages, self.languages, config.site_url or "/")
            )
        if self.config.enabled:
            our_keys(context)["sigsite_source"] = Markup(self.source_line())
        if self.config.enabled and self._csp is not None:
            ours = our_keys(context)
            ours["sigsite_csp"] = self._csp.for_context(ours)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Report an inline script the page's policy would block: a theme change, or markup that
        got past the sanitizer. Either way `--strict` stops the build. Search runs our worker, from
        the page's language root."""
        self._report_blocked_scripts(output, page.file.src_uri)
        leave_tab(self._tab)
        self._tab = None
        if not self.config.enabled:
            return None
        output = search_base(search_worker(output, self.languages.prefix), self.languages)
        stamped = self.build.stamped.get(page.file.src_uri)
        if stamped:  # a shell: its pages are its finished HTML with their own values; it is no page
            self._stamped_search += write_stamped(
                config.site_dir,
                output,
                stamped,
                self.languages,
                search_segmenter(config),
                self._report_blocked_scripts,
                self._theme_contents(),
            )
            return ""  # MkDocs writes no file for an empty page
        return output

    def _theme_contents(self) -> ThemeContents | None:
        """The theme's table of contents in the context of the shell just rendered."""
        if self._env is None or self._shell_context is None:
            return None
        return ThemeContents(self._env, self._shell_context)

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        """Check the pages that are not Markdown pages (404.html) as `on_post_page` checks the others;
        their search runs our worker too. A static host serves one 404 page for every address: the
        default language's, which holds every language's section (the other builds write none)."""
        if (
            template_name == NOT_FOUND_TEMPLATE
            and self.config.enabled
            and not self.languages.is_default_build
        ):
            return ""  # MkDocs writes no file for an empty template
        if template_name.endswith(".html"):
            self._report_blocked_scripts(output_content, template_name)
            return search_worker(output_content) if self.config.enabled else None
        return None

    def _report_blocked_scripts(self, html: str, name: str) -> None:
        if self.config.enabled and self._csp is not None:
            for code in self._csp.blocked_scripts(html):
                log.warning(
                    "sigsite: %s has an inline script its Content-Security-Policy blocks: %s…",
                    printable(name),
                    printable(code),
                )

    @event_priority(AFTER_I18N_INDEX)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Give each language root its own search index.

        mkdocs-static-i18n writes one search index, for every language, at the site root. A note
        whose framed page was never put back is reported: its page would show the bare note. Once
        every language is written, the last wall reads the whole site.
        """
        if not self.config.enabled:
            return
        for src_uri in self.build.leftovers():
            log.warning("sigsite: %s was published with only what search reads of it", src_uri)
        if every_language_built(config):  # and the combined index written
            split_search_index(config, self.languages, self._stamped_search)
            self._stamped_search = []
            refuse_leaks(config, self.public_emails())
            gc.unfreeze()  # what the build kept out of the collector's passes (site_plugin.on_config)

    def on_build_error(self, *, error: Exception) -> None:
        """A build that stops gives the collector back what it kept out of its passes."""
        gc.unfreeze()


def refuse_leaks(config: MkDocsConfig, public: frozenset[str]) -> None:
    """Fail the build when a built file or its path holds an e-mail address that is neither public
    nor the site's own identifier (sigsite/privacy_wall.py): a bug of ours, never the data's."""
    leaks = leaks_in_site(
        Path(config.site_dir),
        public,
        urlsplit(config.site_url or "").netloc,
        [Path(folder) for folder in config.theme.dirs],
    )
    if leaks:
        raise PluginError(
            f"sigsite: the built site holds {len(leaks)} e-mail address(es) that were not withheld; "
            "it must not be published. This is a bug of sigsite: please report it (the addresses "
            "are masked here)\n  " + describe(leaks)
        )


def _below_first_heading(html: str, block: str) -> str:
    """`block` after the page's first `<h1>`, or on top when it has none."""
    if not block:
        return html
    end = html.find("</h1>")
    if end == -1:
        return block + html
    end += len("</h1>")
    return html[:end] + block + html[end:]


def our_keys(context: TemplateContext) -> dict[str, Any]:
    """The template context as the plain dict it is, for the keys our templates read (sigsite_*)."""
    return cast("dict[str, Any]", context)


@contextmanager
def rendering(what: str) -> Iterator[None]:
    """Turn a failure while rendering `what` into a build error that names it, not a traceback."""
    try:
        yield
    except PluginError:
        raise
    except Exception as exc:
        # The plan names the file whose pages failed (PlanError); else `what` is all that is known.
        named, cause = (exc.what, exc.__cause__ or exc) if isinstance(exc, PlanError) else (what, exc)
        raise PluginError(
            printable(f"sigsite: {named} could not be rendered ({type(cause).__name__}: {cause}); ")
            + "run `sigsite check`, and report it to sigsite's maintainers if it finds nothing"
        ) from exc


def report_problems(
    problems: Problems, what: str = "the SIG's files", *, publish_around: bool = False
) -> None:
    """Log warnings (as information: real data has harmless quirks); stop the build on errors.

    With `publish_around` (the hub, whose files are merged by people who never run our check),
    errors stop nothing: the loaders left out what each holds, and it is logged with the warnings.
    """
    ordered = sorted(problems.sorted(), key=lambda p: p.severity is not Severity.ERROR)  # errors first
    for problem in ordered:
        if problem.severity is Severity.WARNING or publish_around:
            log.info("data warning: %s", problem.format())
    errors = [p.format() for p in ordered if p.severity is Severity.ERROR]
    if errors and publish_around:
        log.info(
            "sigsite: %d error(s) and %d warning(s) in %s: the site shows everything else, and says what "
            "it left out on each group's page and the Health page; `sigsite check --community` fails on them",
            len(errors),
            len(problems.items) - len(errors),
            what,
        )
    elif not errors:
        if problems.items:
            log.info("sigsite: %d warning(s) in %s", len(problems.items), what)
    else:
        raise PluginError(
            f"sigsite: {len(errors)} problem(s) in {what} must be fixed:\n  " + "\n  ".join(errors)
        )
