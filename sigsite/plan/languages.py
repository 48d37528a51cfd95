"""The languages of one build: which are built, where each one's pages live, which is being built."""

from __future__ import annotations

from dataclasses import dataclass

from sigsite.addresses import page_url


@dataclass(frozen=True)
class BuildLanguages:
    """The languages of the site and the one being built now (mkdocs-static-i18n builds each)."""

    current: str
    default: str
    built: tuple[str, ...]
    prefixes: dict[str, str]  # code -> site-relative folder, "" for the default language
    directory_urls: bool = True

    @property
    def is_default_build(self) -> bool:
        """True in the build of the default language (the one that publishes site-wide files)."""
        return self.current == self.default

    @property
    def prefix(self) -> str:
        """The folder of the language being built."""
        return self.prefixes.get(self.current, "")

    def home_of(self, language: str) -> str:
        """The build that publishes a note written in `language`."""
        return language if language in self.built else self.default

    def url(self, code: str, src_uri: str) -> str:
        """The site-relative URL the page `src_uri` has in the tree of the language `code`."""
        return page_url(self.prefixes.get(code, "") + src_uri, self.directory_urls)

    def switcher(self, src_uri: str) -> dict[str, str]:
        """The page `src_uri` in every built language: where the language switcher leads."""
        return {code: self.url(code, src_uri) for code in self.built}
