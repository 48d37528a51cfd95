"""How often a group meets: the interval its records show, the schedule its README states, and
the next session that schedule makes expected.

A README's sentence is parsed only when it states one frequency, at most one weekday and at most
one start time ("biweekly Thursday 15:00 UTC+8", "每周一上午10点", "on the 3rd Thursday every month
(UTC+8) from 4:00pm to 5:00pm"); a sentence with a choice or a range ("周六或周日", "every 1-2
months", "irregular") is quoted, not parsed. A time is never invented: what the README leaves out
stays out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from statistics import median

from sigsite.markup.commonmark import inline_text, parser

PERIOD_DAYS = {"weekly": 7, "biweekly": 14, "monthly": 30}
_FREQUENCIES = (
    ("biweekly", r"bi-?weekly|every (?:two|2|other) weeks?|fortnightly|每两周|每隔一周|隔周|双周"),
    ("weekly", r"(?<!bi)(?<!bi-)weekly|every week|每周|每星期|周例会"),
    ("monthly", r"monthly|every month|once a month|每月|每个月"),
)
_FREQUENCY = [(key, re.compile(pattern, re.IGNORECASE)) for key, pattern in _FREQUENCIES]
_RANGE = re.compile(
    r"(?<!\d)\d+\s*[-~～到至]\s*\d+\s*(?:周|个?月|weeks?|months?)|irregular|不定期", re.IGNORECASE
)
_UNCLEAR = re.compile(_RANGE.pattern + r"|或|\bor\b|\bas needed\b", re.IGNORECASE)
_WEEKDAYS_EN = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = re.compile(
    r"\b(mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?\b|(?:周|星期|礼拜)([一二三四五六日天])",
    re.IGNORECASE,
)
_ZH_WEEKDAY = "一二三四五六日"
_ORDINAL = re.compile(
    r"\b(1st|2nd|3rd|4th|first|second|third|fourth|last)\b|第([一二三四1-4])个?", re.IGNORECASE
)
_ORDINALS = {
    "1st": 1,
    "first": 1,
    "2nd": 2,
    "second": 2,
    "3rd": 3,
    "third": 3,
    "4th": 4,
    "fourth": 4,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "1": 1,
    "2": 2,
    "3": 3,
    "4": 4,
}
_TIME = re.compile(
    r"(?<![\d:])(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s*(?P<ampm>am|pm)(?![a-z])"
    r"|(?<![\d:])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])"
    r"|(?P<part>上午|下午|晚上|早上|中午)\s*(?P<hzh>\d{1,2})\s*(?:点|时)(?P<half>半)?",
    re.IGNORECASE,
)
_RANGE_BETWEEN = re.compile(r"^\s*(?:to|-|–|~|～|至|到)\s*$", re.IGNORECASE)
_ZONE = re.compile(r"(?:UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?(\d\d))?|北京时间", re.IGNORECASE)
QUOTE_LENGTH = 240
MAX_SENTENCE = 1000  # what is read of a paragraph: a schedule is stated in its first words


@dataclass(frozen=True)
class Schedule:
    """A schedule a README states: `parsed` when it is unambiguous, else only quoted."""

    quote: str  # the sentence as written (plain text)
    file: str  # the README's path in the repository
    line: int  # 1-based
    parsed: bool = False
    frequency: str | None = None  # a key of PERIOD_DAYS
    weekday: int | None = None  # 0 = Monday
    ordinal: int | None = None  # the 3rd Thursday of a month
    start: str | None = None  # HH:MM as written (24 h)
    end: str | None = None
    utc_offset: str | None = None  # +08:00

    def next_on_or_after(self, day: date, last: date | None) -> date | None:
        """The first day on or after `day` the schedule names; None when it names no day (a
        frequency alone) or a biweekly rhythm has no recorded session on its weekday to count from."""
        if not self.parsed or self.weekday is None:
            return None
        if self.frequency == "monthly":
            if self.ordinal is None:
                return None
            month = date(day.year, day.month, 1)
            for _ in range(3):
                candidate = _nth_weekday(month, self.weekday, self.ordinal)
                if candidate >= day:
                    return candidate
                month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
            return None
        ahead = day + timedelta(days=(self.weekday - day.weekday()) % 7)
        if self.frequency == "weekly":
            return ahead
        if last is None or last.weekday() != self.weekday:
            return None
        return ahead if (ahead - last).days % 14 == 0 else ahead + timedelta(days=7)


def _nth_weekday(month: date, weekday: int, ordinal: int) -> date:
    first = month + timedelta(days=(weekday - month.weekday()) % 7)
    return first + timedelta(weeks=ordinal - 1)


@dataclass(frozen=True)
class Cadence:
    """What the records show and what the README says."""

    intervals: tuple[int, ...]  # days between consecutive dated sessions
    stated: tuple[Schedule, ...] = ()

    @property
    def median_interval(self) -> float | None:
        """The median number of days between sessions; None with fewer than two sessions."""
        return median(self.intervals) if self.intervals else None

    @property
    def schedule(self) -> Schedule | None:
        """The schedule the READMEs state unambiguously, if they state one (in one language or the
        same in both); None when they state none, or two that differ."""
        parsed = [s for s in self.stated if s.parsed]
        rules = {(s.frequency, s.weekday, s.ordinal, s.start, s.end, s.utc_offset) for s in parsed}
        return parsed[0] if len(rules) == 1 else None

    def agrees(self) -> bool | None:
        """Whether the records keep the stated rhythm (median interval within a third of it)."""
        schedule, interval = self.schedule, self.median_interval
        if schedule is None or schedule.frequency is None or interval is None:
            return None
        period = PERIOD_DAYS[schedule.frequency]
        return abs(interval - period) <= period / 3


def observed_intervals(days: list[date]) -> tuple[int, ...]:
    """Days between consecutive distinct session dates."""
    ordered = sorted(set(days))
    return tuple((b - a).days for a, b in pairwise(ordered))


def stated_schedules(text: str, file: str) -> tuple[Schedule, ...]:
    """Every paragraph or list item of a README that states how often the group meets."""
    found: list[Schedule] = []
    if not _RANGE.search(text) and not any(pattern.search(text) for _, pattern in _FREQUENCY):
        return ()  # nothing that states a rhythm: no need to parse
    tokens = parser().parse(text)
    for index, token in enumerate(tokens):
        if token.type != "inline" or tokens[index - 1].type != "paragraph_open":
            continue
        sentence = " ".join(inline_text(token).split())[:MAX_SENTENCE]
        if not _RANGE.search(sentence) and not any(pattern.search(sentence) for _, pattern in _FREQUENCY):
            continue
        line = (token.map[0] if token.map else 0) + 1
        found.append(_parsed(sentence[:QUOTE_LENGTH], file, line))
    return tuple(found)


def _parsed(sentence: str, file: str, line: int) -> Schedule:
    quoted = Schedule(sentence, file, line)
    frequencies = {key for key, pattern in _FREQUENCY if pattern.search(sentence)}
    weekdays = {_weekday(m) for m in _WEEKDAY.finditer(sentence)}
    if len(frequencies) != 1 or len(weekdays) > 1 or _UNCLEAR.search(sentence):
        return quoted
    times = list(_TIME.finditer(sentence))
    start = end = None
    if len(times) == 1:
        start = _clock(times[0])
    elif len(times) == 2 and _RANGE_BETWEEN.match(sentence[times[0].end() : times[1].start()]):
        start, end = _clock(times[0]), _clock(times[1])
    elif times:
        return quoted
    ordinals = {_ORDINALS[(m[1] or m[2]).lower()] for m in _ORDINAL.finditer(sentence) if (m[1] or m[2])}
    zone = _ZONE.search(sentence)
    return Schedule(
        sentence,
        file,
        line,
        parsed=True,
        frequency=frequencies.pop(),
        weekday=weekdays.pop() if weekdays else None,
        ordinal=ordinals.pop() if len(ordinals) == 1 else None,
        start=start,
        end=end,
        utc_offset=_offset(zone) if zone else None,
    )


def _weekday(match: re.Match[str]) -> int:
    if match[2]:
        return _ZH_WEEKDAY.index("日" if match[2] == "天" else match[2])
    return next(i for i, name in enumerate(_WEEKDAYS_EN) if name.startswith(match[1].lower()[:3]))


def _clock(match: re.Match[str]) -> str:
    if match["h24"]:
        return f"{int(match['h24']):02d}:{match['m24']}"
    if match["ampm"]:
        hour = int(match["h"]) % 12 + (12 if match["ampm"].lower() == "pm" else 0)
        return f"{hour:02d}:{match['m'] or '00'}"
    hour = int(match["hzh"])
    if match["part"] in {"下午", "晚上"} and hour < 12:
        hour += 12
    return f"{hour:02d}:{'30' if match['half'] else '00'}"


def _offset(match: re.Match[str]) -> str:
    if match[0] == "北京时间":
        return "+08:00"
    return f"{match[1]}{int(match[2]):02d}:{match[3] or '00'}"
