"""Turn the model into HTML fragments with autoescaped Jinja templates.

Every value from the SIG's files reaches HTML through these templates, so it is
escaped; links pass `safe_url` first. The fragments are embedded in Markdown pages,
so they carry no indentation that Markdown could mistake for code.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache, cached_property, lru_cache

from babel import Locale
from babel.dates import format_date
from jinja2 import Environment, PackageLoader, StrictUndefined, Template, select_autoescape
from markupsafe import Markup

from sigsite.links import is_web_url
from sigsite.model import ROLES, Meeting, Person, SigData
from sigsite.render.translations import DEFAULT_LOCALE, translator

SUMMARY_ITEMS = 3
ARCHIVE_RECENT = 50  # past meetings listed on the archive page itself
# Babel's full Chinese date runs the weekday into the day; the SIG writes them apart.
DATE_FORMATS = {"zh": "y年M月d日 EEEE"}
SUMMARY_LENGTH = 180


@dataclass(frozen=True)
class PageContext:
    """The page being rendered: its language, and the site's addresses made relative to it."""

    page_url: str  # site-relative URL of the current page, e.g. "meetings/"
    locale: str = DEFAULT_LOCALE
    meeting_urls: dict[str, str] = field(default_factory=dict)  # slug -> site-relative URL
    attachment_urls: dict[str, str] = field(default_factory=dict)  # file name -> URL
    archive_url: str = "meetings/"
    year_urls: dict[int, str] = field(default_factory=dict)  # year -> site-relative URL, this language
    calendar_url: str = ""  # absolute
    feed_url: str = ""  # absolute

    @cached_property
    def _folders(self) -> list[str]:
        """The folders of the current page's URL, from the root."""
        return [part for part in self.page_url.split("/")[:-1] if part]

    def to(self, url: str) -> str:
        """`url` (site-relative) as seen from the current page.

        A relative address whose first segment holds a colon would read as a scheme
        (`javascript:x`); it is written `./javascript:x`, which stays on the site.
        """
        target = [part for part in url.split("/") if part]
        folders = self._folders
        shared = 0
        while shared < min(len(folders), len(target)) and folders[shared] == target[shared]:
            shared += 1
        relative = "/".join([".."] * (len(folders) - shared) + target[shared:]) or "."
        if url.endswith("/") and not relative.endswith("/"):
            relative += "/"
        if relative in {".", "./"}:
            return "./"
        return "./" + relative if ":" in relative.split("/", 1)[0] else relative

    def meeting(self, meeting: Meeting) -> str:
        """Where a meeting is read: its own page, or the external address (web addresses only)."""
        if meeting.external_url is not None:
            return safe_url(meeting.external_url)
        return self.to(self.meeting_urls.get(meeting.slug, f"meetings/{meeting.slug}/"))

    def attachment(self, name: str) -> str:
        """The published address of a file from meetings/; empty for a file the site does not publish."""
        url = self.attachment_urls.get(name)
        return self.to(url) if url else ""


def safe_url(url: str | None) -> str:
    """The URL when it is an http or https address, else an empty string (the template drops the link)."""
    return url if url and is_web_url(url) else ""


def webcal(url: str) -> str:
    """The `webcal:` form of a calendar's web address, which calendar apps subscribe to."""
    scheme, _, rest = url.partition("://")
    return f"webcal://{rest}" if scheme in {"http", "https"} and rest else ""


def avatar_hue(person: Person) -> int:
    """A stable colour for a person's initials avatar."""
    return zlib.crc32(person.key.encode("utf-8")) % 360


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
    return format_date(day, format=DATE_FORMATS.get(locale, "full"), locale=_babel_locale(locale))


@cache
def _babel_locale(locale: str) -> Locale:
    return Locale.parse(locale)


def clock(start: datetime) -> str:
    """`15:00` in 24-hour form, as the SIG's announcements write it (the same in both languages)."""
    return f"{start:%H:%M}"


