"""The autoescaping Jinja environment of each language, and rendering a template with it.

Every value from the SIG's files reaches HTML through these templates, so it is escaped; links
pass `safe_url` first.
"""

from __future__ import annotations

import zlib
from datetime import date, datetime
from functools import cache, lru_cache

from jinja2 import BytecodeCache, Environment, PackageLoader, StrictUndefined, Template, select_autoescape
from jinja2.bccache import Bucket
from markupsafe import Markup

from sigsite.addresses import safe_url
from sigsite.formatting import agenda_summary, calendar_date, clock, long_date, meeting_title, zone_label
from sigsite.model import ROLES, Meeting, Person
from sigsite.translations import DEFAULT_LOCALE, translator


def avatar_hue(person: Person) -> int:
    """A stable colour for a person's initials avatar."""
    return zlib.crc32(person.key.encode("utf-8")) % 360


@lru_cache(maxsize=16384)  # a meeting's time shows on its page, its year, the archive and the home page
def _time_element(start: datetime | None, day: date | None, locale: str) -> Markup:
    if start is not None:
        _ = translator(locale)
        text = _("{date}, {time}", date=long_date(start, locale), time=clock(start))
        # The script's words for the visitor's time, with `{time}` where it puts it.
        local = _(" (your time: {time})", time="{time}")
        return Markup('<time datetime="{}" data-sig-local="{}">{} {}</time>').format(
            start.isoformat(), local, text, zone_label(start)
        )
    if day is not None:
        return Markup('<time datetime="{}">{}</time>').format(day.isoformat(), long_date(day, locale))
    return Markup("")


def time_element(meeting: Meeting, locale: str = DEFAULT_LOCALE, *, mark: bool = True) -> Markup:
    """`<time>` with the meeting's date, time and zone; the script adds the visitor's time in the
    words of its `data-sig-local`. A time taken from the README says so after it, unless `mark`
    is off (a page that puts time_from_mark elsewhere)."""
    element = _time_element(meeting.start, meeting.date, locale)
    return element + time_from_mark(meeting, locale) if mark and meeting.time_from else element


def time_from_mark(meeting: Meeting, locale: str = DEFAULT_LOCALE) -> Markup:
    """A badge "time from the README" when the meeting states no time and shows its README's (on a
    day that keeps the README's rhythm, meeting_times.py), the README's line in its title; else
    nothing."""
    if not (meeting.time_from and meeting.start):
        return Markup("")
    return Markup(' <span class="sig-badge sig-badge--quiet sig-time-from" title="{}">{}</span>').format(
        meeting.time_from, translator(locale)("time from the README")
    )


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory for the next environment that loads the same ones: ours,
    one environment a language, which differ in their globals only (read when code runs); and the
    theme's, which mkdocs-static-i18n loads in a new environment for each language's build. Jinja
    checks each entry against its template's source, so an edited template is compiled anew."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = CompiledTemplates()  # ours: each template compiled once a process


@cache
def environment(locale: str = DEFAULT_LOCALE) -> Environment:
    """The autoescaping template environment of one language.

    The language is a global of its environment, so templates import their macros without
    context, and Jinja compiles and caches each macro module once.
    """
    env = Environment(
        loader=PackageLoader("sigsite.render", "templates"),
        bytecode_cache=_COMPILED,
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,  # the templates ship with the package; no stat() per render
    )
    env.filters.update(
        safe_url=safe_url,
        long_date=long_date,
        calendar_date=calendar_date,
        summary=agenda_summary,
        meeting_title=meeting_title,
        hue=avatar_hue,
    )
    env.globals.update(
        roles=ROLES,
        locale=locale,
        _=translator(locale),
        when=lambda m, mark=True: time_element(m, locale, mark=mark),
        time_from=lambda m: time_from_mark(m, locale),
    )
    return env


@cache
def _template(name: str, locale: str) -> Template:
    return environment(locale).get_template(name)


def render_template(template: str, locale: str, *, for_markdown: bool = True, **context: object) -> str:
    html = _template(template, locale).render(**context)
    if not for_markdown:
        return html  # added to a page's HTML after Markdown has run
    # Markdown treats indented lines as code: keep every line flush left, blank runs single.
    lines = [line.strip() for line in html.splitlines()]
    kept = [line for i, line in enumerate(lines) if line or (i and lines[i - 1])]
    return "\n".join(kept).strip() + "\n"
