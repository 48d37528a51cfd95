"""A hub group's documents: a page for each, in the build of its own language, under the group's
navigation; the other languages' switcher leads to the group's home."""

from __future__ import annotations

from collections.abc import Callable

from sigsite.addresses import document_page
from sigsite.markup.references import AddressOf
from sigsite.model import Document, Group
from sigsite.plan.languages import BuildLanguages
from sigsite.plan.pages import PlannedPage
from sigsite.render.pages import titled_front_matter


def document_urls(sig: Group, languages: BuildLanguages) -> dict[str, str]:
    """Each document's site-relative URL by slug, in the tree of its language's build."""
    return {
        d.slug: languages.url(languages.home_of(d.language), sig.prefix + document_page(d.slug))
        for d in sig.documents
    }


def document_pages(
    sig: Group,
    languages: BuildLanguages,
    home_urls: dict[str, str],
    address: Callable[[str], AddressOf],
    navigation: Callable[[str], str],
) -> list[PlannedPage]:
    """This language's pages of the group's documents; `home_urls` is the group's home in each
    language, `address` where a page's references lead from its URL, `navigation` the group's
    navigation from a page's URL."""
    pages = []
    for document in sig.documents:
        if languages.home_of(document.language) != languages.current:
            continue  # published once, by the build of its own language
        source = sig.prefix + document_page(document.slug)
        url = languages.url(languages.current, source)
        pages.append(
            PlannedPage(
                {**home_urls, languages.current: url},
                src_uri=languages.prefix + source,
                markdown=_markdown(document, sig.name),
                content=document.rendered,
                address=address(url),
                before=navigation(url),
            )
        )
    return pages


def _markdown(document: Document, group: str) -> str:
    """Our front matter alone: the theme shows the title (without markup characters, as the theme
    prints it unescaped) as the page's h1; the document itself is put in after Markdown has run."""
    title = document.title if group.casefold() in document.title.casefold() else f"{document.title} · {group}"
    return titled_front_matter(title, title, render_macros=False)
