"""Meeting notes in `meetings/` -> Meeting records, and the other files there -> Attachments."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

from sigsite.cost_limits import check_cost
from sigsite.emails import redact
from sigsite.headings import HeadingTime, parse_heading
from sigsite.links import SAFE_SCHEMES, is_web_url, urls_in
from sigsite.model import Attachment, Meeting, Section
from sigsite.problems import Problem, Problems
from sigsite.reading import first_control_character, read_text, refuse_symlink
from sigsite.schema_check import check_against_schema
from sigsite.yaml_source import LocatedDict, load_yaml

MEETING_FILE = re.compile(r"^(?P<sequence>\d{3,})-(?P<date>\d{8})\.md$")
TEMPLATE_FILES = frozenset({"meeting-template.md"})
NOTE_SUFFIXES = frozenset({".md", ".markdown"})
FRONT_MATTER_LINE = 2  # front matter starts after the opening `---`
DEFAULT_DURATION = 60
MAX_DURATION = 24 * 60
LANGUAGES = ("en", "zh")
VIDEO_HOSTS = ("bilibili.com", "b23.tv", "youtube.com", "youtu.be")
PLACEHOLDERS = frozenset({"todo", "tbd", "post link after meeting"})
EARLIEST, LATEST = date(1970, 1, 1), date(2200, 12, 31)  # dates outside are typing slips
# Addresses of the archive's own pages in meetings/: a note may not take them.
RESERVED_SLUG = re.compile(r"index|\d{4}", re.IGNORECASE)
# Files that browsers show but never run: documents, slides, sheets, images but SVG, media, archives.
ATTACHMENT_SUFFIXES = frozenset(
    ".pdf .ppt .pptx .pps .ppsx .odp .key .doc .docx .odt .rtf .txt .xls .xlsx .ods .csv "
    ".png .jpg .jpeg .gif .webp .avif .bmp .mp4 .webm .mov .m4v .mp3 .m4a .ogg .wav "
    ".zip .7z .tar .gz .tgz .bz2 .xz .rar".split()
)
_FENCE = re.compile(r"^\s*(```|~~~)")
_DATE_IN_NAME = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_SCHEME = r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*):"
# Each pattern is linear: no two quantifiers next to each other can match the same characters.
_LINK_TARGETS = (
    re.compile(r"\]\(\s*(?:<\s*)?" + _SCHEME),  # [text](target) and ![alt](target)
    re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*<?" + _SCHEME),  # [ref]: target
    re.compile(r"<" + _SCHEME + r"[^>\s]*>"),  # <scheme:autolink>
    re.compile(r"\b(?:href|src|action|formaction)\s*=\s*(?:[\"']\s*)?" + _SCHEME, re.IGNORECASE),
)


@dataclass(frozen=True)
class _Note:
    """A note split into its parts, with the line where each starts."""

    front_matter: str | None
    heading: str
    heading_line: int | None
    body: str
    sections: tuple[tuple[Section, int], ...]


def _split_front_matter(text: str, display: str, problems: Problems) -> tuple[str | None, str, int]:
    """(front matter text or None, rest of the file, line where the rest starts)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].strip() in {"---", "..."}:
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    problems.error(
        display,
        1,
        "the front matter that starts on line 1 is never closed",
        "end it with a line holding only '---'",
    )
    return None, text, 1


def _split_note(text: str, display: str, problems: Problems) -> _Note:
    front_matter, rest, first_line = _split_front_matter(text, display, problems)
    heading, heading_line = "", None
    body_lines: list[str] = []
    sections: list[tuple[Section, int]] = []
    current: tuple[str, int] | None = None
    current_lines: list[str] = []
    in_fence = False

    def close_section() -> None:
        if current is not None:
            sections.append((Section(current[0], "\n".join(current_lines).strip("\n")), current[1]))

    for offset, line in enumerate(rest.split("\n")):
        number = first_line + offset
        if _FENCE.match(line):
            in_fence = not in_fence
        if not in_fence and heading_line is None and line.startswith("# "):
            heading, heading_line = line[2:].strip(), number
            continue
        body_lines.append(line)
        if not in_fence and line.startswith("## "):
            close_section()
            current, current_lines = (line[3:].strip(), number), []
        elif current is not None:
            current_lines.append(line)
    close_section()
    return _Note(
        front_matter, heading, heading_line, "\n".join(body_lines).strip("\n") + "\n", tuple(sections)
    )


