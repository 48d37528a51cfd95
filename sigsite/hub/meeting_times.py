"""When a session was held: the time its record states, else the time its group's README states
for its meetings, when the session keeps that rhythm.

A record found outside `meetings/` (records.py) is dated by its path; its own time is read from its
title, as a note's H1 is ("Thursday June 4, 2020 at 15:00 GMT+8"), or from one of its first lines
that a label opens ("Duration: 2020/Dec/17 16:00 ~ 17:00 (UTC +08:00)", "时间：14:00-16:00"): one
start, an end if a second time follows, and a UTC offset if it gives one (else the hub's zone, as
for a note's heading). A date on that line that is not the record's own is a warning with its
line, and the time is left out.

A session that states no time (a record, or a note whose heading gives none) takes the one its
group's README states only when the README states one unambiguous schedule (cadence.Schedule) with
a weekday, a start and a UTC offset, and the session falls on that weekday and rhythm: the stated
week of the month, or the fortnight most of the group's sessions on that weekday keep. It is then
marked with the README's line (Meeting.time_from); any other session stays a date.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sigsite.headings import MAX_UTC_OFFSET, MIN_UTC_OFFSET, MONTHS, parse_heading
from sigsite.health.cadence import Cadence, Schedule, stated_schedules
from sigsite.hub.records import date_in
from sigsite.languages import whole_words, words_of
from sigsite.model import Meeting, Readme
from sigsite.notes.fields import DEFAULT_DURATION, MAX_DURATION, zone_for_offset
from sigsite.problems import Problems, printable

MAX_LINES = 40  # lines of a record read for its time: a record states it near its start
MAX_LINE = 300  # characters of a line read
# A label at a line's start, after list or quote marks and emphasis ("* **Time**:"); read in the
# NFKC form of the line, so a full-width colon is a colon.
_LABEL = re.compile(
    rf"^[ \t>*_+-]{{0,8}}(?:{whole_words(words_of('time_labels'))})[ \t*_]{{0,4}}:[ \t]*",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"(?<![\d:])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])(?:[ \t]?([ap])\.?m\b\.?)?", re.IGNORECASE)
_ZONE = re.compile(r"\b(?:UTC|GMT)[ \t]{0,3}([+-])[ \t]{0,3}(\d{1,2})(?::?(\d\d))?(?!\d)", re.IGNORECASE)
_NAMED_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/. ]([A-Za-z]{3,9})\.?[-/. ](\d{1,2})(?!\d)")


@dataclass(frozen=True)
class StatedTime:
    """A time a record states: its start, aware, and its length when it states an end."""

    start: datetime
    minutes: int | None = None


def stated_time(
    title: str, body: str, day: date, zone: ZoneInfo, display: str, problems: Problems
) -> StatedTime | None:
    """The time a record dated `day` states in its title or its first lines; None when it states
    none, or states it on a line dated another day (a warning to `problems`, named `display`)."""
    heading = parse_heading(title)
    if heading.time is not None and heading.date in {None, day}:
        here = zone_for_offset(heading.utc_offset, day, zone) if heading.utc_offset is not None else zone
        return StatedTime(datetime.combine(day, heading.time, here))
    for number, line in enumerate(body.splitlines()[:MAX_LINES], start=1):
        plain = unicodedata.normalize("NFKC", line[:MAX_LINE])
        label = _LABEL.match(plain)
        if label is None:
            continue
        rest = plain[label.end() :]
        zone_match = _ZONE.search(rest)
        offset = _offset(zone_match) if zone_match else None
        unzoned = _ZONE.sub(" ", rest)  # `+08:00` is no time of day
        clocks = [c for m in _CLOCK.finditer(unzoned) if (c := _clock(m)) is not None]
        if not clocks or len(clocks) > 2:
            continue
        dates = {d for d in (date_in(rest), _named_date(rest), parse_heading(rest).date) if d is not None}
        if dates - {day}:
            problems.warning(
                display,
                number,
                printable(
                    f"the time this line states is dated {min(dates - {day}).isoformat()}, but the record "
                    f"is dated {day.isoformat()} by its path; the time is left out"
                ),
                "correct the date on this line, or the date in the file's or its folder's name",
            )
            return None
        here = zone_for_offset(offset, day, zone) if offset is not None else zone
        start = datetime.combine(day, clocks[0], here)
        end = datetime.combine(day, clocks[1], here) if len(clocks) == 2 else None
        minutes = int((end - start).total_seconds() // 60) if end is not None and end > start else None
        return StatedTime(start, minutes)
    return None


def _clock(match: re.Match[str]) -> time | None:
    hour, minute, meridiem = int(match[1]), int(match[2]), (match[3] or "").lower()
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    return time(hour, minute) if hour < 24 else None


def _offset(match: re.Match[str]) -> timedelta | None:
    """`UTC +08:00` as an offset; None for one no clock keeps (`UTC+99`)."""
    hours, minutes = int(match[2]), int(match[3] or 0)
    offset = (-1 if match[1] == "-" else 1) * timedelta(hours=hours, minutes=minutes)
    return offset if minutes < 60 and MIN_UTC_OFFSET <= offset <= MAX_UTC_OFFSET else None


def _named_date(text: str) -> date | None:
    """A date written with its month's name between the year and the day: `2020/Dec/17`."""
    match = _NAMED_DATE.search(text)
    month = MONTHS.get(match[2].lower()) if match else None
    if match is None or month is None:
        return None
    try:
        return date(int(match[1]), month, int(match[3]))
    except ValueError:
        return None


