"""A link that leads to a page in another language says so: `hreflang`, and that language's own name
beside it ("中文" on an English page, "English" on a Chinese one).

A meeting note, a record and a document are published once, in the tree of the language they are
written in (`zh/…` for Chinese), and every page links to them where they are: a Chinese record from
an English group's card, an English note from a Chinese archive. Whatever made the link (a block
of ours, a README's reference), the page's finished HTML tells it: a link to a page (an address
ending in `/` or `.html`) in another language's tree, or one already marked with `hreflang` (the
archive's, which knows a note's language). Links to files (slides, images, feeds), to other sites
and within the page are left as they are.

The HTML is ours or the sanitizer's: every attribute in double quotes, `<` and `>` escaped inside
them, links never nested. One pass over it, linear in its length.
"""

from __future__ import annotations

import html
import posixpath
import re
from functools import lru_cache
from urllib.parse import urlsplit

from markupsafe import escape

from sigsite.languages import LANGUAGES
from sigsite.plan.languages import BuildLanguages

_LINK = re.compile(r"<a\s[^>]*>")  # a start tag: a `>` inside an attribute is always escaped
_HREF = re.compile(r'\shref="([^"]*)"')
_HREFLANG = re.compile(r'\shreflang="([^"]*)"')
_END = "</a>"
_NO_PAGE_HERE = ("https://", "http://", "mailto:", "#")  # as written: another site, or this page


def mark_other_languages(markup: str, page_url: str, languages: BuildLanguages) -> str:
    """`markup`, a page's content at the site-relative `page_url` in the language being built, with
    each link to a page in another language marked: `hreflang` and, after it, that language's name
    (`<span class="sig-lang" lang="zh">中文</span>`)."""
    if "<a" not in markup:
        return markup
    folder = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    # Each language's folder, longest first: worked out once a page, not once a link.
    roots = tuple(
        sorted(((p, code) for code, p in languages.prefixes.items() if p), key=lambda r: -len(r[0]))
    )
    parts: list[str] = []
    done = 0
    for match in _LINK.finditer(markup):
        if match.start() < done:
            continue  # inside a link already marked (none are nested; a stray tag is let be)
        tag = match[0]
        written = _HREFLANG.search(tag)
        if written:
            language: str | None = written[1]
        else:
            address = _HREF.search(tag)
            language = _language_of(address[1], folder, roots, languages.default) if address else None
        if language is None or language == languages.current or language not in LANGUAGES:
            continue
        end = markup.find(_END, match.end())
        if end == -1:
            continue
        end += len(_END)
        marked = tag if written else f'{tag[:-1]} hreflang="{escape(language)}">'
        name = escape(LANGUAGES[language].name or language)
        parts += [
            markup[done : match.start()],
            marked,
            markup[match.end() : end],
            f' <span class="sig-lang" lang="{escape(language)}">{name}</span>',
        ]
        done = end
    return "".join(parts) + markup[done:] if parts else markup


@lru_cache(maxsize=8_192)
def _language_of(href: str, folder: str, roots: tuple[tuple[str, str], ...], default: str) -> str | None:
    """The language of the page a link's address (`href`, as the start tag writes it) leads to from
    `folder`: the tree its address is in (`roots`: each language's folder and code, longest first;
    else `default`); None for anything but a page of this site. Remembered: a page of repositories
    links the same few people hundreds of times."""
    if href.startswith(_NO_PAGE_HERE):
        return None
    try:
        parts = urlsplit(html.unescape(href))
    except ValueError:
        return None
    path = parts.path
    if parts.scheme or parts.netloc or not path or path.startswith("/"):
        return None  # another site, this page, or an address from the host's root (the 404 page's)
    if not (path.endswith(("/", ".html")) or path in {".", ".."}):
        return None  # a file: slides, an image, a feed
    target = posixpath.normpath(posixpath.join(folder, path))
    if target == ".." or target.startswith("../"):
        return None  # above the site's root
    target = "" if target == "." else target + "/"
    return next((code for prefix, code in roots if target.startswith(prefix)), default)
