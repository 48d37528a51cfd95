"""Clean the HTML of a rendered meeting note: notes are untrusted and may hold raw HTML."""

from __future__ import annotations

import nh3

from sigsite.links import SAFE_SCHEMES

# nh3's defaults keep formatting, tables and images; add what Markdown and Material emit.
_ATTRIBUTES: dict[str, set[str]] = {
    **{tag: set(attributes) for tag, attributes in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": {"class", "id", "title", "lang", "dir"},
    "time": {"datetime"},
    "details": {"open"},
}


# Built once: nh3 converts the allowed tags and attributes for every clean() call otherwise.
_CLEANER = nh3.Cleaner(
    attributes=_ATTRIBUTES,
    url_schemes=set(SAFE_SCHEMES),
    link_rel=None,  # `target` is never kept, so links need no rel="noopener"
    strip_comments=True,
)


def sanitize_html(html: str) -> str:
    """Drop scripts, event handlers, styles and links whose scheme is not http, https or mailto."""
    return _CLEANER.clean(html)
