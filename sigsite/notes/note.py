"""One meeting note read into a Meeting: its parts, fields and checks, and its body rendered.

Any failure while reading it becomes a problem of the note, never an exception.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sigsite.cost_limits import check_cost
from sigsite.headings import HeadingTime, parse_heading
from sigsite.languages import CODES, detect_language
from sigsite.links import is_web_url, urls_in
from sigsite.markup.anchors import UnknownFragments
from sigsite.markup.document import render_markdown
from sigsite.model import Meeting
from sigsite.notes import checks, fields
from sigsite.notes.links import NoteLinks
from sigsite.notes.parts import NoteParts, split_note
from sigsite.privacy import warn_withheld, withhold_in_text
from sigsite.problems import FILE_LEFT_OUT, Problems
from sigsite.reading import read_text
from sigsite.search_scope import UNSEARCHED_SECTIONS
from sigsite.yaml_source import LocatedDict

VIDEO_HOSTS = ("bilibili.com", "b23.tv", "youtube.com", "youtu.be")


@dataclass(frozen=True)
class NoteRules:
    """What reading a note needs to know besides the note: the site's settings and the folder."""

    default_zone: ZoneInfo
    today: date | None = None  # notes of later meetings may still have empty sections
    links: NoteLinks = field(default_factory=NoteLinks)  # the notes and published files of the folder
    public_emails: frozenset[str] = frozenset()  # lower case; shown as written
    withheld_links: bool = False  # a withheld address's placeholder links to its line (markup/withheld.py)


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
                topic=FILE_LEFT_OUT,
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
    if language not in CODES:  # absent, or wrong and reported by the schema check
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
            unknown_fragment=UnknownFragments(display, problems).report,  # shown as its text alone
            withheld_links=rules.withheld_links,
        ),
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
