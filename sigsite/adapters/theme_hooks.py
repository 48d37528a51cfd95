"""Every place sigsite relies on another plugin's internals, in one module.

Each one is tested by a fast test of its own (tests/test_adapter_theme_hooks.py) that fails loudly when
an upgrade of Material or mkdocs-static-i18n changes the behaviour relied on:

- **Material's search indexes a page in `on_page_context` at priority 0.** sigsite gives it a
  meeting note without its attendees and conference links (`on_page_content`) and a members
  page with its roster's slot (LATE_SLOT) empty, then puts the whole page back at `AFTER_SEARCH`
  (-10): the index stays small and search parses less. mkdocs.yml keeps mkdocs-static-i18n's
  `reconfigure_search: false`, which would otherwise rework the index after that.
- **mkdocs-static-i18n builds the site once per language** and holds the state read here: the
  language being built (`current_language`, `build_languages`, `config.languages`), the language
  switcher's entries (`extra_alternate`, copied into `config.extra.alternate` per page) and the
  pages of each language's sitemap (`i18n_files_per_language`, which it fills in `on_files`
  before our generated pages exist). Its sitemap is written once, at the root.
- **Material fetches and parses the sitemap.xml beside every `<link rel="alternate">`** of a page,
  on every page load (to lead links between languages to the same page). overrides/main.html
  writes no hreflang alternates (the switcher's links lead to the same page already; the sitemap
  lists each page's languages), so the feed's link is the one alternate and one sitemap is read.
- **mkdocs-static-i18n writes one search index for every language**, at the root, after its last
  language's build (`on_post_build`, priority -100); Material's search fetches
  `search/search_index.json` from the `base` of the page's `__config` script and resolves each
  result's location against it. sigsite splits that index by language root
  (`split_search_index`, after -100) and points a language's pages at their own root
  (`search_base`), so each language searches only its own pages.
- **Material's page script fetches `search/search_index.json` on every page load** (over http:
  it waits for the search to open only on `file:` pages), parses it and hands it to its worker.
  sigsite leaves the settings there and no pages; the pages are in `search/search_index.full.json`
  (`split_search_index`), which our worker fetches when a visitor first searches.
- **Material's search worker** is named by the `search` key of the `__config` script, and takes a
  `{type: 2, data: query}` message for each query (`{type: 0, data: index}` first, answered
  `{type: 1}` once the index is built; the page script heeds the first of those only). Its Chinese
  segmentation never takes a run of Chinese whole (量子 is searched as 量*): `search_worker` names
  ours instead (assets/javascripts/workers/sigsite-search.js), which runs Material's, hands it the
  index's pages at the first query that is not blank, and each query with its Chinese cut into
  the index's words.
- **Material highlights the tab whose navigation item is `active`**, which MkDocs sets for the page
  being built and its sections only, and hides the navigation sidebar of a page whose `meta.hide`
  holds "navigation" (on wide screens; the drawer of a phone keeps it). A page outside the
  navigation that belongs to a tab (a group's pages: the directory's) gets both (`show_under_tab`).
- **Material's templates** are compiled once for all language builds (`CompiledTemplates`) and
  rendered without the blank lines of their block tags (`compact_templates`); its inline scripts
  live in `partials/javascripts/`, hashed by csp.py.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urlencode

from jinja2 import Environment
from jinja2.utils import htmlsafe_json_dumps
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sigsite.addresses import site_path
from sigsite.languages import DEFAULT
from sigsite.plan.languages import BuildLanguages
from sigsite.render.environment import CompiledTemplates

I18N_PLUGIN = "i18n"
AFTER_SEARCH = -10  # below Material's search (0) and mkdocs-static-i18n (50) in on_page_context


def languages_of(config: MkDocsConfig) -> BuildLanguages:
    """The languages as mkdocs-static-i18n sets them up; one language without it."""
    i18n = config.plugins.get(I18N_PLUGIN)
    directory_urls = config.use_directory_urls
    if i18n is None or not getattr(i18n, "default_language", None):
        locale = str(config.theme.get("language") or DEFAULT)
        return BuildLanguages(locale, locale, (locale,), {locale: ""}, directory_urls)
    default = i18n.default_language
    prefixes = {
        language.locale: "" if language.locale == default else language.link.strip("/") + "/"
        for language in i18n.config.languages
    }
    return BuildLanguages(
        current=i18n.current_language or default,
        default=default,
        built=tuple(i18n.build_languages),
        prefixes=prefixes,
        directory_urls=directory_urls,
    )


def alternate_links(config: MkDocsConfig) -> list[dict[str, str]]:
    """The language switcher's entries as mkdocs-static-i18n configured them (a copy)."""
    i18n = config.plugins.get(I18N_PLUGIN)
    return [dict(entry) for entry in getattr(i18n, "extra_alternate", None) or []]


