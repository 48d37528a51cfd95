"""The 404 page's text: one section per language the site is built in, each leading to that
language's pages; sigsite.js shows the visitor the section of the language root they were in."""

from __future__ import annotations

from sigsite.plan.languages import BuildLanguages
from sigsite.render.environment import render_template
from sigsite.translations import translator

# A site's way back from a missing page: (label, the page's address in a language's tree).
SIG_SITE_PAGES = (
    ("The SIG's home", ""),
    ("All meetings and their notes", "meetings/"),
    ("Members", "members/"),
)
HUB_PAGES = (("All groups", ""), ("Everyone in the community", "people/"))


def render_not_found(pages: tuple[tuple[str, str], ...], languages: BuildLanguages, site_url: str) -> str:
    """The sections of the 404 page, the default language's first; links absolute (`site_url`),
    since a host serves the page at any missing address."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    sections = []
    for code in sorted(languages.built, key=lambda c: c != languages.default):
        _ = translator(code)
        root = base + languages.prefixes.get(code, "")
        sections.append(
            {
                "code": code,
                "root": root,
                "title": _("Page not found"),
                "text": _(
                    "There is no page at this address. It may have moved when the site was reorganized."
                ),
                "links": [(_(label), root + path) for label, path in pages],
                "hint": _("Use the search at the top of the page to find a page by a word it holds."),
            }
        )
    return render_template("not_found.html", languages.default, for_markdown=False, sections=sections)
