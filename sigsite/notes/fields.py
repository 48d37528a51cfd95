"""The fields of a meeting from its note: front matter, dates, time, zone, addresses.

A value that cannot be used is an error with the line of its key; the caller gets None or
the default, never an exception.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

from sigsite.headings import HeadingTime
from sigsite.links import is_web_url
from sigsite.notes.parts import NoteParts
from sigsite.privacy import withhold_in_data
from sigsite.problems import FILE_LEFT_OUT, Problems
from sigsite.schema_check import check_against_schema
from sigsite.yaml_source import LocatedDict, load_yaml

MEETING_FILE = re.compile(r"^(?P<sequence>\d{3,})-(?P<date>\d{8})\.md$")
FRONT_MATTER_LINE = 2  # front matter starts after the opening `---`
DEFAULT_DURATION = 60
MAX_DURATION = 24 * 60
EARLIEST, LATEST = date(1970, 1, 1), date(2200, 12, 31)  # dates outside are typing slips


@cache
def _zone_names() -> frozenset[str]:
    return frozenset(available_timezones())


def zone_named(name: str) -> ZoneInfo | None:
    """The zone of an IANA name; None for anything else (a folder such as `America`, a path)."""
    return ZoneInfo(name) if name in _zone_names() else None


def _in_range(day: date) -> bool:
    return EARLIEST <= day <= LATEST


def zone_for_offset(offset: timedelta, day: date, default: ZoneInfo) -> ZoneInfo:
    """The site's zone when it has this offset on that day, else a fixed `Etc/GMT` zone."""
    noon = datetime.combine(day, time(12), default)
    if noon.utcoffset() == offset:
        return default
    hours, remainder = divmod(int(offset.total_seconds()), 3600)
    if remainder == 0 and -12 <= hours <= 14:
        return ZoneInfo(f"Etc/GMT{-hours:+d}" if hours else "Etc/UTC")
    return default


def front_matter_time(value: Any) -> time | None:
    """A front matter `time` as a clock time; None when it is not HH:MM."""
    if isinstance(value, int):  # YAML 1.1 reads an unquoted 15:00 as 900 (base 60)
        hours, minutes = divmod(value, 60)
        return time(hours, minutes) if hours < 24 else None
    match = re.fullmatch(r"\s*(\d{1,2})[:.](\d{2})\s*", str(value))
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        return None
    return time(int(match[1]), int(match[2]))


def duration(value: Any) -> int:
    """Minutes from front matter; the default when absent or invalid (reported by the schema)."""
    valid = isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_DURATION
    return value if valid else DEFAULT_DURATION


def web_url(front: LocatedDict, key: str, display: str, problems: Problems) -> str | None:
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


def slides(front: LocatedDict, attachments: frozenset[str], display: str, problems: Problems) -> str | None:
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


def file_date(path: Path, display: str, problems: Problems) -> tuple[re.Match[str] | None, date | None]:
    """(the NNN-YYYYMMDD.md match, its date): an impossible date is an error; (None, None) for other names."""
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
            topic=FILE_LEFT_OUT,
        )
        return match, None
    if not _in_range(day):
        problems.error(
            display,
            None,
            f"'{match['date']}' in the file name is not a date between {EARLIEST.year} and {LATEST.year}",
            "name the file NNN-YYYYMMDD.md with the meeting's date",
            topic=FILE_LEFT_OUT,
        )
        return match, None
    return match, day


def front_date(front: LocatedDict, display: str, problems: Problems) -> date | None:
    """The front matter's `date`; an error and None when it is not a YYYY-MM-DD in range."""
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


def front_matter(note: NoteParts, public: frozenset[str], display: str, problems: Problems) -> LocatedDict:
    """The note's front matter, checked against the meeting schema, personal e-mail addresses
    withheld once YAML has decoded its values; empty when it has none."""
    front: LocatedDict = LocatedDict()
    front.key_lines = {}
    if note.front_matter is None:
        return front
    loaded = load_yaml(note.front_matter, display, problems, first_line=FRONT_MATTER_LINE)
    if isinstance(loaded, LocatedDict):
        check_against_schema(loaded, "meeting", display, problems)
        withhold_in_data(loaded, public, display, problems)
        return loaded
    if loaded is not None:
        problems.error(display, FRONT_MATTER_LINE, "the front matter must be 'key: value' lines")
    return front


def meeting_zone(
    front: LocatedDict,
    heading: HeadingTime,
    day: date | None,
    default_zone: ZoneInfo,
    display: str,
    problems: Problems,
) -> ZoneInfo:
    """The meeting's zone: its `timezone`, else one with the heading's GMT offset, else the site's."""
    if "timezone" in front:
        zone = zone_named(str(front["timezone"]))
        if zone is None:
            problems.error(
                display,
                front.line_of("timezone"),
                f"unknown time zone '{front['timezone']}'",
                "use an IANA name such as Asia/Shanghai or Europe/Berlin",
            )
        return zone or default_zone
    if heading.utc_offset is not None and day is not None:
        return zone_for_offset(heading.utc_offset, day, default_zone)
    return default_zone