def list_in_sitemap(config: MkDocsConfig, locale: str, pages: list[File]) -> None:
    """Add generated pages to the sitemap mkdocs-static-i18n writes for every language.

    Its sitemap template lists only the pages it saw in `on_files`, which runs before ours.
    """
    i18n = config.plugins.get(I18N_PLUGIN)
    per_language = getattr(i18n, "i18n_files_per_language", None)
    if per_language is None or locale not in per_language:
        return  # without i18n, MkDocs' own sitemap lists every page
    for page in pages:
        page.alternates = {}  # type: ignore[attr-defined]  # mkdocs-static-i18n's own attribute; published in one language (meetings) or listed per language (years)
    per_language[locale].extend(pages)


def point_switcher(config: MkDocsConfig, targets: dict[str, str]) -> None:
    """Lead the language switcher of the page being rendered to `targets` (locale -> address).

    mkdocs-static-i18n sets `config.extra.alternate` per page; Material reads the attribute, and
    other templates the key: both are kept in step.
    """
    alternates = alternate_links(config)
    if not alternates:
        return
    for entry in alternates:
        entry["link"] = targets.get(entry.get("lang", ""), entry["link"])  # site-relative
    config.extra.alternate = alternates  # type: ignore[attr-defined]
    config.extra["alternate"] = alternates


SEARCH_INDEX = "search/search_index.json"  # Material's page script fetches it on every page load
FULL_SEARCH_INDEX = "search/search_index.full.json"  # our worker fetches it at a visitor's first query
AFTER_I18N_INDEX = -110  # below mkdocs-static-i18n's on_post_build (-100), which writes the index
_CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


def every_language_built(config: MkDocsConfig) -> bool:
    """True in the last `on_post_build` of a build: mkdocs-static-i18n has built every language
    (its `building` flag is set while it builds the others from the default's)."""
    i18n = config.plugins.get(I18N_PLUGIN)
    return i18n is None or not getattr(i18n, "building", False)


def split_search_index(
    config: MkDocsConfig, languages: BuildLanguages, added: list[dict[str, str]] | None = None
) -> None:
    """Give each language root its own search index, with its own pages only, and the entries of
    pages search never saw (`added`: stamped pages); locations become relative to that root, as
    `search_base` makes the language's pages resolve them; in the order of the pages' addresses.

    The index is FULL_SEARCH_INDEX; SEARCH_INDEX, which Material's script fetches, parses and hands
    its worker on every page load, keeps the settings and no pages: our worker fetches the pages
    when a visitor first searches (`search_worker`)."""
    site = Path(config.site_dir)
    combined = site / SEARCH_INDEX
    if not combined.is_file():
        return
    index = json.loads(combined.read_text("utf-8"))
    roots = sorted((p for p in languages.prefixes.values() if p), key=len, reverse=True)
    by_root: dict[str, list[dict[str, object]]] = {root: [] for root in ["", *roots]}
    for doc in [*index["docs"], *(added or [])]:
        location = str(doc["location"])
        root = next((r for r in roots if location.startswith(r)), "")
        by_root[root].append({**doc, "location": location.removeprefix(root)})
    empty = [root or "/" for root, docs in by_root.items() if not docs]
    if empty:  # every language has its home page at least: the index was read before it was whole
        raise PluginError(
            f"sigsite: the search index holds no page of {', '.join(empty)}; this is a bug of sigsite "
            "(its index was split before mkdocs-static-i18n wrote every language's): please report it"
        )
    for root, docs in by_root.items():
        # In the order of the pages' addresses, each page's sections after it, as they came: a
        # stamped page's entries are added last, and search ranks an entry before another it ties with.
        docs.sort(key=lambda doc: str(doc["location"]).partition("#")[0])
        (site / root / SEARCH_INDEX).parent.mkdir(parents=True, exist_ok=True)
        for name, pages in ((FULL_SEARCH_INDEX, docs), (SEARCH_INDEX, [])):
            (site / root / name).write_text(
                json.dumps({**index, "docs": pages}, ensure_ascii=False, separators=(",", ":")), "utf-8"
            )


