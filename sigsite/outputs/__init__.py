"""Machine-readable outputs of the site: calendar, Atom feed and JSON. Model in, bytes out."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sigsite.model import Meeting


def instant(meeting: Meeting) -> datetime:
    """When a meeting starts, in UTC; midnight of its date when it has no time."""
    if meeting.start is not None:
        return meeting.start.astimezone(UTC)
    return datetime.combine(meeting.date or date(1970, 1, 1), time(0), UTC)


def dated(meetings: tuple[Meeting, ...]) -> list[Meeting]:
    """Meetings that have a date, newest first."""
    return sorted((m for m in meetings if m.date is not None), key=instant, reverse=True)
