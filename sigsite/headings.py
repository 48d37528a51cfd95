"""Read the date, time and UTC offset of a meeting note's H1, as the SIGs write it.

Seen in the wild: `Thursday June 04, 2020 at 15:00pm GMT+8`, `Saturday August 8, 2020 at
2:30pm GMT+8`, `Wednesday, April 7, 2021 at 14:30 GMT+8`, `Tuesday, jul 27, 2021 at 19:00 GMT+8`;
and in Chinese notes `2020年10月9日 星期五 15:00 GMT+8`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_UTC_OFFSET = timedelta(hours=14)  # the offsets clocks keep: UTC-12:00 to UTC+14:00
MIN_UTC_OFFSET = timedelta(hours=-12)

_HEADING = re.compile(
    r"""
    (?:(?P<weekday>[a-z]{3,9})\.?,?\s++)?
    (?P<month>[a-z]{3,9})\.?\s++(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s++(?P<year>\d{4})
    (?:,?\s*+(?:at\s++)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})\s*+(?P<ampm>[ap]\.?m\.?)?)?
    (?:\s*+\(?(?:GMT|UTC)\s*+(?P<offset>[+-]\s*+\d{1,2}(?::?\d{2})?)?\)?)?
    """,
    re.IGNORECASE | re.VERBOSE,
)


# Whitespace runs are possessive (`\s*+`): two runs side by side would otherwise split a long run
# every way before giving up (a heading padded with 32,000 spaces took 26 s).
# Chinese notes: `2020年10月9日 星期五 15:00 GMT+8` (the weekday also as 周五).
_CHINESE_HEADING = re.compile(
    r"""
    (?P<year>\d{4})\s*+年\s*+(?P<month>\d{1,2})\s*+月\s*+(?P<day>\d{1,2})\s*+[日号]
    (?:\s*+[（(]?\s*+(?:星期|周|礼拜)(?P<weekday>[一二三四五六日天])\s*+[）)]?)?
    (?:[\s,，]*+(?:[上下]午)?\s*+(?P<hour>\d{1,2})[:：.](?P<minute>\d{2}))?
    (?:\s*+\(?(?:GMT|UTC)\s*+(?P<offset>[+-]\s*+\d{1,2}(?::?\d{2})?)?\)?)?
    """,
    re.VERBOSE,
)
CHINESE_WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class HeadingTime:
    """What a heading says; any part may be missing."""

    date: date | None = None
    weekday: int | None = None  # 0 = Monday, as date.weekday()
    time: time | None = None
    utc_offset: timedelta | None = None


def _offset(text: str) -> timedelta | None:
    """`+8`, `+0530`, `-3:30` as an offset; None for what no clock keeps (`+99`, `+8:75`)."""
    sign = -1 if text.strip().startswith("-") else 1
    digits = text.strip().lstrip("+-").replace(":", "").strip()
    hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "0")
    offset = sign * timedelta(hours=int(hours), minutes=int(minutes))
    return offset if int(minutes) < 60 and MIN_UTC_OFFSET <= offset <= MAX_UTC_OFFSET else None


def _clock(hour: int, minute: int, ampm: str | None) -> time | None:
    meridiem = (ampm or "").lower().replace(".", "")
    if meridiem == "pm" and hour < 12:
        hour += 12  # `15:00pm`, a common slip, stays 15:00
    elif meridiem == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def _parse_chinese(text: str) -> HeadingTime:
    match = _CHINESE_HEADING.search(text)
    if not match:
        return HeadingTime()
    try:
        day = date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        day = None
    weekday = match["weekday"]
    return HeadingTime(
        date=day,
        weekday=CHINESE_WEEKDAYS.index(weekday.replace("天", "日")) if weekday else None,
        time=_clock(int(match["hour"]), int(match["minute"]), None) if match["hour"] else None,
        utc_offset=_offset(match["offset"]) if match["offset"] else None,
    )


def parse_heading(text: str) -> HeadingTime:
    """Read what can be read from a heading, English or Chinese; never raises."""
    if "年" in text:
        return _parse_chinese(text)
    match = _HEADING.search(text)
    if not match or match["month"].lower() not in MONTHS:
        return HeadingTime()
    try:
        day = date(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]))
    except ValueError:
        day = None
    weekday_text = (match["weekday"] or "").lower()[:3]
    weekday = WEEKDAYS.index(weekday_text) if weekday_text in WEEKDAYS else None
    clock = _clock(int(match["hour"]), int(match["minute"]), match["ampm"]) if match["hour"] else None
    offset = _offset(match["offset"]) if match["offset"] else None
    return HeadingTime(date=day, weekday=weekday, time=clock, utc_offset=offset)