def search_base(html: str, languages: BuildLanguages) -> str:
    """The page with its `__config` base at its language's root (Material resolves the search
    index and the results' locations against it); unchanged in the default language."""
    prefix = languages.prefix.rstrip("/")
    if not prefix:
        return html

    def at_language_root(match: re.Match[str]) -> str:
        settings = json.loads(match[2])
        settings["base"] = posixpath.join(settings["base"], prefix) + "/"  # a folder: URLs resolve in it
        return match[1] + str(htmlsafe_json_dumps(settings)) + match[3]  # str: Markup would escape the rest

    return _CONFIG_SCRIPT.sub(at_language_root, html, count=1)


SEARCH_WORKER = "sigsite-search.js"  # beside Material's worker: sigsite/assets/javascripts/workers/
_THEME_WORKER = re.compile(r"search\.[0-9a-f]+\.min\.js")


def search_worker(html: str, prefix: str = "") -> str:
    """The page with its `__config` naming our search worker, which runs the theme's (named in its
    query) with each query's Chinese cut into the index's words, and fetches the pages of the index
    of the language root at `prefix` (also named in its query, from the worker's folder) when a
    visitor first searches; unchanged when the theme names a worker of another shape."""

    def ours(match: re.Match[str]) -> str:
        settings = json.loads(match[2])
        folder, name = posixpath.split(str(settings.get("search", "")))
        if not _THEME_WORKER.fullmatch(name):
            return match[0]
        index = posixpath.join(str(settings.get("base", ".")), prefix, FULL_SEARCH_INDEX)
        query = urlencode({"theme": name, "index": posixpath.relpath(index, folder or ".")}, safe="/")
        settings["search"] = posixpath.join(folder, SEARCH_WORKER) + "?" + query
        return match[1] + str(htmlsafe_json_dumps(settings)) + match[3]

    return _CONFIG_SCRIPT.sub(ours, html, count=1)


def show_under_tab(page: Page, nav: Navigation, url: str) -> Page | None:
    """Show `page`, which is in no tab, under the tab of the navigation's page at `url` (site-relative),
    without the sidebar it would leave empty; the tab's page, now marked active, is returned for
    `leave_tab` once the page is rendered (MkDocs unmarks only the page it built)."""
    page.meta["hide"] = [*(page.meta.get("hide") or []), "navigation"]
    tab = next((item for item in nav.pages if site_path(item.url) == url), None)
    if tab is not None:
        tab.active = True  # and its sections, as MkDocs marks the page being built
    return tab


def leave_tab(tab: Page | None) -> None:
    """Unmark the tab `show_under_tab` marked, before the next page is rendered."""
    if tab is not None:
        tab.active = False


def compact_templates(env: Environment, compiled: CompiledTemplates) -> None:
    """Drop the lines that only hold the theme's template tags; compile each template once.

    Material's templates put every `{% if %}` on its own indented line; each page carries those
    blank lines, about 2 KB, thousands of times over. Text and markup stay the same.
    """
    env.trim_blocks = True
    env.lstrip_blocks = True
    env.bytecode_cache = compiled


def name_other_languages(config: MkDocsConfig, texts: dict[str, dict[str, str]]) -> None:
    """Give each language but the default the settings `texts` holds for it (a setting such as
    `site_name` -> locale -> text), where its entry of mkdocs-static-i18n gives none; it applies them
    to its own build of that language (`apply_user_overrides`)."""
    i18n = config.plugins.get(I18N_PLUGIN)
    if i18n is None or not getattr(i18n, "config", None):
        return
    for language in i18n.config.languages:
        for setting, by_locale in texts.items():
            if not language.default and language.get(setting) is None and language.locale in by_locale:
                language[setting] = by_locale[language.locale]
