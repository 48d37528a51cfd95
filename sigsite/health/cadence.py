"""How often a group meets: the interval its records show, the schedule its README states, and
the next session that schedule makes expected.

A README's sentence is parsed only when it states one frequency, at most one weekday and at most
one start time ("biweekly Thursday 15:00 UTC+8", "每周一上午10点", "on the 3rd Thursday every month
(UTC+8) from 4:00pm to 5:00pm"); a sentence with a choice or a range ("周六或周日", "every 1-2
months", "irregular") is quoted, not parsed. A time is never invented: what the README leaves out
stays out, and a time or zone that cannot be one ("UTC+99", "下午25点") is a warning with its line,
and the schedule is read without it.

A weekday is a day's name (`Thursday`, `Thursdays`, `周四`), or an abbreviation no English word
spells (`Thu`, `Thurs.`, `Weds`); `Mon`, `Wed`, `Sat` and `Sun` are words too ("the sun never
sets"), so they name a day only before a time or in a range of days (`Sat 10:00`, `Mon-Fri`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise
from statistics import median

from markdown_it.token import Token

from sigsite.headings import MAX_UTC_OFFSET, MIN_UTC_OFFSET
from sigsite.health.examples import clip
from sigsite.health.sections import inline, outline
from sigsite.languages import keyword, named_by_every_language, whole_words
from sigsite.markup.commonmark import inline_text
from sigsite.problems import Problem, Problems

PERIOD_DAYS = {"weekly": 7, "biweekly": 14, "monthly": 30}
# Every language's words for each frequency (vocabulary.py), found in one left-to-right scan: where
# one word holds another, the longer is found and the shorter inside it is not (`双周例会` says
# biweekly, not also weekly).
_FREQUENCY_OF = {
    word.casefold(): key
    for key, words in named_by_every_language("frequency_words").items()
    for word in words
    if key in PERIOD_DAYS
}
_FREQUENCY = re.compile(whole_words(tuple(_FREQUENCY_OF)), re.IGNORECASE)
_RANGE = re.compile(
    r"(?<!\d)\d+\s*[-~～到至]\s*\d+\s*(?:周|个?月|weeks?|months?)|irregular|不定期", re.IGNORECASE
)
_EN_DAY = r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?"
_ZH_DAY = r"(?:周|星期|礼拜)[一二三四五六日天]"
_DAY_RANGE = (  # Mon-Fri, 周一至周五: no one day
    rf"{_EN_DAY}[ \t]?[-–~～][ \t]?{_EN_DAY}"
    rf"|{_ZH_DAY}[ \t]?[-–~～至到][ \t]?(?:周|星期|礼拜)?[一二三四五六日天]"
)
_UNCLEAR = re.compile(_RANGE.pattern + r"|或|\bor\b|\bas needed\b|" + _DAY_RANGE, re.IGNORECASE)
_WEEKDAYS_EN = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = re.compile(
    r"\b(?:(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b"
    r"|(tues?|weds|thu|thur|thurs|fri)\b"
    r"|(mon|wed|sat|sun)\b(?=\.?,?[ \t]?(?:at[ \t])?\d))"  # words too: a day only before a time
    r"|(?:周|星期|礼拜)([一二三四五六日天])(?![次个])",  # 每周一次 is "once a week"
    re.IGNORECASE,
)
_ZH_WEEKDAY = "一二三四五六日"
_ORDINAL = re.compile(
    r"\b(1st|2nd|3rd|4th|first|second|third|fourth|last)\b|第([一二三四1-4])个?", re.IGNORECASE
)  # "last" is read, to quote the sentence: no day is counted from a month's end
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
    r"|(?P<part>上午|下午|晚上|早上|中午)\s*(?P<hzh>\d{1,2})\s*(?:点|时)"
    r"(?:(?P<half>半)|(?P<mzh>[0-5]?\d)[ \t]?分)?",  # 下午3点半, 下午16点30分
    re.IGNORECASE,
)
_RANGE_BETWEEN = re.compile(r"^\s*(?:to|-|–|~|～|至|到)\s*$", re.IGNORECASE)
_ZONE = re.compile(r"(?:UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?(\d\d))?|北京时间", re.IGNORECASE)
QUOTE_LENGTH = 240
MAX_SENTENCE = 1000  # what is read of a paragraph: a schedule is stated in its first words
MAX_SCHEDULES = 8  # what is read of a README: a group states its rhythm once or twice


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


def stated_schedules(text: str, file: str, problems: Problems) -> tuple[Schedule, ...]:
    """The paragraphs or list items of a README that state how often the group meets (at most
    MAX_SCHEDULES); a time or zone that cannot be one is a warning to `problems`.

    A heading that states a rhythm is read with the sentences below it: one that contradicts
    itself (`周例会（双周例会）`, weekly and biweekly) is quoted, and so is a sentence that states
    another rhythm than its heading (`## Weekly meeting`, then "every two weeks").

    Remembered with what it said: the hub reads each README's schedule when it loads the group,
    and its health again."""
    schedules, said = _stated_schedules(text, file)
    problems.items.extend(said)
    return schedules


@lru_cache(maxsize=1_024)
def _stated_schedules(text: str, file: str) -> tuple[tuple[Schedule, ...], tuple[Problem, ...]]:
    problems = Problems()
    return _read_schedules(text, file, problems), tuple(problems.items)


def _read_schedules(text: str, file: str, problems: Problems) -> tuple[Schedule, ...]:
    found: list[Schedule] = []
    if not _RANGE.search(text) and not _FREQUENCY.search(text):
        return ()  # nothing that states a rhythm: no need to parse
    tokens = outline(text)
    heading: set[str] = set()  # the frequencies the nearest heading above states
    for index, token in enumerate(tokens):
        opener = tokens[index - 1].type if index else ""
        if token.type != "inline" or opener not in {"paragraph_open", "heading_open"}:
            continue
        if opener == "heading_open":
            heading = set()
        if not _states_a_rhythm(token):
            continue
        sentence = " ".join(inline_text(inline(token)).split())[:MAX_SENTENCE]
        line = (token.map[0] if token.map else 0) + 1
        if opener == "heading_open":
            heading = frequencies_in(sentence)
            if len(heading) < 2:
                continue  # a heading alone states no schedule; its sentences do
            schedule = Schedule(sentence[:QUOTE_LENGTH], file, line)
        elif _RANGE.search(sentence) or _FREQUENCY.search(sentence):
            schedule = _parsed(sentence[:QUOTE_LENGTH], file, line, problems)
            if schedule.parsed and heading and heading != {schedule.frequency}:
                schedule = Schedule(schedule.quote, file, line)
        else:
            continue
        found.append(schedule)
        if len(found) == MAX_SCHEDULES:
            break
    return tuple(found)


def frequencies_in(text: str) -> set[str]:
    """The frequencies (keys of PERIOD_DAYS) that `text` names."""
    return {_FREQUENCY_OF[keyword(match[0]).casefold()] for match in _FREQUENCY.finditer(text)}


def _states_a_rhythm(token: Token) -> bool:
    """Whether a paragraph's or heading's source (its first MAX_SENTENCE characters and a little
    more, what its text can come from) names a frequency or a range of them: else its markup is
    not read."""
    source = token.content[: 2 * MAX_SENTENCE]
    return bool(_RANGE.search(source) or _FREQUENCY.search(source))


def _parsed(sentence: str, file: str, line: int, problems: Problems) -> Schedule:
    quoted = Schedule(sentence, file, line)
    frequencies = frequencies_in(sentence)
    weekdays = {_weekday(m) for m in _WEEKDAY.finditer(sentence)}
    ordinals = {_ORDINALS.get(keyword(m[1] or m[2])) for m in _ORDINAL.finditer(sentence)}
    if len(frequencies) != 1 or len(weekdays) > 1 or None in ordinals or _UNCLEAR.search(sentence):
        return quoted
    times = list(_TIME.finditer(sentence))
    start = end = None
    if len(times) == 1:
        start = _clock(times[0])
    elif len(times) == 2 and _RANGE_BETWEEN.match(sentence[times[0].end() : times[1].start()]):
        start, end = _clock(times[0]), _clock(times[1])
    elif times:
        return quoted
    zone = _ZONE.search(sentence)
    offset = _offset(zone) if zone else None
    unreal = [f"the time '{clip(m[0])}' is no time of day" for m in times if _clock(m) is None]
    if zone and offset is None:
        unreal.append(f"the zone '{clip(zone[0])}' is no UTC offset a clock keeps (UTC-12 to UTC+14)")
    if unreal:
        problems.warning(
            file,
            line,
            f"in the schedule this line states, {' and '.join(unreal)}; its time and zone are left out",
            "write the time as 15:00 or 3pm, and the zone as UTC+8",
        )
        start = end = offset = None
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
        utc_offset=offset,
    )


def _weekday(match: re.Match[str]) -> int:
    if match[4]:
        return _ZH_WEEKDAY.index("日" if match[4] == "天" else match[4])
    name = keyword(match[1] or match[2] or match[3])
    return next(i for i, day in enumerate(_WEEKDAYS_EN) if day.startswith(name[:3]))


def _clock(match: re.Match[str]) -> str | None:
    """The time a match of _TIME writes, as HH:MM; None when it is no time of day (下午25点)."""
    if match["h24"]:
        return f"{int(match['h24']):02d}:{match['m24']}"
    if match["ampm"]:
        hour = int(match["h"]) % 12 + (12 if match["ampm"].lower() == "pm" else 0)
        return f"{hour:02d}:{match['m'] or '00'}"
    hour = int(match["hzh"])
    if match["part"] in {"下午", "晚上"} and hour < 12:
        hour += 12
    minutes = "30" if match["half"] else f"{int(match['mzh'] or 0):02d}"
    return f"{hour:02d}:{minutes}" if hour < 24 else None


def _offset(match: re.Match[str]) -> str | None:
    """The offset a match of _ZONE writes, as +08:00; None when no clock keeps it (UTC+99)."""
    if match[0] == "北京时间":
        return "+08:00"
    hours, minutes = int(match[2]), int(match[3] or 0)
    offset = (-1 if match[1] == "-" else 1) * timedelta(hours=hours, minutes=minutes)
    if minutes >= 60 or not MIN_UTC_OFFSET <= offset <= MAX_UTC_OFFSET:
        return None
    return f"{match[1]}{hours:02d}:{minutes:02d}"
