"""`meetings.ics`: an iCalendar event per upcoming and recent meeting, stable and reproducible.

Calendar apps fetch a subscribed calendar again every few hours, so its size must not grow with
the archive: it holds every upcoming meeting and the latest past ones; the site keeps them all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

from icalendar import Calendar, Event, Timezone

from sigsite.addresses import SiteAddresses
from sigsite.formatting import agenda_summary, meeting_title
from sigsite.model import Group
from sigsite.outputs import Published, instant, published_newest_first

REFRESH = timedelta(hours=12)


@dataclass(frozen=True)
class ExpectedSession:
    """A session a group's stated schedule makes expected, not announced: a tentative event, at
    the time the README states (`start`, in UTC) or on its day alone when it states none."""

    day: date
    start: datetime | None  # aware; None when the README gives no time with its zone
    minutes: int | None  # from the stated end, if any
    site: SiteAddresses  # the group's
    source: str  # where the schedule is stated: `tsc/README.md:6`


PAST_EVENTS = 100  # about two years of weekly meetings


@lru_cache(maxsize=256)  # the hub's calendars share their zones: each is worked out once
def _timezone(tzid: str, since: date) -> Timezone:
    """The VTIMEZONE of an IANA zone, with its transitions from `since` on (read, never changed)."""
    return Timezone.from_tzid(tzid, first_date=since)


def calendar_meetings(sigs: Sequence[tuple[Group, SiteAddresses]], today: date) -> list[Published]:
    """Every meeting from `today` on and the PAST_EVENTS latest before it, newest first."""
    meetings = published_newest_first(sigs)
    upcoming = sum(1 for m, _ in meetings if m.date is not None and m.date >= today)
    return meetings[: upcoming + PAST_EVENTS]


def calendar_of(
    sigs: Sequence[tuple[Group, SiteAddresses]],
    own: SiteAddresses,
    today: date,
    expected: Sequence[ExpectedSession] = (),
) -> bytes:
    """The calendar of the meetings of one SIG or several (the hub's), and the sessions their stated
    schedules make `expected` (tentative); `own` names the calendar itself; the same input and
    `today` always give the same bytes."""
    calendar = Calendar.new(
        prodid=f"-//{own.site_name}//sigsite//EN",
        name=own.site_name,
        description=f"Meetings of the {own.site_name}",
        refresh_interval=REFRESH,
        uid=f"{own.event_prefix}meetings@{own.host}",
        url=own.site_url,
        calscale="GREGORIAN",
    )
    calendar["REFRESH-INTERVAL"].params["VALUE"] = "DURATION"  # RFC 7986 requires it; icalendar omits it
    meetings = calendar_meetings(sigs, today)
    for meeting, site in reversed(meetings):
        # A meeting with a time is an event of its length; one with a date only takes the day.
        start: date | datetime
        end: date | datetime
        if meeting.start is not None:
            start, end = meeting.start, meeting.start + timedelta(minutes=meeting.duration_minutes)
        else:
            start = meeting.date or today  # calendar_meetings keeps dated meetings only
            end = start + timedelta(days=1)
        url = site.of(meeting)
        agenda = "\n".join(f"- {item}" for item in meeting.agenda_items) or agenda_summary(meeting)
        if meeting.time_from:  # said as the page says it: the record states no time of its own
            agenda = "\n\n".join(
                part
                for part in (agenda, f"Time from the README ({meeting.time_from}); the record states none.")
                if part
            )
        calendar.add_component(
            Event.new(
                uid=f"{site.event_prefix}{meeting.slug}@{site.host}",
                stamp=instant(meeting),  # a fixed stamp: no "now" in reproducible output
                start=start,
                end=end,
                summary=f"{site.site_name}: {meeting_title(meeting)}",
                description="\n\n".join(part for part in (agenda, url) if part),
                url=url,
                location=meeting.conference_links[0] if meeting.conference_links else None,
            )
        )
    for session in expected:
        calendar.add_component(_expected_event(session))
    first = min((m.date for m, _ in meetings if m.date), default=None)
    if first is not None:
        since = date(first.year - 1, 1, 1)  # a year before the first meeting, from its start
        calendar.subcomponents.extend(_timezone(tzid, since) for tzid in calendar.get_missing_tzids())
    else:  # RFC 5545 wants one component at least: with no event, the zone of the day's events
        calendar.add_component(_timezone("UTC", date(today.year, 1, 1)))
    # Time zones first, in a fixed order (icalendar adds them from a set).
    calendar.subcomponents.sort(
        key=lambda c: (c.name != "VTIMEZONE", str(c.get("TZID", "")) if c.name == "VTIMEZONE" else "")
    )
    ics: bytes = calendar.to_ical()
    return ics


def _expected_event(session: ExpectedSession) -> Event:
    """A tentative event, labelled as expected: no one has announced it."""
    site = session.site
    start: date | datetime = session.start or session.day
    end: date | datetime = (
        session.start + timedelta(minutes=session.minutes or 60)
        if session.start
        else session.day + timedelta(days=1)
    )
    event = Event.new(
        uid=f"{site.event_prefix}expected-{session.day.isoformat()}@{site.host}",
        stamp=datetime.combine(session.day, datetime.min.time(), UTC),  # fixed: no "now"
        start=start,
        end=end,
        summary=f"{site.site_name}: expected session (not announced)",
        description=f"Expected from the schedule stated in {session.source}; not announced. "
        f"See the group's page for its sessions: {site.site_url}",
        url=site.site_url,
    )
    event.add("status", "TENTATIVE")
    return event
