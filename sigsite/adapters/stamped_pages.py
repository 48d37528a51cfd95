"""Writing the pages stamped on a shell (plan/stamps.py) once the theme has rendered the shell.

The one place that relies on how Material prints a page: that the title, the description, the
page's folders and its content reach the HTML as the front matter and the plan give them, each
where a marker put in its place shows; that its table of contents is what its template
`partials/toc.html` prints, and its first heading's link the only other place a heading's id goes
(tests/test_stamped_pages.py builds a shell and compares a stamped page with the page MkDocs
renders). A theme that changes this stops the build here, naming the shell, instead of publishing
pages with a marker in them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

from backrefs import bre
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import write_file

from sigsite.adapters.build_state import GeneratedPage
from sigsite.model import Heading
from sigsite.plan.languages import BuildLanguages
from sigsite.plan.stamps import SHELL_HEADING, TOC, ShellChanged, content_of, fill
from sigsite.problems import printable
from sigsite.render.language_marks import mark_other_languages

SearchEntry = dict[str, str]


def search_segmenter(config: MkDocsConfig) -> Callable[[str], str]:
    """How Material's search cuts the Chinese of the entries it makes into words (with jieba, when
    it is installed): the entries of stamped pages are cut the same way, so a query finds them as
    it finds the others. Unchanged text without that plugin or that method.

    Material cuts each run of Han characters alone (`_HAN_RUN`, its expression) and puts a
    zero-width space around its words. Thousands of stamped pages repeat the same few runs (a
    role, a label, a group's name): each run is cut once for the pages of one shell, remembered
    as long as the segmenter is (a build's, never the next build's index)."""
    plugin = config.plugins.get("material/search")
    index = getattr(plugin, "search_index", None)
    segment = getattr(index, "_segment_chinese", None)
    if not callable(segment):
        return str
    cut = cast("Callable[[str], str]", segment)
    words: dict[str, str] = {}  # a run of Han characters -> its words, joined by zero-width spaces

    def cut_once(run: str) -> str:
        if run not in words:
            words[run] = cut(run)
        return words[run]

    def segmented(text: str) -> str:
        return _HAN_RUN.sub(lambda run: f"\u200b{cut_once(run[0])}\u200b", text).strip("\u200b")

    return segmented


_HAN_RUN = bre.compile(r"(\p{script: Han}+)", bre.UNICODE)  # Material's SearchIndex._segment_chinese


def toc_links(headings: tuple[Heading, ...]) -> list[AnchorLink]:
    """The theme's table of contents of a content's headings; it prints titles unescaped."""
    links = []
    for heading in headings:
        link = AnchorLink(escape(heading.text), heading.id, heading.level)
        link.children = toc_links(heading.children)
        links.append(link)
    return links


# The theme's table of contents alone, as its page template includes it (with the page's context).
_THEME_TOC = '{% import "partials/language.html" as lang with context %}{% include "partials/toc.html" %}'


class ThemeContents:
    """The table of contents the theme prints for headings on the page rendered with `context`
    (a shell's): its own template, so the same bytes as on a page of the pipeline."""

    def __init__(self, env: Environment, context: Mapping[str, Any]) -> None:
        self._template = env.from_string(_THEME_TOC)
        self._context = dict(context)

    def __call__(self, headings: tuple[Heading, ...]) -> str:
        page = SimpleNamespace(toc=TableOfContents(toc_links(headings)))
        return self._template.render({**self._context, "page": page})


def _with_toc_marker(shell_html: str, contents: ThemeContents | None, shell: str) -> str:
    """The shell's HTML with its table of contents (of SHELL_HEADING alone) marked TOC."""
    marked = contents((SHELL_HEADING,)) if contents is not None else ""
    if not marked or shell_html.count(marked) != 1:
        raise ShellChanged(f"{shell}: its table of contents")
    return shell_html.replace(marked, TOC)


def write_stamped(
    site_dir: str,
    shell_html: str,
    pages: list[GeneratedPage],
    languages: BuildLanguages,
    segment: Callable[[str], str] = str,
    check_scripts: Callable[[str, str], None] = lambda html, name: None,
    contents: ThemeContents | None = None,
) -> list[SearchEntry]:
    """Write each of `pages` from its shell's finished HTML; their search entries (locations from
    the site's root, as the combined index has them; Chinese cut into words by `segment`), a
    section's too. Links to another language's pages are marked as the pipeline marks them
    (generating.on_page_context); each page's content is checked for inline scripts as every page
    is (`check_scripts(html, name)`: the shell's own were checked with it). Pages with headings get
    their table of contents from `contents`, the theme's template in the shell's context."""
    marked: list[str] = []  # the shell with its table of contents marked, once

    def shell_with_toc(shell: str) -> str:
        if not marked:
            marked.append(_with_toc_marker(shell_html, contents, shell))
        return marked[0]

    entries = []
    for page in pages:
        stamp = page.plan.stamp
        assert stamp is not None, "only stamped pages are written from a shell"
        content = mark_other_languages(content_of(page.plan), page.file.url, languages)
        try:
            if stamp.toc and contents is not None:
                html = fill(shell_with_toc(stamp.shell), stamp, content, contents(stamp.toc))
            else:
                html = fill(shell_html, stamp, content)
        except ShellChanged as exc:
            raise PluginError(
                f"sigsite: the theme no longer prints a page as the pages stamped on a shell expect "
                f"({exc}); this is a bug of sigsite with this theme's version: please report it"
            ) from exc
        check_scripts(content, page.file.src_uri)
        try:
            write_file(
                html.encode("utf-8", errors="xmlcharrefreplace"), str(Path(site_dir) / page.file.dest_uri)
            )
        except OSError as exc:
            raise PluginError(
                printable(f"sigsite: {page.file.dest_uri} could not be written ({exc.strerror or exc})")
            ) from exc
        entries.append(
            {"location": page.file.url, "title": segment(stamp.title), "text": segment(stamp.search_text)}
        )
        entries += (
            {
                "location": f"{page.file.url}#{section.anchor}",
                "title": segment(section.title),
                "text": segment(section.text),
            }
            for section in stamp.sections
        )
    return entries
