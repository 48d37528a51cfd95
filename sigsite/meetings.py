"""Meeting notes in `meetings/` -> Meeting records, and the other files there -> Attachments."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sigsite.headings import HeadingTime, parse_heading
from sigsite.links import SAFE_SCHEMES, is_safe_url, urls_in
from sigsite.model import Attachment, Meeting, Section
from sigsite.problems import Problems
from sigsite.schema_check import check_against_schema
from sigsite.sources import read_text
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
_FENCE = re.compile(r"^\s*(```|~~~)")
_DATE_IN_NAME = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_SCHEME = r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*):"
_LINK_TARGETS = (
    re.compile(r"\]\(\s*<?\s*" + _SCHEME),  # [text](target) and ![alt](target)
    re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?" + _SCHEME),  # [ref]: target
    re.compile(r"<" + _SCHEME + r"[^>\s]*>"),  # <scheme:autolink>
    re.compile(r"\b(?:href|src|action|formaction)\s*=\s*[\"']?\s*" + _SCHEME, re.IGNORECASE),
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


def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


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


def _safe_url_or_none(value: Any) -> str | None:
    """The value when it is an allowed address; the schema check has reported it otherwise."""
    text = str(value).strip() if value is not None else ""
    return text if is_safe_url(text) else None


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


def parse_meeting(
    path: Path, display: str, default_zone: ZoneInfo, problems: Problems, today: date | None = None
) -> Meeting | None:
    """Read one note; None when it cannot be published (the reason is in `problems`).

    Empty sections and template placeholders are reported only for meetings before `today`
    (all meetings when it is None): a note written ahead of its meeting has no minutes yet.
    """
    text = read_text(path, display, problems)
    if text is None:
        return None
    note = _split_note(text, display, problems)
    _check_link_schemes(text, display, problems)
    front: LocatedDict = LocatedDict()
    front.key_lines = {}
    if note.front_matter is not None:
        loaded = load_yaml(note.front_matter, display, problems, first_line=FRONT_MATTER_LINE)
        if isinstance(loaded, LocatedDict):
            front = loaded
            check_against_schema(front, "meeting", display, problems)
        elif loaded is not None:
            problems.error(display, FRONT_MATTER_LINE, "the front matter must be 'key: value' lines")
    name_match = MEETING_FILE.match(path.name)
    file_date = None
    if name_match:
        try:
            file_date = datetime.strptime(name_match["date"], "%Y%m%d").date()
        except ValueError:
            problems.error(
                display,
                None,
                f"'{name_match['date']}' in the file name is not a real date",
                "name the file NNN-YYYYMMDD.md with the meeting's date",
            )
    day = file_date
    if "date" in front:
        try:
            day = date.fromisoformat(str(front["date"]))
        except ValueError:
            problems.error(display, front.line_of("date"), f"date '{front['date']}' is not YYYY-MM-DD")
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
    if today is None or day is None or day < today:
        _check_sections(note, display, problems)

    zone = default_zone
    if "timezone" in front:
        zone = _zone(str(front["timezone"])) or default_zone
        if zone is default_zone and str(front["timezone"]) != default_zone.key:
            problems.error(
                display,
                front.line_of("timezone"),
                f"unknown time zone '{front['timezone']}'",
                "use an IANA name such as Asia/Shanghai or Europe/Berlin",
            )
    elif heading.utc_offset is not None and day is not None:
        zone = _zone_for_offset(heading.utc_offset, day, default_zone)
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
    video = _safe_url_or_none(front.get("video")) or next(
        (url for url in links if any(host in url for host in VIDEO_HOSTS)), None
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
        heading=note.heading,
        body=note.body,
        sections=tuple(section for section, _ in note.sections),
        language=language,
        video=video,
        slides=str(front["slides"]) if front.get("slides") else None,
        external_url=_safe_url_or_none(front.get("link")),
        conference_links=tuple(url for url in conference if url != video),
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


def load_meetings(
    folder: Path, display_folder: str, default_zone: ZoneInfo, problems: Problems, today: date | None = None
) -> tuple[tuple[Meeting, ...], tuple[Attachment, ...]]:
    """Every meeting (oldest first, undated external sessions last) and every other file."""
    meetings: list[Meeting] = []
    attachments: list[Attachment] = []
    if not folder.is_dir():
        return (), ()
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not path.is_file() or path.name in TEMPLATE_FILES:
            continue
        display = f"{display_folder}/{path.name}"
        if path.suffix.lower() not in NOTE_SUFFIXES:
            attachments.append(_attachment(path))
            continue
        meeting = parse_meeting(path, display, default_zone, problems, today)
        if meeting is not None:
            meetings.append(meeting)
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