@lru_cache(maxsize=16384)  # a meeting's time shows on its page, its year, the archive and the home page
def _time_element(start: datetime | None, day: date | None, locale: str) -> Markup:
    if start is not None:
        _ = translator(locale)
        text = _("{date}, {time}", date=long_date(start, locale), time=clock(start))
        return Markup('<time datetime="{}" data-sig-local>{} {}</time>').format(
            start.isoformat(), text, zone_label(start)
        )
    if day is not None:
        return Markup('<time datetime="{}">{}</time>').format(day.isoformat(), long_date(day, locale))
    return Markup("")


def time_element(meeting: Meeting, locale: str = DEFAULT_LOCALE) -> Markup:
    """`<time>` with the meeting's date, time and zone (the script adds the visitor's time)."""
    return _time_element(meeting.start, meeting.date, locale)


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


@cache
def environment(locale: str = DEFAULT_LOCALE) -> Environment:
    """The autoescaping template environment of one language.

    The language is a global of its environment, so templates import their macros without
    context, and Jinja compiles and caches each macro module once.
    """
    env = Environment(
        loader=PackageLoader("sigsite.render", "templates"),
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
        summary=agenda_summary,
        meeting_title=meeting_title,
        hue=avatar_hue,
    )
    env.globals.update(
        roles=ROLES, locale=locale, _=translator(locale), when=lambda m: time_element(m, locale)
    )
    return env


@cache
def _template(name: str, locale: str) -> Template:
    return environment(locale).get_template(name)


def _render(template: str, locale: str, *, for_markdown: bool = True, **context: object) -> str:
    html = _template(template, locale).render(**context)
    if not for_markdown:
        return html  # added to a page's HTML after Markdown has run
    # Markdown treats indented lines as code: keep every line flush left, blank runs single.
    lines = [line.strip() for line in html.splitlines()]
    kept = [line for i, line in enumerate(lines) if line or (i and lines[i - 1])]
    return "\n".join(kept).strip() + "\n"


# Where the roster goes on a page: the plugin puts it there after Markdown and search have read the
# page, which would otherwise parse half a megabyte of finished HTML for a SIG of a thousand people.
ROSTER_SLOT = "<div data-sigsite-roster></div>"


def render_roster(data: SigData, locale: str = DEFAULT_LOCALE) -> str:
    """The members page: every person once, with all their roles, filterable by role and name."""
    counts = {role: len(data.people_with_role(role)) for role in ROLES}
    return _render("roster.html", locale, for_markdown=False, people=data.people, counts=counts)


def render_people(data: SigData, role: str, locale: str = DEFAULT_LOCALE) -> str:
    """A compact list of the people who hold one role, e.g. the maintainers on the home page."""
    return _render("people_list.html", locale, people=data.people_with_role(role))


def render_repositories(data: SigData, locale: str = DEFAULT_LOCALE) -> str:
    """The repositories of sig-info.yaml and their committers; empty without that file."""
    people = {person.key: person for person in data.people}
    return _render("repositories.html", locale, repositories=data.repositories, people=people)


def split_by_today(data: SigData, today: date) -> tuple[list[Meeting], list[Meeting]]:
    """(upcoming meetings, soonest first; past meetings, newest first)."""
    dated = [(m, m.date) for m in data.meetings if m.date is not None]
    upcoming = [m for m, day in dated if day >= today]
    past = [m for m, day in reversed(dated) if day < today]
    return upcoming, past


def render_next_meeting(data: SigData, links: PageContext, today: date) -> str:
    """The home page block: the next meeting, or a visitor-worded empty state."""
    upcoming, past = split_by_today(data, today)
    return _render("next_meeting.html", links.locale, upcoming=upcoming[:1], recent=past[:3], links=links)


def by_year(meetings: list[Meeting]) -> dict[int, list[Meeting]]:
    """Dated meetings grouped by year, in the order given."""
    years: dict[int, list[Meeting]] = {}
    for meeting in meetings:
        if meeting.date is not None:
            years.setdefault(meeting.date.year, []).append(meeting)
    return years


