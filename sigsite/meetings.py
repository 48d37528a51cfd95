"""Meeting notes in `meetings/` -> Meeting records, and the other files there -> Attachments.

`sigsite.notes` reads one note; this module reads the folder, publishes only inert files, and
checks what concerns several notes (addresses, sequence numbers).
"""

from __future__ import annotations

import mimetypes
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sigsite.cost_limits import check_cost
from sigsite.headings import HeadingTime, parse_heading
from sigsite.links import is_web_url, urls_in
from sigsite.markup.document import may_link_locally, render_markdown
from sigsite.model import Attachment, Meeting, Rendered
from sigsite.notes import checks, fields
from sigsite.notes.links import NoteLinks
from sigsite.notes.parts import NoteParts, detect_language, split_note
from sigsite.privacy import refuse_address_in_name, warn_withheld, withhold_in_text
from sigsite.problems import Problem, Problems
from sigsite.reading import read_text, refuse_odd_name, refuse_symlink
from sigsite.search_scope import UNSEARCHED_SECTIONS
from sigsite.yaml_source import LocatedDict

TEMPLATE_FILES = frozenset({"meeting-template.md"})
NOTE_SUFFIXES = frozenset({".md", ".markdown"})
LANGUAGES = ("en", "zh")
VIDEO_HOSTS = ("bilibili.com", "b23.tv", "youtube.com", "youtu.be")
# Addresses of the archive's own pages in meetings/: a note may not take them.
RESERVED_SLUG = re.compile(r"index|\d{4}", re.IGNORECASE)
# Files that browsers show but never run: documents, slides, sheets, images but SVG, media, archives.
ATTACHMENT_SUFFIXES = frozenset(
    ".pdf .ppt .pptx .pps .ppsx .odp .key .doc .docx .odt .rtf .txt .xls .xlsx .ods .csv "
    ".png .jpg .jpeg .gif .webp .avif .bmp .mp4 .webm .mov .m4v .mp3 .m4a .ogg .wav "
    ".zip .7z .tar .gz .tgz .bz2 .xz .rar".split()
)
# What a server may hand out from inside a compressed file, and a browser would run.
ACTIVE_TYPES = frozenset(
    "text/html application/xhtml+xml image/svg+xml text/xml application/xml text/xsl text/javascript "
    "application/javascript application/x-javascript text/css application/x-shockwave-flash application/wasm "
    "text/vtt application/json".split()
)
_DATE_IN_NAME = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


@dataclass(frozen=True)
class NoteRules:
    """What reading a note needs to know besides the note: the site's settings and the folder."""

    default_zone: ZoneInfo
    today: date | None = None  # notes of later meetings may still have empty sections
    links: NoteLinks = field(default_factory=NoteLinks)  # the notes and published files of the folder
    public_emails: frozenset[str] = frozenset()  # lower case; shown as written
    render: bool = True  # False for `sigsite check`: a note is rendered only to check its links


def parse_meeting(
    path: Path,
    display: str,
    default_zone: ZoneInfo,
    problems: Problems,
    today: date | None = None,
    *,
    rules: NoteRules | None = None,
) -> Meeting | None:
    """Read one note; None when it cannot be published (the reason is in `problems`).

    Empty sections and template placeholders are reported only for meetings before `today`
    (all meetings when it is None): a note written ahead of its meeting has no minutes yet.
    Any failure becomes a problem of this file, never an exception.
    """
    rules = rules or NoteRules(default_zone=default_zone, today=today)
    meeting = None
    with problems.reading(display):
        meeting = _parse_meeting(path, display, rules, problems)
    return meeting


