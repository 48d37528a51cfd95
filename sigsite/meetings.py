"""Meeting notes in `meetings/` -> Meeting records, and the other files there -> Attachments.

`sigsite.notes` reads one note; this module reads the folder, publishes only inert files, and
checks what concerns several notes (addresses, sequence numbers).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sigsite.attachments import attachment, publishable
from sigsite.markup.anchors import Outbound, UnknownFragments
from sigsite.markup.outbound import settle_links
from sigsite.model import Attachment, Meeting
from sigsite.notes.links import NoteLinks
from sigsite.notes.note import NoteRules, parse_meeting
from sigsite.privacy import masked, refuse_address_in_file, refuse_unpublishable_name
from sigsite.problems import FILE_LEFT_OUT, Problem, Problems
from sigsite.reading import refuse_symlink

TEMPLATE_FILES = frozenset({"meeting-template.md"})
NOTE_SUFFIXES = frozenset({".md", ".markdown"})
# Addresses of the archive's own pages in meetings/: a note may not take them.
RESERVED_SLUG = re.compile(r"index|\d{4}", re.IGNORECASE)


def meeting_order(meeting: Meeting) -> tuple[Any, ...]:
    """Oldest first, by date and time; undated sessions last."""
    when = meeting.start.timestamp() if meeting.start else 0.0
    return (meeting.date is None, meeting.date or date.min, when, meeting.sequence or 0, meeting.source)


def _check_addresses(
    meetings: list[Meeting], files: set[str], display_folder: str, problems: Problems
) -> list[Meeting]:
    """The meetings whose page address is theirs alone (not another note's, not a published file's
    of the same name, `x.pdf.md` against `x.pdf`); an error for each that is not."""
    kept: list[Meeting] = []
    first_of: dict[str, Meeting] = {}
    for meeting in meetings:
        display = f"{display_folder}/{meeting.source}"
        slug = meeting.slug.lower()
        if meeting.is_external:
            kept.append(meeting)  # no page of its own
        elif RESERVED_SLUG.fullmatch(slug):
            problems.error(
                display,
                None,
                f"the address meetings/{meeting.slug}/ belongs to the archive's own pages",
                "name the file NNN-YYYYMMDD.md",
                topic=FILE_LEFT_OUT,
            )
        elif slug in files:
            problems.error(
                display,
                None,
                f"its page's address, meetings/{meeting.slug}/, is the address of the file {meeting.slug}",
                "rename the note",
                topic=FILE_LEFT_OUT,
            )
        elif slug in first_of:
            problems.error(
                display,
                None,
                f"has the same address, meetings/{meeting.slug}/, "
                f"as {display_folder}/{first_of[slug].source}",
                "rename one of the two files",
                topic=FILE_LEFT_OUT,
            )
        else:
            first_of[slug] = meeting
            kept.append(meeting)
    return kept


def _settled(meetings: list[Meeting], display_folder: str, problems: Problems) -> list[Meeting]:
    """The notes with their links to another note's heading settled (markup/outbound.py): to the
    heading the fragment names, else to the top of that note's page, with a warning."""
    anchors = {m.slug: m.rendered.anchors for m in meetings if not m.is_external}

    def settle(meeting: Meeting) -> Meeting:
        unknown = UnknownFragments(f"{display_folder}/{meeting.source}", problems)

        def fragment_of(link: Outbound) -> str:
            named = anchors.get(link.target.value) if link.target.kind == "meeting" else None
            if named is None:  # no note's page: the link has no heading to lead to
                return ""
            found = named.find(link.fragment)
            if found is None:
                unknown.report(link.fragment, link.line, link.path)
            return "#" + found if found is not None else ""

        return replace(meeting, rendered=settle_links(meeting.rendered, fragment_of))

    return [settle(m) for m in meetings]