@cache
def _zone_names() -> frozenset[str]:
    return frozenset(available_timezones())


def zone_named(name: str) -> ZoneInfo | None:
    """The zone of an IANA name; None for anything else (a folder such as `America`, a path)."""
    return ZoneInfo(name) if name in _zone_names() else None


def _in_range(day: date) -> bool:
    return EARLIEST <= day <= LATEST


def _zone_for_offset(offset: timedelta, day: date, default: ZoneInfo) -> ZoneInfo:
    """The site's zone when it has this offset on that day, else a fixed `Etc/GMT` zone."""
    noon = datetime.combine(day, time(12), default)
    if noon.utcoffset() == offset:
        return default
    hours, remainder = divmod(int(offset.total_seconds()), 3600)
    if remainder == 0 and -12 <= hours <= 14:
        return ZoneInfo(f"Etc/GMT{-hours:+d}" if hours else "Etc/UTC")
    return default


def _front_matter_time(value: Any) -> time | None:
    if isinstance(value, int):  # YAML 1.1 reads an unquoted 15:00 as 900 (base 60)
        hours, minutes = divmod(value, 60)
        return time(hours, minutes) if hours < 24 else None
    match = re.fullmatch(r"\s*(\d{1,2})[:.](\d{2})\s*", str(value))
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        return None
    return time(int(match[1]), int(match[2]))


def _duration(value: Any) -> int:
    """Minutes from front matter; the default when absent or invalid (reported by the schema)."""
    valid = isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_DURATION
    return value if valid else DEFAULT_DURATION


def detect_language(text: str) -> str:
    """`zh` when Chinese characters outnumber Latin words, else `en`."""
    return "zh" if len(_CJK.findall(text)) > len(_LATIN_WORD.findall(text)) else "en"


def _check_sections(note: _Note, display: str, problems: Problems) -> None:
    for section, line in note.sections:
        body = section.body.strip()
        if not body:
            problems.warning(
                display,
                line,
                f"section '{section.title}' is empty",
                "write its content or 'None', or remove the heading",
            )
            continue
        for offset, text in enumerate(section.body.split("\n"), start=1):
            bare = text.strip().strip("-*+>_. ").lower()
            if bare in PLACEHOLDERS:
                problems.warning(
                    display,
                    line + offset,
                    f"placeholder text '{text.strip()}' left from the template",
                    "replace it with the real content or remove it",
                )


def _check_heading(
    note: _Note, parsed: HeadingTime, file_date: date | None, display: str, problems: Problems
) -> None:
    if file_date is None or note.heading_line is None:
        return
    if parsed.date and parsed.date != file_date:
        problems.warning(
            display,
            note.heading_line,
            f"the heading says {parsed.date.isoformat()} but the file name says "
            f"{file_date.isoformat()}; the file name wins",
            "correct the heading or rename the file",
        )
    elif parsed.weekday is not None and parsed.weekday != file_date.weekday():
        problems.warning(
            display,
            note.heading_line,
            f"the heading's weekday is not that of {file_date.isoformat()}, a {file_date.strftime('%A')}",
            f"write {file_date.strftime('%A')}",
        )


def _report_unread_heading(note: _Note, display: str, problems: Problems) -> None:
    """A heading that looks like a date and time but is not read: the meeting would lose its time."""
    if note.heading_line is None or not any(char.isdigit() for char in note.heading):
        return
    shown = note.heading if len(note.heading) <= 60 else note.heading[:59] + "…"
    problems.warning(
        display,
        note.heading_line,
        f"the heading '{shown}' is not a date and time sigsite can read, so the meeting is shown "
        "without a time",
        "write it as 'Thursday December 3, 2026 at 10:00 GMT+8' or '2026年12月3日 星期四 10:00 GMT+8', "
        'or add time: "10:00" to the front matter',
    )


def _web_url(front: LocatedDict, key: str, display: str, problems: Problems) -> str | None:
    """A front matter address: http or https with a host, else an error."""
    if not front.get(key):
        return None
    text = str(front[key]).strip()
    if is_web_url(text):
        return text
    problems.error(
        display,
        front.line_of(key),
        f"{key} '{text}' is not a web address",
        "write a full address starting with https://",
    )
    return None


