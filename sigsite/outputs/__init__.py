"""Machine-readable outputs of the site: calendar, Atom feed and JSON. Model in, bytes out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time

from sigsite.addresses import SiteAddresses
from sigsite.model import Group, Meeting


def instant(meeting: Meeting) -> datetime:
    """When a meeting starts, in UTC; midnight of its date when it has no time."""
    if meeting.start is not None:
        return meeting.start.astimezone(UTC)
    return datetime.combine(meeting.date or date(1970, 1, 1), time(0), UTC)


def dated(meetings: tuple[Meeting, ...]) -> list[Meeting]:
    """Meetings that have a date, newest first."""
    return sorted((m for m in meetings if m.date is not None), key=instant, reverse=True)


Published = tuple[Meeting, SiteAddresses]  # a meeting and the addresses of its SIG's site


def published_newest_first(sigs: Sequence[tuple[Group, SiteAddresses]]) -> list[Published]:
    """The dated meetings of several SIGs, each with its SIG's addresses, newest first."""
    meetings = [(meeting, site) for data, site in sigs for meeting in dated(data.meetings)]
    if len(sigs) > 1:
        meetings.sort(key=lambda pair: instant(pair[0]), reverse=True)  # stable: SIG order on ties
    return meetings