def _parse_meeting(path: Path, display: str, rules: NoteRules, problems: Problems) -> Meeting | None:
    text = read_text(path, display, problems)
    if text is None:
        return None
    text = withhold_in_text(text, rules.public_emails, display, problems)
    note = split_note(text, display, problems)
    checks.check_link_schemes(text, display, problems)
    if not check_cost(text, display, problems):
        return None
    front = fields.front_matter(note, rules.public_emails, display, problems)
    name_match, file_date = fields.file_date(path, display, problems)
    day = fields.front_date(front, display, problems) if "date" in front else file_date
    if day is None and not front.get("link"):
        if not name_match:
            problems.error(
                display,
                None,
                "cannot tell the meeting's date",
                "name the file NNN-YYYYMMDD.md (e.g. 005-20221006.md) or add 'date: YYYY-MM-DD' "
                "to its front matter",
            )
        return None
    if front.get("render_macros"):
        problems.warning(
            display,
            front.line_of("render_macros"),
            "'render_macros' is ignored: meeting notes are never rendered as templates",
            "remove the key",
        )
    heading = parse_heading(note.heading)
    checks.check_heading(note, heading, file_date, display, problems)
    if heading == HeadingTime() and "time" not in front:
        checks.report_unread_heading(note, display, problems)
    if rules.today is None or day is None or day < rules.today:
        checks.check_sections(note, display, problems)
    zone = fields.meeting_zone(front, heading, day, rules.default_zone, display, problems)
    video, conference = _recordings_and_calls(note, front, display, problems)
    language = front.get("language")
    if language not in LANGUAGES:  # absent, or wrong and reported by the schema check
        language = detect_language(note.heading + note.body)
    return Meeting(
        source=path.name,
        slug=path.stem,
        title=str(front.get("title") or "").strip(),
        date=day,
        start=_start(front, heading, day, zone, display, problems),
        timezone=zone.key,
        duration_minutes=fields.duration(front.get("duration")),
        sequence=int(name_match["sequence"]) if name_match else None,
        body=note.body,
        rendered=render_markdown(
            note.body,
            rules.links.resolver(display, problems),
            first_line=note.body_line,
            unsearched=UNSEARCHED_SECTIONS,
            public=rules.public_emails,
            withheld=lambda address: warn_withheld(address, display, None, problems),
        )
        if rules.render or may_link_locally(note.body)
        else Rendered(),
        sections=tuple(section for section, _ in note.sections),
        language=language,
        video=video,
        slides=fields.slides(front, rules.links.attachments, display, problems),
        external_url=fields.web_url(front, "link", display, problems),
        conference_links=conference,
        summary=str(front.get("summary") or "").strip(),
    )


def _start(
    front: LocatedDict,
    heading: HeadingTime,
    day: date | None,
    zone: ZoneInfo,
    display: str,
    problems: Problems,
) -> datetime | None:
    """When the meeting starts: the front matter's time, else the heading's; None without either."""
    clock = heading.time
    if "time" in front:
        clock = fields.front_matter_time(front["time"])
        if clock is None:
            problems.error(
                display,
                front.line_of("time"),
                f"time '{front['time']}' is not HH:MM",
                'write it in 24-hour form and quote it: time: "15:00"',
            )
    return datetime.combine(day, clock, zone) if day and clock else None


def _recordings_and_calls(
    note: NoteParts, front: LocatedDict, display: str, problems: Problems
) -> tuple[str | None, tuple[str, ...]]:
    """(the recording: front matter `video` or the first video link; the conference links)."""
    video = fields.web_url(front, "video", display, problems) or next(
        (url for url in urls_in(note.body) if any(host in url for host in VIDEO_HOSTS) and is_web_url(url)),
        None,
    )
    calls = urls_in(next((s.body for s, _ in note.sections if s.key == "conference links"), ""))
    return video, tuple(url for url in calls if url != video and is_web_url(url))


def _attachment(path: Path) -> Attachment:
    match = _DATE_IN_NAME.search(path.name)
    day = None
    if match:
        try:
            day = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            day = None
    return Attachment(source=path.name, size=path.stat().st_size, date=day)


def _sort_key(meeting: Meeting) -> tuple[Any, ...]:
    when = meeting.start.timestamp() if meeting.start else 0.0
    return (meeting.date is None, meeting.date or date.min, when, meeting.sequence or 0, meeting.source)