def _slides(front: LocatedDict, attachments: frozenset[str], display: str, problems: Problems) -> str | None:
    """Slides: a web address, or the name of a file in the meetings folder that the site publishes."""
    if not front.get("slides"):
        return None
    text = str(front["slides"]).strip()
    if is_web_url(text) or text in attachments:
        return text
    problems.error(
        display,
        front.line_of("slides"),
        f"slides '{text}' is neither a web address nor a file in the meetings folder",
        "write a full https:// address, or the exact name of a file committed next to the note",
    )
    return None


def _redact_addresses(text: str, public: frozenset[str], display: str, problems: Problems) -> str:
    """The note with personal e-mail addresses withheld, each reported with its line."""
    redacted, hidden = redact(text, public)
    line, position = 1, 0
    for address in hidden:  # in order of position: count only the lines in between
        line += text.count("\n", position, address.start)
        position = address.start
        problems.warning(
            display,
            line,
            f"the personal e-mail address {address.masked} is withheld from the site",
            "remove it from the note; a mailing list's address can be listed under "
            "'public_emails' of the sigsite plugin in mkdocs.yml",
        )
    return redacted


def _check_link_schemes(text: str, display: str, problems: Problems) -> None:
    """Report links whose scheme is not http, https or mailto (e.g. `javascript:`)."""
    in_fence = False
    for number, line in enumerate(text.split("\n"), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
        if in_fence or ":" not in line:  # every pattern ends with the scheme's colon
            continue
        for pattern in _LINK_TARGETS:
            for match in pattern.finditer(line):
                scheme = match["scheme"].lower()
                if scheme not in SAFE_SCHEMES:
                    problems.error(
                        display,
                        number,
                        f"a link uses the '{scheme}:' scheme, which is not allowed",
                        "link only to http, https or mailto addresses",
                        column=match.start("scheme") + 1,
                    )


@dataclass(frozen=True)
class NoteRules:
    """What reading a note needs to know besides the note: the site's settings and the folder."""

    default_zone: ZoneInfo
    today: date | None = None  # notes of later meetings may still have empty sections
    attachments: frozenset[str] = frozenset()  # files of the folder that the site publishes
    public_emails: frozenset[str] = frozenset()  # lower case; shown as written


def _file_date(path: Path, display: str, problems: Problems) -> tuple[re.Match[str] | None, date | None]:
    match = MEETING_FILE.match(path.name)
    if not match:
        return None, None
    try:
        day = datetime.strptime(match["date"], "%Y%m%d").date()
    except ValueError:
        problems.error(
            display,
            None,
            f"'{match['date']}' in the file name is not a real date",
            "name the file NNN-YYYYMMDD.md with the meeting's date",
        )
        return match, None
    if not _in_range(day):
        problems.error(
            display,
            None,
            f"'{match['date']}' in the file name is not a date between {EARLIEST.year} and {LATEST.year}",
            "name the file NNN-YYYYMMDD.md with the meeting's date",
        )
        return match, None
    return match, day


def _front_date(front: LocatedDict, display: str, problems: Problems) -> date | None:
    try:
        day = date.fromisoformat(str(front["date"]))
    except ValueError:
        problems.error(display, front.line_of("date"), f"date '{front['date']}' is not YYYY-MM-DD")
        return None
    if not _in_range(day):
        problems.error(
            display,
            front.line_of("date"),
            f"date {day.isoformat()} is not between {EARLIEST.year} and {LATEST.year}",
            "check the year",
        )
        return None
    return day


def _front_matter(note: _Note, display: str, problems: Problems) -> LocatedDict:
    front: LocatedDict = LocatedDict()
    front.key_lines = {}
    if note.front_matter is None:
        return front
    loaded = load_yaml(note.front_matter, display, problems, first_line=FRONT_MATTER_LINE)
    if isinstance(loaded, LocatedDict):
        check_against_schema(loaded, "meeting", display, problems)
        return loaded
    if loaded is not None:
        problems.error(display, FRONT_MATTER_LINE, "the front matter must be 'key: value' lines")
    return front


def _meeting_zone(
    front: LocatedDict,
    heading: HeadingTime,
    day: date | None,
    rules: NoteRules,
    display: str,
    problems: Problems,
) -> ZoneInfo:
    if "timezone" in front:
        zone = zone_named(str(front["timezone"]))
        if zone is None:
            problems.error(
                display,
                front.line_of("timezone"),
                f"unknown time zone '{front['timezone']}'",
                "use an IANA name such as Asia/Shanghai or Europe/Berlin",
            )
        return zone or rules.default_zone
    if heading.utc_offset is not None and day is not None:
        return _zone_for_offset(heading.utc_offset, day, rules.default_zone)
    return rules.default_zone


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
    text = _redact_addresses(text, rules.public_emails, display, problems)
    note = _split_note(text, display, problems)
    _check_link_schemes(text, display, problems)
    if not check_cost(text, display, problems):
        return None
    front = _front_matter(note, display, problems)
    name_match, file_date = _file_date(path, display, problems)
    day = _front_date(front, display, problems) if "date" in front else file_date
    is_external = bool(front.get("link"))
    if day is None and not is_external:
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
    _check_heading(note, heading, file_date, display, problems)
    if heading == HeadingTime() and "time" not in front:
        _report_unread_heading(note, display, problems)
    if rules.today is None or day is None or day < rules.today:
        _check_sections(note, display, problems)

    zone = _meeting_zone(front, heading, day, rules, display, problems)
    clock = heading.time
    if "time" in front:
        clock = _front_matter_time(front["time"])
        if clock is None:
            problems.error(
                display,
                front.line_of("time"),
                f"time '{front['time']}' is not HH:MM",
                'write it in 24-hour form and quote it: time: "15:00"',
            )
    start = datetime.combine(day, clock, zone) if day and clock else None

    links = urls_in(note.body)
    video = _web_url(front, "video", display, problems) or next(
        (url for url in links if any(host in url for host in VIDEO_HOSTS) and is_web_url(url)), None
    )
    conference = tuple(urls_in(next((s.body for s, _ in note.sections if s.key == "conference links"), "")))
    language = front.get("language")
    if language not in LANGUAGES:  # absent, or wrong and reported by the schema check
        language = detect_language(note.heading + note.body)
    return Meeting(
        source=path.name,
        slug=path.stem,
        title=str(front.get("title") or "").strip(),
        date=day,
        start=start,
        timezone=zone.key,
        duration_minutes=_duration(front.get("duration")),
        sequence=int(name_match["sequence"]) if name_match else None,
        body=note.body,
        sections=tuple(section for section, _ in note.sections),
        language=language,
        video=video,
        slides=_slides(front, rules.attachments, display, problems),
        external_url=_web_url(front, "link", display, problems),
        conference_links=tuple(url for url in conference if url != video and is_web_url(url)),
        summary=str(front.get("summary") or "").strip(),
    )


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


def _publishable_attachment(path: Path, display: str, problems: Problems) -> bool:
    """True for a file type that browsers never run; an error naming the file otherwise."""
    if path.suffix.lower() in ATTACHMENT_SUFFIXES:
        return True
    kind = path.suffix.lower() or "files without an extension"
    problems.error(
        display,
        None,
        f"{kind} files are not published: a browser could run what they hold on the site's address",
        "export slides or pages to PDF, or link to where the file is hosted; the site publishes "
        + ", ".join(sorted(ATTACHMENT_SUFFIXES)),
    )
    return False


def _check_addresses(meetings: list[Meeting], display_folder: str, problems: Problems) -> list[Meeting]:
    """The meetings whose page address is theirs alone; an error for each that is not."""
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
        if not refuse_symlink(path, display, problems):
            continue
        if first_control_character(path.name):
            problems.error(display, None, "the file name holds a control character", "rename the file")
        elif path.is_dir():
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
        attachments=frozenset(a.source for a in attachments),
        public_emails=public_emails,
    )
    cache = cache or NoteCache()
    meetings = [
        meeting
        for path in notes
        if (meeting := cache.parse(path, f"{display_folder}/{path.name}", rules, problems))
    ]
    cache.forget_unused()
    meetings = _check_addresses(meetings, display_folder, problems)
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
