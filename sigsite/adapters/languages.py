"""Which language a build is for, read from mkdocs-static-i18n when the site uses it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

I18N_PLUGIN = "i18n"


@dataclass(frozen=True)
class Languages:
    """The languages of the site and the one being built now."""

    current: str
    default: str
    built: tuple[str, ...]
    prefixes: dict[str, str]  # locale -> site-relative folder, "" for the default language

    @property
    def is_default_build(self) -> bool:
        """True in the build of the default language (the one that owns site-wide files)."""
        return self.current == self.default

    def home_of(self, language: str) -> str:
        """The build that publishes a note written in `language`."""
        return language if language in self.built else self.default

    def url(self, config: MkDocsConfig, locale: str, src_uri: str) -> str:
        """The site-relative URL the docs page `src_uri` has in the tree of `locale`."""
        return _page_url(self.prefixes.get(locale, "") + src_uri, config.use_directory_urls)


@lru_cache(maxsize=16384)  # every meeting's address is asked for in each language's build
def _page_url(src_uri: str, use_directory_urls: bool) -> str:
    """The URL MkDocs gives the page `src_uri`."""
    return File(src_uri, src_dir=None, dest_dir="", use_directory_urls=use_directory_urls).url


def languages_of(config: MkDocsConfig) -> Languages:
    """The languages as mkdocs-static-i18n sets them up; one language without it."""
    i18n = config.plugins.get(I18N_PLUGIN)
    if i18n is None or not getattr(i18n, "default_language", None):
        locale = str(config.theme.get("language") or "en")
        return Languages(current=locale, default=locale, built=(locale,), prefixes={locale: ""})
    default = i18n.default_language
    prefixes = {
        language.locale: "" if language.locale == default else language.link.strip("/") + "/"
        for language in i18n.config.languages
    }
    return Languages(
        current=i18n.current_language or default,
        default=default,
        built=tuple(i18n.build_languages),
        prefixes=prefixes,
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