def is_inert(name: str) -> bool:
    """True for a file a browser shows but never runs: an inert type, and not a compressed page or
    script (a server serves `deck.html.xz` as the HTML inside: `mkdocs serve` does)."""
    if Path(name).suffix.lower() not in ATTACHMENT_SUFFIXES:
        return False
    inner, encoding = mimetypes.guess_type(name, strict=False)
    return encoding is None or inner not in ACTIVE_TYPES


def _publishable_attachment(path: Path, display: str, problems: Problems) -> bool:
    """True for a file type that browsers never run; an error naming the file otherwise."""
    if is_inert(path.name):
        return True
    if path.suffix.lower() in ATTACHMENT_SUFFIXES:
        problems.error(
            display,
            None,
            "a compressed page, image or script is not published: a server hands out what it holds",
            "publish the file uncompressed as PDF, or link to where it is hosted",
        )
        return False
    kind = path.suffix.lower() or "files without an extension"
    problems.error(
        display,
        None,
        f"{kind} files are not published: a browser could run what they hold on the site's address",
        "export slides or pages to PDF, or link to where the file is hosted; the site publishes "
        + ", ".join(sorted(ATTACHMENT_SUFFIXES)),
    )
    return False


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
            )
        elif slug in files:
            problems.error(
                display,
                None,
                f"its page's address, meetings/{meeting.slug}/, is the address of the file {meeting.slug}",
                "rename the note",
            )
        elif slug in first_of:
            problems.error(
                display,
                None,
                f"has the same address, meetings/{meeting.slug}/, "
                f"as {display_folder}/{first_of[slug].source}",
                "rename one of the two files",
            )
        else:
            first_of[slug] = meeting
            kept.append(meeting)
    return kept


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
    folder: Path,
    display_folder: str,
    default_zone: ZoneInfo,
    problems: Problems,
    today: date | None = None,
    *,
    public_emails: frozenset[str] = frozenset(),
    cache: NoteCache | None = None,
    render: bool = True,
) -> tuple[tuple[Meeting, ...], tuple[Attachment, ...]]:
    """Every meeting (oldest first, undated external sessions last) and every other file."""
    if not folder.is_dir() or not refuse_symlink(folder, display_folder, problems):
        return (), ()
    notes: list[Path] = []
    attachments: list[Attachment] = []
    for path in sorted(folder.iterdir()):
        display = f"{display_folder}/{path.name}"
        if path.name.startswith(".") or path.name in TEMPLATE_FILES:
            continue
        if not (
            refuse_symlink(path, display, problems)
            and refuse_odd_name(path.name, display, problems)
            and refuse_address_in_name(path.name, display, problems)
        ):
            continue
        if path.is_dir():
            problems.warning(
                display, None, "folders inside the meetings folder are not read", "move its files up a level"
            )
        elif path.suffix.lower() in NOTE_SUFFIXES:
            notes.append(path)
        elif _publishable_attachment(path, display, problems):
            attachments.append(_attachment(path))
    rules = NoteRules(
        default_zone=default_zone,
        today=today,
        links=NoteLinks(frozenset(p.name for p in notes), frozenset(a.source for a in attachments)),
        public_emails=public_emails,
        render=render,
    )
    cache = cache or NoteCache()
    meetings = [
        meeting
        for path in notes
        if (meeting := cache.parse(path, f"{display_folder}/{path.name}", rules, problems))
    ]
    cache.forget_unused()
    meetings = _check_addresses(meetings, {a.source.lower() for a in attachments}, display_folder, problems)
    sequences = Counter(m.sequence for m in meetings if m.sequence is not None)
    for meeting in meetings:
        if meeting.sequence is not None and sequences[meeting.sequence] > 1:
            problems.warning(
                f"{display_folder}/{meeting.source}",
                None,
                f"sequence number {meeting.sequence:03d} is used by {sequences[meeting.sequence]} files",
                "give each meeting the next free number",
            )
    return tuple(sorted(meetings, key=_sort_key)), tuple(attachments)