def render_archive(data: SigData, links: PageContext, today: date) -> str:
    """Upcoming meetings, the most recent ones by year, an index of every year, and files.

    The archive stays one screenful however long the SIG has met: older meetings are on
    their year's page.
    """
    upcoming, past = split_by_today(data, today)
    all_years = by_year(list(reversed(data.meetings)))
    return _render(
        "archive.html",
        links.locale,
        upcoming=upcoming,
        years=by_year(past[:ARCHIVE_RECENT]),
        older=len(past) > ARCHIVE_RECENT,
        year_counts={year: len(meetings) for year, meetings in all_years.items()},
        undated=[m for m in data.meetings if m.date is None],
        attachments=sorted(data.attachments, key=lambda a: (a.date or date.min, a.source), reverse=True),
        links=links,
        webcal_url=webcal(links.calendar_url),
        meeting_pad=data.meeting_pad,
    )


def render_year(meetings: list[Meeting], year: int, links: PageContext) -> str:
    """The list on a year's page: that year's meetings (from `by_year`), newest first."""
    return _render("year.html", links.locale, for_markdown=False, year=year, meetings=meetings, links=links)


def year_page_markdown(year: int, locale: str = DEFAULT_LOCALE) -> str:
    """The Markdown source of a year's page: only our front matter; `render_year` adds the list.

    The list repeats the meetings' titles and summaries, so search leaves the page out and
    finds the meetings themselves.
    """
    _ = translator(locale)
    title = _("Meetings of {year}", year=year)
    front = {"title": title, "description": title, "render_macros": False, "search": {"exclude": True}}
    return front_matter(front)


@dataclass(frozen=True)
class MeetingFrame:
    """What a meeting's page shows around its note: the date and links above, its neighbours below."""

    header: str
    footer: str

    def around(self, note_html: str) -> str:
        """The page's HTML: the note (sanitized by the caller, sigsite.sanitize) in its frame."""
        return f"{self.header}\n{note_html}\n{self.footer}"


def meeting_frame(
    meeting: Meeting, previous: Meeting | None, following: Meeting | None, links: PageContext
) -> MeetingFrame:
    """The frame of a meeting's page; it needs the page's address, not its note."""
    return MeetingFrame(
        header=_render("meeting_header.html", links.locale, for_markdown=False, meeting=meeting, links=links),
        footer=_render(
            "meeting_footer.html",
            links.locale,
            for_markdown=False,
            previous=previous,
            following=following,
            links=links,
        ),
    )


def plain_text(text: str) -> str:
    """Text safe in places that themes print unescaped (titles, meta tags): no markup characters."""
    return text.translate(_MARKUP_LOOKALIKES).strip()


_MARKUP_LOOKALIKES = str.maketrans({"<": "‹", ">": "›", "&": "＆", '"': "”", "{": "｛", "}": "｝"})


def meeting_page_title(meeting: Meeting, locale: str = DEFAULT_LOCALE) -> str:
    """`Meeting 001 · Thursday, June 4, 2020`, safe for the theme's templates."""
    title = meeting_title(meeting, locale)
    if meeting.date is not None:
        title = f"{title} · {long_date(meeting.date, locale)}"
    return plain_text(title)


def meeting_markdown(meeting: Meeting, locale: str = DEFAULT_LOCALE) -> str:
    """The Markdown source of a meeting's page: fixed front matter, then the note as written.

    The front matter is ours alone (the note's own was read by the parser), so the page can
    never opt into template rendering.
    """
    title = meeting_page_title(meeting, locale)
    description = plain_text(agenda_summary(meeting)) or title
    front = {"title": title, "description": description, "render_macros": False}
    return front_matter(front) + meeting.body


def front_matter(values: dict[str, object]) -> str:
    """YAML front matter for a generated page; JSON scalars are valid YAML, and fast to write."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in values.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"