def with_stated_time(record: Meeting, zone: ZoneInfo, display: str, problems: Problems) -> Meeting:
    """A record with the time it states, if it states one (`display` names its file)."""
    if record.date is None or record.start is not None:
        return record
    stated = stated_time(record.title, record.body, record.date, zone, display, problems)
    if stated is None:
        return record
    minutes = stated.minutes if stated.minutes is not None and stated.minutes <= MAX_DURATION else None
    return replace(
        record,
        start=stated.start,
        timezone=str(stated.start.tzinfo),
        duration_minutes=minutes or DEFAULT_DURATION,
    )


def readme_schedule(readmes: tuple[Readme, ...]) -> Schedule | None:
    """The one schedule a group's READMEs state unambiguously (cadence.Cadence.schedule), if any.
    What they state that cannot be a time is health's to report (health/summary.py reads them too)."""
    stated = tuple(s for r in readmes for s in stated_schedules(r.text, r.path, Problems()))
    return Cadence((), stated).schedule


def with_readme_times(
    meetings: tuple[Meeting, ...], schedule: Schedule | None, zone: ZoneInfo
) -> tuple[Meeting, ...]:
    """The meetings of one group, those that state no time but fall on the `schedule` its README
    states given its time, marked as taken from the README; the others as they are."""
    if (
        schedule is None
        or not schedule.parsed
        or schedule.weekday is None
        or schedule.start is None
        or schedule.utc_offset is None
    ):
        return meetings
    weekday = schedule.weekday
    on_day = [m.date for m in meetings if m.date is not None and m.date.weekday() == weekday]
    phase = _fortnight(on_day) if schedule.frequency == "biweekly" else None
    offset = _utc_offset(schedule.utc_offset)
    start, end = _hh_mm(schedule.start), _hh_mm(schedule.end) if schedule.end else None
    source = f"{schedule.file}:{schedule.line}"
    timed = []
    for meeting in meetings:
        day = meeting.date
        if (
            day is None
            or meeting.start is not None
            or meeting.is_external
            or day.weekday() != weekday
            or (schedule.frequency == "biweekly" and (phase is None or _week(day) % 2 != phase))
            or (schedule.ordinal is not None and (day.day - 1) // 7 + 1 != schedule.ordinal)
        ):
            timed.append(meeting)
            continue
        here = zone_for_offset(offset, day, zone)
        begins = datetime.combine(day, start, here)
        ends = datetime.combine(day, end, here) if end else None
        minutes = int((ends - begins).total_seconds() // 60) if ends and ends > begins else DEFAULT_DURATION
        timed.append(
            replace(meeting, start=begins, timezone=str(here), duration_minutes=minutes, time_from=source)
        )
    return tuple(timed)


def _week(day: date) -> int:
    """The number of the week (Monday to Sunday) `day` falls in, counted from the calendar's start."""
    return (day.toordinal() - 1) // 7


def _fortnight(days: list[date]) -> int | None:
    """Which of two alternating weeks (0 or 1) most of `days` fall in; None when as many fall in
    each, or there is no day: then no fortnight is known."""
    counts = Counter(_week(day) % 2 for day in days)
    if counts[0] == counts[1]:
        return None
    return 0 if counts[0] > counts[1] else 1


def _utc_offset(text: str) -> timedelta:
    """`+08:00` (as cadence.Schedule writes it) as an offset."""
    sign = -1 if text.startswith("-") else 1
    hours, minutes = text[1:].split(":")
    return sign * timedelta(hours=int(hours), minutes=int(minutes))


def _hh_mm(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))
