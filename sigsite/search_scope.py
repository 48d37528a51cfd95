"""Keep bulky, low-value parts of meeting pages out of the search index.

Attendee lists and conference links make up much of a note but nobody searches for them;
Material's search skips elements marked `data-search-exclude`. The trade-off: a search for an
attendee's name no longer finds the meetings they attended.
"""

from __future__ import annotations

import re

from sigsite.model import section_key

UNSEARCHED_SECTIONS = frozenset({"attendees", "conference links"})  # names from model.SECTION_NAMES
_SECTION_START = re.compile(r"(?=<h2\b)")
_HEADING = re.compile(r"<h2\b([^>]*)>(.*?)</h2>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def _heading_text(html: str) -> str:
    return section_key(_TAG.sub("", html).replace("¶", ""))


def exclude_unsearched_sections(html: str) -> str:
    """Mark each unsearched `<h2>` section, heading and body, for the search plugin to skip."""
    parts = _SECTION_START.split(html)
    for index, part in enumerate(parts):
        heading = _HEADING.match(part)
        if heading and _heading_text(heading[2]) in UNSEARCHED_SECTIONS:
            body = part[heading.end() :]
            parts[index] = (
                f"<h2 data-search-exclude{heading[1]}>{heading[2]}</h2><div data-search-exclude>{body}</div>"
            )
    return "".join(parts)
