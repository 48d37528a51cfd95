"""What the search index reads of a meeting note: its sections, less the bulky, low-value ones.

Attendee lists and conference links make up much of a note but nobody searches for them. The
plugin gives Material's search the note without them, and puts the whole page in once search has
read it: the index is the same as if the sections were marked `data-search-exclude`, and search
does not parse what it would skip. The trade-off: a search for an attendee's name no longer finds
the meetings they attended.
"""

from __future__ import annotations

import re

from sigsite.model import section_key

UNSEARCHED_SECTIONS = frozenset({"attendees", "conference links"})  # names from model.SECTION_NAMES
_SECTION_START = re.compile(r"(?=<h2\b)")
_HEADING = re.compile(r"<h2\b[^>]*>(.*?)</h2>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def _heading_text(html: str) -> str:
    return section_key(_TAG.sub("", html).replace("¶", ""))


def searched_sections(html: str) -> str:
    """The note's HTML without its unsearched `<h2>` sections, each heading and body."""
    parts = _SECTION_START.split(html)
    kept = [
        part
        for part in parts
        if not ((heading := _HEADING.match(part)) and _heading_text(heading[1]) in UNSEARCHED_SECTIONS)
    ]
    return "".join(kept)
