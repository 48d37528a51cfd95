"""What the search index reads of a meeting note: its sections, less the bulky, low-value ones.

Attendee lists and conference links make up much of a note but nobody searches for them, so the
renderer leaves them out of the text search reads (markup/document.py); the page shows them. The
trade-off: a search for an attendee's name does not find the meetings they attended.
"""

from __future__ import annotations

UNSEARCHED_SECTIONS = frozenset({"attendees", "conference links"})  # names from model.SECTION_NAMES
