"""How dates, times, titles and summaries are written in each language: plain strings, no markup.

The outputs (calendar, feed, JSON) and `sigsite new-meeting` use these without the templates.
"""

from __future__ import annotations

import html
from datetime import date, datetime
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date

from sigsite.languages import language
from sigsite.model import Meeting
from sigsite.translations import DEFAULT_LOCALE, translator

SUMMARY_ITEMS = 3
SUMMARY_LENGTH = 180
# A name or title taken from a file (a group's name, a document's heading): what a page can show in
# its title and on every page of a group, so a longer one is shortened.
MAX_TITLE = 200


def shortened(text: str, limit: int = MAX_TITLE) -> str:
    """`text`, or its first `limit` characters ending in "…"."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def zone_label(start: datetime) -> str:
    """`GMT+8`, `GMT-4:30` or `GMT`: the offset as the SIG's notes write it."""
    offset = start.utcoffset()
    if offset is None:
        return ""
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "GMT"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"GMT{sign}{hours}" + (f":{rest:02d}" if rest else "")


def long_date(day: date, locale: str = DEFAULT_LOCALE) -> str:
    """`Thursday, June 4, 2020`, `2020年6月4日 星期四`: the full date in the given locale."""
    return _long_date(day.date() if isinstance(day, datetime) else day, locale)


@lru_cache(maxsize=8192)  # each date is shown on its page, its neighbours, the archive and its year
def _long_date(day: date, locale: str) -> str:
    return format_date(day, format=language(locale).date_format, locale=_babel_locale(locale))


def calendar_date(day: date, locale: str = DEFAULT_LOCALE) -> str:
    """`July 4, 2025`, `2025年7月4日`: the date without its weekday, as Babel writes it in the locale."""
    return format_date(day, format="long", locale=_babel_locale(locale))


@cache
def _babel_locale(locale: str) -> Locale:
    return Locale.parse(locale)


def clock(start: datetime) -> str:
    """`15:00` in 24-hour form, as the SIG's announcements write it (the same in both languages)."""
    return f"{start:%H:%M}"


def agenda_summary(meeting: Meeting) -> str:
    """One line for the archive: the front matter summary, else the first agenda items."""
    if meeting.summary:
        text = meeting.summary
    else:
        items = [item.strip("*_` ") for item in meeting.agenda_items[:SUMMARY_ITEMS]]
        text = "; ".join(items)
    return text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1].rstrip() + "…"


def meeting_title(meeting: Meeting, locale: str = DEFAULT_LOCALE) -> str:
    """The title to show: the note's own, or one made from its number."""
    _ = translator(locale)
    if meeting.title:
        return meeting.title
    if meeting.sequence is not None:
        return _("Meeting {number}", number=f"{meeting.sequence:03d}")
    return _("SIG meeting")


def theme_text(text: str) -> str:
    """A title or description as front matter must hold it: Material prints a page's title and
    description as HTML, unescaped (the <title>, the header, the h1, the description meta tag,
    the search index, whose results are put in as HTML), so it is HTML-escaped here, once, and
    shows as written everywhere; braces are escaped too, so no template engine reads a title."""
    return html.escape(text.strip(), quote=True).translate(_BRACES)


_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})


def meeting_page_title(meeting: Meeting, locale: str = DEFAULT_LOCALE, group: str = "") -> str:
    """`Meeting 001 · Thursday, June 4, 2020`, with the `group` it belongs to on a site of several
    (`… · MindSpore Alpha SIG`) unless the title names it; plain text."""
    title = meeting_title(meeting, locale)
    if meeting.date is not None and meeting.date.isoformat() not in title:
        title = f"{title} · {long_date(meeting.date, locale)}"
    if group and group.casefold() not in title.casefold():
        title = f"{title} · {group}"
    return title