class NoteCache:
    """Notes read in an earlier load, kept while their file and the rules are unchanged.

    `mkdocs serve` loads the SIG again after every save: only the notes that changed are read.
    """

    def __init__(self) -> None:
        self._entries: dict[tuple[Any, ...], tuple[Meeting | None, tuple[Problem, ...]]] = {}
        self._used: dict[tuple[Any, ...], tuple[Meeting | None, tuple[Problem, ...]]] = {}

    def parse(self, path: Path, display: str, rules: NoteRules, problems: Problems) -> Meeting | None:
        """`parse_meeting`, or what it gave for the same file, size, time and rules."""
        stat = path.lstat()
        key = (path.name, stat.st_size, stat.st_mtime_ns, rules)
        if key not in self._entries:
            found = Problems()
            meeting = parse_meeting(path, display, rules.default_zone, found, rules=rules)
            self._entries[key] = (meeting, tuple(found.items))
        meeting, reported = self._used[key] = self._entries[key]
        problems.items.extend(reported)
        return meeting

    def forget_unused(self) -> None:
        """Keep only the notes of the last load: deleted and edited versions go."""
        self._entries, self._used = self._used, {}


def load_meetings(
    folder: Path | None,
    display_folder: str,
    default_zone: ZoneInfo,
    problems: Problems,
    today: date | None = None,
    *,
    public_emails: frozenset[str] = frozenset(),
    cache: NoteCache | None = None,
    withheld: list[str] | None = None,
    withheld_links: bool = False,
) -> tuple[tuple[Meeting, ...], tuple[Attachment, ...]]:
    """Every meeting (oldest first, undated external sessions last) and every other file; nothing
    when `folder` is None (left out by the caller) or absent. The names of the files left out for
    what they hold (an address, or what cannot be looked into) are added to `withheld`. With
    `withheld_links`, a withheld address's placeholder in a note links to its line."""
    if folder is None or not refuse_symlink(folder, display_folder, problems):
        return (), ()
    if folder.is_file():
        problems.error(
            display_folder,
            None,
            "is a file where the meetings folder belongs, so it is left out",
            "move the file, and keep the notes in a folder of this name",
            topic=FILE_LEFT_OUT,
        )
        return (), ()
    if not folder.is_dir():
        return (), ()
    notes: list[Path] = []
    attachments: list[Attachment] = []
    left_out: list[str] = []  # files refused for what they hold: a note's link to one says nothing more
    for path in sorted(folder.iterdir()):
        display = masked(f"{display_folder}/{path.name}")  # a name with an address is refused, masked
        if path.name.startswith(".") or path.name in TEMPLATE_FILES:
            continue
        if not (
            refuse_symlink(path, display, problems)
            and refuse_unpublishable_name(path.name, display, problems)
        ):
            continue
        if path.is_dir():
            problems.warning(
                display, None, "folders inside the meetings folder are not read", "move its files up a level"
            )
        elif path.suffix.lower() in NOTE_SUFFIXES:
            notes.append(path)
        elif publishable(path, display, problems):
            if refuse_address_in_file(path, display, public_emails, problems):
                attachments.append(attachment(path))
            else:
                left_out.append(path.name)
    rules = NoteRules(
        default_zone=default_zone,
        today=today,
        links=NoteLinks(
            frozenset(p.name for p in notes), frozenset(a.source for a in attachments), frozenset(left_out)
        ),
        public_emails=public_emails,
        withheld_links=withheld_links,
    )
    cache = cache or NoteCache()
    meetings = [
        meeting
        for path in notes
        if (meeting := cache.parse(path, f"{display_folder}/{path.name}", rules, problems))
    ]
    cache.forget_unused()
    if withheld is not None:
        withheld.extend(left_out)
    meetings = _check_addresses(meetings, {a.source.lower() for a in attachments}, display_folder, problems)
    meetings = _settled(meetings, display_folder, problems)
    sequences = Counter(m.sequence for m in meetings if m.sequence is not None)
    for meeting in meetings:
        if meeting.sequence is not None and sequences[meeting.sequence] > 1:
            problems.warning(
                f"{display_folder}/{meeting.source}",
                None,
                f"sequence number {meeting.sequence:03d} is used by {sequences[meeting.sequence]} files",
                "give each meeting the next free number",
            )
    return tuple(sorted(meetings, key=meeting_order)), tuple(attachments)
