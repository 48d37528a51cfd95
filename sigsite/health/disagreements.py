"""Where a group's statements of its leaders or of its minutes differ (statements.py), as warnings
in proportion to the files: each of the first MAX_PLACES places says what it gives and
a few examples of what the others give (examples.py), and one more warning counts the places past
them. A group whose README gives a thousand addresses for its minutes gets nine warnings, not a
thousand that list each other.
"""

from __future__ import annotations

from sigsite.health.examples import clip, some
from sigsite.problems import Problems
from sigsite.statements import Statement

# Places of one kind and group with a warning of their own: every file that may name a group's
# leaders (OWNERS, sig-info.yaml, sig_members.yaml, a README in each language, sig_info.yaml and the
# tables of the community's two READMEs); only sections and lines repeated past them are counted.
MAX_PLACES = 8


def notes_links_differ(found: Problems, links: list[Statement], topic: str) -> None:
    """Where the group's files give different addresses for its minutes: each of the first
    MAX_PLACES says which others differ, and one warning counts the places past them."""
    if len({s.notes_link.rstrip("/").lower() for s in links if s.notes_link}) <= 1:
        return
    fix = "give one address for the minutes everywhere"
    for statement in links[:MAX_PLACES]:
        others = [
            f"{clip(s.notes_link or '')} ({s.file}:{s.line})"
            for s in links
            if s.notes_link != statement.notes_link
        ]
        found.warning(
            statement.file,
            statement.line,
            f"gives the group's meeting notes at {clip(statement.notes_link or '')}, while {some(others)}",
            fix,
            topic=topic,
        )
    _more_places(found, links, "give an address for the group's meeting notes", topic, fix)


def _more_places(found: Problems, places: list[Statement], what: str, topic: str, fix: str) -> None:
    """One warning, at the first of them, for the places past the first MAX_PLACES."""
    rest = places[MAX_PLACES:]
    if rest:
        found.warning(
            rest[0].file,
            rest[0].line,
            f"{len(rest)} more places {what}, not all alike: "
            + some([f"{s.file}:{s.line}" if s.line else s.file for s in rest]),
            fix,
            topic=topic,
        )
