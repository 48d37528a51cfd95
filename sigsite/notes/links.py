"""Where a relative link of a meeting note leads: another note's page or a file of the meetings folder.

The note is read from the meetings folder, so `002-20200611.md` is the next note and
`slides.pdf` a file beside it. A link to anything else would break on the site: an error of the
note, with its line, in `sigsite check` and the build alike.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from sigsite.markup.anchors import pending_fragment
from sigsite.markup.document import Resolve
from sigsite.markup.references import Target
from sigsite.problems import Problems


@dataclass(frozen=True)
class NoteLinks:
    """The files of a meetings folder that a note may link to."""

    notes: frozenset[str] = frozenset()  # file names of the notes
    attachments: frozenset[str] = frozenset()  # file names of the files the site publishes
    withheld: frozenset[str] = frozenset()  # files left out for what they hold, each an error of its own

    def resolver(self, display: str, problems: Problems) -> Resolve:
        """Resolve the links of the note shown as `display`, reporting those that lead nowhere (a
        link to a file left out for what it holds is dropped: the file's own error says why)."""

        def resolve(path: str, fragment: str, line: int | None) -> Target | None:
            target = self.target(path, fragment)
            if target is None and posixpath.normpath(path or ".") not in self.withheld:
                problems.error(
                    display,
                    line,
                    f"the link to '{path}' leads to no note or file of the meetings folder",
                    "link to a note (002-20200611.md) or a file committed next to the note, "
                    "or write a full https:// address",
                )
            return target

        return resolve

    def target(self, path: str, fragment: str = "") -> Target | None:
        """The page or file `path` (relative to the meetings folder) is published as, if any; a
        note's heading named by `fragment` is settled once every note is read (meetings.py)."""
        name = posixpath.normpath(path) if path else "."
        if name == ".":
            return Target("archive")  # a page of the site's own, without the notes' headings
        if name in self.notes:
            return Target("meeting", value=posixpath.splitext(name)[0], fragment=pending_fragment(fragment))
        if name in self.attachments:
            return Target("attachment", value=name)
        return None
